import { TrackerError } from '../errors/TrackerError'
import { EVENT_NAMES } from '../events/bodyKeys'
import { buildEvent, buildRawEvent } from '../events/buildEvent'
import { isRecord } from '../schemas/values'
import type { BuildResult, EventContext, EventName, SendResult } from '../types'
import { callSafely, notify, timeFrom } from './safety'
import type { TrackerMethods, TrackerMethodsOptions } from './types'

/** Whether a value is a TrackerError, also one made by another copy of this module. */
function isTrackerError(value: unknown): value is TrackerError {
  return value instanceof TrackerError || (value instanceof Error && value.name === 'TrackerError' && 'code' in value)
}

/** Each event's method name: productPage for ProductPage, ... */
const METHOD_NAMES = /* @__PURE__ */ EVENT_NAMES.map((eventName) => eventName[0]!.toLowerCase() + eventName.slice(1))

/** What one call builds: its event's name and how the payload is built once the context is known. */
type Plan = readonly [eventName: EventName, build: (context: EventContext) => BuildResult]

/**
 * Creates every tracker method of API.md on top of a platform's context, delivery and cart memory.
 *
 * Each method takes the event time at the call, waits for the context, builds and validates the
 * payload with core's builders, applies the cart GUID rule (PAYLOADS.md "GUID") and hands the payload
 * to `enqueue`. With a synchronous context the event is queued before the method returns (so a
 * `flush()` right after covers it); an asynchronous one is awaited, and later calls queue behind it,
 * so calls are always processed in call order and a purchase sees the cart sent before it.
 * Whatever goes wrong, the method resolves `{ ok: false, error }` (also passed to `onError`).
 *
 * @example
 * const methods = createTrackerMethods({ context: () => ({ siteId, sc }), enqueue: engine.enqueue, newGuid })
 * await methods.categoryPage({ categoryKey: 'Babies' })
 */
export function createTrackerMethods(options: TrackerMethodsOptions): TrackerMethods {
  const { cart } = options
  /** The last call still waiting for an asynchronous context; later calls queue behind it. */
  let previous: Promise<unknown> = Promise.resolve()
  let waiting = 0

  const report = (error: TrackerError): SendResult => {
    notify(() => options.onError?.(error))
    return { ok: false, error }
  }
  const fail = (cause: unknown, code: TrackerError['code'], message: string): SendResult =>
    report(isTrackerError(cause) ? cause : new TrackerError(code, message, { cause }))
  const contextFailed = (eventName: EventName, cause: unknown) =>
    fail(cause, 'invalid_config', `${eventName} not sent: the tracker context failed`)

  /** Builds with the context and queues: synchronous, so a sync context gets the event queued at the call. */
  function complete([eventName, build]: Plan, context: unknown, at: number): SendResult | Promise<SendResult> {
    if (!isRecord(context) || isTrackerError(context)) return contextFailed(eventName, context)
    const given = context as unknown as EventContext
    let result: BuildResult
    try {
      result = build({ ...given, datetime: given.datetime ?? at })
    } catch (cause) {
      return fail(cause, 'invalid_event', `Invalid ${eventName} event: its input could not be read (${String(cause)})`)
    }
    if (!result.ok) return report(result.error)
    const { payload, warnings } = result
    if (warnings && warnings.length > 0) notify(() => options.onWarning?.(warnings, eventName))
    // The GUID of a cart with products is the one a purchase joins (PAYLOADS.md "GUID"). The GUID a
    // purchase carries becomes the last cart GUID too (ESJS.md: a GUID given in a body is kept).
    const name = payload.GeneralInfo.eventName
    const cartBody = name === 'StatusCart' || name === 'PurchasedItems' ? payload[name] : undefined
    if (isRecord(cartBody) && typeof cartBody.GUID === 'string') {
      const { GUID, Products } = cartBody
      if (name === 'PurchasedItems' || (Array.isArray(Products) && Products.length > 0))
        callSafely(() => cart?.set(GUID))
    }
    // A raw `send` names its event loosely; the built payload carries the canonical name.
    return options.enqueue(payload.GeneralInfo.eventName ?? eventName, payload)
  }

  /** Runs after every earlier call that is still waiting for its context, so calls keep their order. */
  function later(start: () => [Plan, unknown], at: number): Promise<SendResult> {
    waiting++
    const step = previous.then(async () => {
      const [plan, context] = start()
      let resolved: unknown
      try {
        resolved = await context
      } catch (cause) {
        return { delivery: contextFailed(plan[0], cause) }
      }
      // Wrapped so that the next call waits for this one's queueing, not for its delivery.
      return { delivery: complete(plan, resolved, at) }
    })
    const done = step.finally(() => {
      waiting--
    })
    previous = done.catch(() => {})
    return done.then(({ delivery }) => delivery)
  }

  function run(makePlan: () => Plan): Promise<SendResult> {
    const at = timeFrom(() => (options.now ?? Date.now)())
    let delivery: SendResult | Promise<SendResult>
    try {
      if (waiting > 0) {
        delivery = later(() => {
          const plan = makePlan()
          return [plan, options.context(plan[0])]
        }, at)
      } else {
        const plan = makePlan()
        const context = options.context(plan[0])
        delivery =
          typeof (context as Partial<PromiseLike<unknown>> | null)?.then === 'function'
            ? later(() => [plan, context], at)
            : complete(plan, context, at)
      }
    } catch (cause) {
      delivery = Promise.reject(cause)
    }
    return Promise.resolve(delivery).then(
      (result) =>
        isRecord(result) && typeof result.ok === 'boolean'
          ? (result as SendResult)
          : report(new TrackerError('invalid_config', 'Event not sent: enqueue answered no result')),
      (cause) => fail(cause, 'invalid_event', `Event not sent: ${String(cause)}`),
    )
  }

  /** A friendly method's plan; the cart GUID rule fills `guid` when the call is processed. */
  const plan = (eventName: EventName, input: unknown) => (): Plan => {
    let given = input
    if (isRecord(input) && eventName === 'StatusCart') {
      // Every cart change gets a new GUID; only a cart with products may take the purchase's GUID.
      given = { ...input, guid: input.guid ?? options.newGuid() }
    } else if (isRecord(input) && eventName === 'PurchasedItems') {
      const joined = input.guid ?? (input.oneClick === true ? undefined : callSafely(() => cart?.get()))
      if (joined !== undefined) given = { ...input, guid: joined }
    }
    return [eventName, (context) => buildEvent(eventName, given, context)]
  }

  const methods: Record<string, (input: unknown, body?: unknown) => Promise<SendResult>> = {}
  EVENT_NAMES.forEach((eventName, index) => {
    methods[METHOD_NAMES[index]!] = (input) => run(plan(eventName, input))
  })
  methods.send = (eventName, body) =>
    run(() => {
      const name = String(eventName) as EventName
      return [name, (context) => buildRawEvent(name, body, context)]
    })
  return methods as unknown as TrackerMethods
}

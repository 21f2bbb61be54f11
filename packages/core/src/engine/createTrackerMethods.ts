import { TrackerError } from '../errors/TrackerError'
import { EVENT_NAMES } from '../events/bodyKeys'
import { buildEvent, buildRawEvent } from '../events/buildEvent'
import { isRecord } from '../schemas/values'
import type { BuildResult, EventContext, EventName, SendResult } from '../types'
import { callSafely, notify, timeFrom } from './safety'
import type { TrackerMethods, TrackerMethodsOptions } from './types'

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
  /** Settles once the last call that waited for an asynchronous context is queued; later calls queue behind it. */
  let previous: Promise<unknown> = Promise.resolve()
  let waiting = 0

  const report = (error: TrackerError): SendResult => {
    notify(() => options.onError?.(error))
    return { ok: false, error }
  }
  /** A TrackerError (a refusal) passes as it is; anything else becomes one with this code and message. */
  const fail = (cause: unknown, code: TrackerError['code'], message: string): SendResult =>
    report(cause instanceof TrackerError ? cause : new TrackerError(code, message, { cause }))
  const contextFailed = (eventName: EventName, cause: unknown) =>
    fail(cause, 'invalid_config', `${eventName} not sent: context failed`)

  /** Builds with the context and queues: synchronous, so a sync context gets the event queued at the call. */
  function complete([eventName, build]: Plan, context: unknown, at: number): SendResult | Promise<SendResult> {
    if (!isRecord(context) || context instanceof TrackerError) return contextFailed(eventName, context)
    // Builders never throw; a context that does (a hostile getter) ends in run's catch.
    const result = build({ ...(context as unknown as EventContext), datetime: (context.datetime as number) ?? at })
    if (!result.ok) return report(result.error)
    const { payload, warnings } = result
    if (warnings?.length) notify(() => options.onWarning?.(warnings, eventName))
    // The GUID of a cart with products is the one a purchase joins (PAYLOADS.md "GUID"). The GUID a
    // purchase carries becomes the last cart GUID too (ESJS.md: a GUID given in a body is kept).
    // A raw `send` names its event loosely; the built payload carries the canonical name.
    const name = payload.GeneralInfo.eventName ?? eventName
    const body = payload[name] as { GUID?: unknown; Products?: unknown } | undefined
    const guid = body?.GUID
    if (
      typeof guid === 'string' &&
      (name === 'PurchasedItems' ||
        (name === 'StatusCart' && Array.isArray(body!.Products) && body!.Products.length > 0))
    )
      callSafely(() => cart?.set(guid))
    return options.enqueue(name, payload)
  }

  function run(makePlan: () => Plan): Promise<SendResult> {
    const at = timeFrom(() => (options.now ?? Date.now)())
    const start = (): [Plan, unknown] => {
      const plan = makePlan()
      return [plan, options.context(plan[0])]
    }
    let delivery: SendResult | Promise<SendResult>
    try {
      const started = waiting > 0 ? undefined : start()
      if (started && typeof (started[1] as Partial<PromiseLike<unknown>> | null)?.then !== 'function') {
        delivery = complete(started[0], started[1], at)
      } else {
        // Behind every earlier call still waiting for its context, so that calls keep their order.
        waiting++
        const queued = previous.then(() => {
          const [plan, context] = started ?? start()
          // Wrapped so that the next call waits for this one's queueing, not for its delivery.
          return Promise.resolve(context).then(
            (resolved) => [complete(plan, resolved, at)],
            (cause) => [contextFailed(plan[0], cause)],
          )
        })
        const done = queued.finally(() => {
          waiting--
        })
        previous = done.catch(() => {})
        delivery = done.then(([result]) => result!)
      }
    } catch (cause) {
      delivery = Promise.reject(cause)
    }
    return Promise.resolve(delivery).catch((cause) => fail(cause, 'invalid_event', `Event not sent: ${String(cause)}`))
  }

  /** A friendly method's plan; the cart GUID rule fills `guid` when the call is processed. */
  const plan = (eventName: EventName, input: unknown) => (): Plan => {
    // Every cart change gets a new GUID; only a cart with products may take the purchase's GUID.
    const guid = !isRecord(input)
      ? undefined
      : eventName === 'StatusCart'
        ? (input.guid ?? options.newGuid())
        : eventName === 'PurchasedItems'
          ? (input.guid ?? (input.oneClick === true ? undefined : callSafely(() => cart?.get())))
          : undefined
    const given = guid === undefined ? input : { ...(input as object), guid }
    return [eventName, (context) => buildEvent(eventName, given, context)]
  }

  const methods: Record<string, (input: unknown, body?: unknown) => Promise<SendResult>> = {}
  // Each event's method: productPage for ProductPage, ...
  for (const eventName of EVENT_NAMES)
    methods[eventName[0]!.toLowerCase() + eventName.slice(1)] = (input) => run(plan(eventName, input))
  methods.send = (eventName, body) =>
    run(() => {
      const name = String(eventName) as EventName
      return [name, (context) => buildRawEvent(name, body, context)]
    })
  return methods as unknown as TrackerMethods
}

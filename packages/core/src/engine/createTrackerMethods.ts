import { TrackerError } from '../errors/TrackerError'
import { buildEvent, buildRawEvent } from '../events/buildEvent'
import { EVENT_NAMES, type EventName, methodNameOf } from '../events/registry'
import type { EventContext } from '../events/types'
import { isRecord } from '../schemas/predicates'
import { callSafely, failure, notify, timeFrom } from './hostCalls'
import type { SendOptions, SendResult, TrackerMethods, TrackerMethodsOptions } from './types'

/** One method call: `raw` for `send`'s wire body; `options` as given (its last argument). */
interface Call {
  eventName: unknown
  input: unknown
  raw?: boolean
  options?: unknown
}

/** Settles a method's promise: with the delivery's result, or a failure. */
type Settle = (result: SendResult | Promise<SendResult>) => void

/** The names of every tracker method: one per registered event (`productPage`, ...) and `send`. */
export const trackerMethodNames: readonly (keyof TrackerMethods)[] = [...EVENT_NAMES.map(methodNameOf), 'send']

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
  /** Calls waiting for an asynchronous context, and what settles once the last of them is queued. */
  let waiting = 0
  let previous: Promise<unknown> | undefined

  /** A TrackerError (a refusal) passes as it is; anything else becomes one with this code and message. */
  const fail = (cause: unknown, code: TrackerError['code'], message: string): SendResult =>
    failure(options, cause instanceof TrackerError ? cause : new TrackerError(code, message, { cause }))
  const contextFailed = (eventName: EventName, cause: unknown) =>
    fail(cause, 'invalid_config', `${eventName} not sent: context failed`)

  /**
   * Prepares one call and queues its event once the context is known, then settles the method with
   * the delivery. A synchronous context gets the event queued at once; an asynchronous one gives a
   * promise that settles once the event is queued (not delivered), for the next call to wait for.
   */
  function process(call: Call, at: number, settle: Settle) {
    const { eventName, input, raw } = call
    const name = String(eventName) as EventName
    // Read at the call (a hostile options object throws here, into run's catch). Only a transaction counts.
    const transaction = isRecord(call.options) ? call.options.transaction : undefined
    const sendOptions: SendOptions | undefined = transaction === undefined ? undefined : { transaction }
    const given = raw ? input : withCartGuid(name, input)
    const complete = (context: unknown): SendResult | Promise<SendResult> => {
      if (!isRecord(context) || context instanceof TrackerError) return contextFailed(name, context)
      // Builders never throw; a context that does (a hostile getter) ends in run's catch.
      const full = { ...(context as unknown as EventContext), datetime: (context.datetime as number) ?? at }
      const result = raw ? buildRawEvent(name, given, full) : buildEvent(name, given, full)
      if (!result.ok) return failure(options, result.error)
      const { payload, warnings } = result
      if (warnings?.length) notify(() => options.onWarning?.(warnings, name))
      // The GUID of a cart with products is the one a purchase joins (PAYLOADS.md "GUID"). The GUID a
      // purchase carries becomes the last cart GUID too (ESJS.md: a GUID given in a body is kept). The
      // payload is valid: its GeneralInfo.eventName is `name`, a cart has Products and a GUID.
      const body = payload[name] as { GUID?: string; Products?: unknown[] }
      if (name === 'PurchasedItems' ? body.GUID : name === 'StatusCart' && body.Products!.length)
        callSafely(() => cart?.set(body.GUID!))
      return sendOptions ? options.enqueue(name, payload, sendOptions) : options.enqueue(name, payload)
    }
    const context = options.context(name)
    // Settled from inside the callbacks: answering the delivery would make the next call wait for it.
    if (typeof (context as Partial<PromiseLike<unknown>> | null)?.then === 'function')
      return Promise.resolve(context).then(
        (resolved) => settle(complete(resolved)),
        (cause) => settle(contextFailed(name, cause)),
      )
    settle(complete(context))
  }

  /** Takes the event time now and processes the call in call order. */
  function run(call: Call): Promise<SendResult> {
    const at = timeFrom(() => (options.now ?? Date.now)())
    // The executor runs now: a sync context gets the event queued before the method returns.
    return new Promise<SendResult>((resolve, reject) => {
      let delivery: SendResult | Promise<SendResult>
      const start = () =>
        process(call, at, (result) => {
          delivery = result
        })
      // Behind every earlier call still waiting for its context, so that calls keep their order.
      const queued = waiting ? previous!.then(start) : start()
      if (!queued) return resolve(delivery!)
      waiting++
      // Once queued (not delivered) the call stops holding later ones up, before its method settles:
      // a call made then is queued at once again.
      previous = queued
        .finally(() => {
          waiting--
        })
        .then(() => resolve(delivery), reject)
    }).catch((cause) => fail(cause, 'invalid_event', `Event not sent: ${String(cause)}`))
  }

  /** A friendly input with the GUID the cart rule gives it, read when the call is processed. */
  function withCartGuid(eventName: EventName, input: unknown): unknown {
    // Every cart change gets a new GUID; only a cart with products may take the purchase's GUID.
    const guid = !isRecord(input)
      ? undefined
      : eventName === 'StatusCart'
        ? (input.guid ?? options.newGuid())
        : eventName === 'PurchasedItems'
          ? (input.guid ?? (input.oneClick === true ? undefined : callSafely(() => cart?.get())))
          : undefined
    return guid === undefined ? input : { ...(input as object), guid }
  }

  const methods: Record<string, (...args: unknown[]) => Promise<SendResult>> = {}
  // Each event's method: productPage for ProductPage, ... Its options come last: customerData has no input.
  for (const eventName of EVENT_NAMES)
    methods[methodNameOf(eventName)] =
      eventName === 'CustomerData'
        ? (options) => run({ eventName, input: undefined, options })
        : (input, options) => run({ eventName, input, options })
  methods.send = (eventName, body, options) => run({ eventName, input: body, raw: true, options })
  return methods as unknown as TrackerMethods
}

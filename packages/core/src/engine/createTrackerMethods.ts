import { TrackerError } from '../errors/TrackerError'
import { buildEvent, buildRawEvent } from '../events/buildEvent'
import { BODY_KEYS, EVENT_NAMES, type EventName, methodNameOf } from '../events/registry'
import type { EventContext } from '../events/types'
import { isRecord } from '../schemas/predicates'
import { asTrackerError, callSafely, failure, isPromiseLike, notify, timeFrom } from './hostCalls'
import type { SendOptions, SendResult, TrackerMethods, TrackerMethodsOptions } from './types'

/** One method call: `raw` for `send`'s wire body; `options` as given (its last argument). */
interface Call {
  eventName: unknown
  input: unknown
  raw?: boolean
  options?: unknown
}

/**
 * A call's event once queued (or refused): its delivery, in a box, so that a promise of it settles
 * when the event is queued and never waits for the delivery.
 */
interface Queued {
  delivery: SendResult | Promise<SendResult>
}

/**
 * The cart GUID an event leaves as the last one, if any (PAYLOADS.md "GUID"): a cart's with products is
 * the one a purchase joins; the GUID a purchase carries becomes the last cart GUID too (ESJS.md: a GUID
 * given in a body is kept).
 */
function lastCartGuidAfter(eventName: EventName, body: { GUID?: string; Products?: unknown[] }): string | undefined {
  if (eventName === 'StatusCart' && body.Products!.length > 0) return body.GUID
  if (eventName === 'PurchasedItems') return body.GUID
  return undefined
}

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
  /** How many calls wait for an asynchronous context, and the last of them: later calls queue behind it. */
  let waiting = 0
  let lastWaiting: Promise<unknown> | undefined

  /** A TrackerError (a refusal) passes as it is; anything else becomes one with this code and message. */
  const fail = (cause: unknown, code: TrackerError['code'], message: string): SendResult =>
    failure(options, asTrackerError(cause, code, message))
  const contextFailed = (eventName: EventName, cause: unknown) =>
    fail(cause, 'invalid_config', `${eventName} not sent: context failed`)

  /**
   * Queues one call's event once the context is known: at once with a synchronous context, or, with
   * an asynchronous one, in a promise that settles once the event is queued.
   */
  function queueEvent(call: Call, at: number): Queued | Promise<Queued> {
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
      // The payload is valid: its GeneralInfo.eventName is `name`, a cart has Products and a GUID.
      const guid = lastCartGuidAfter(name, payload[name] as { GUID?: string; Products?: unknown[] })
      if (guid) callSafely(() => cart?.set(guid))
      return sendOptions ? options.enqueue(name, payload, sendOptions) : options.enqueue(name, payload)
    }
    const context = options.context(name)
    if (!isPromiseLike(context)) return { delivery: complete(context) }
    return Promise.resolve(context).then(
      (resolved) => ({ delivery: complete(resolved) }),
      (cause) => ({ delivery: contextFailed(name, cause) }),
    )
  }

  /**
   * Takes the event time now and queues the call's event in call order, then answers its delivery.
   * The function runs synchronously up to its first `await`: a synchronous context gets the event
   * queued before the method returns.
   */
  async function run(call: Call): Promise<SendResult> {
    const at = timeFrom(() => (options.now ?? Date.now)())
    try {
      // Behind every earlier call still waiting for its context, so that calls keep their order.
      const queued = waiting > 0 ? lastWaiting!.then(() => queueEvent(call, at)) : queueEvent(call, at)
      if (!isPromiseLike(queued)) return await queued.delivery
      waiting++
      // Once queued (not delivered) the call stops holding later ones up, before its method settles:
      // a call made then is queued at once again.
      const released = queued.finally(() => {
        waiting--
      })
      lastWaiting = released.catch(() => {})
      return await (await released).delivery
    } catch (cause) {
      return fail(cause, 'invalid_event', `Event not sent: ${String(cause)}`)
    }
  }

  /** A friendly input with the GUID the cart rule gives it, read when the call is processed. */
  function withCartGuid(eventName: EventName, input: unknown): unknown {
    if (!isRecord(input)) return input
    const guid = cartGuidFor(eventName, input)
    return guid === undefined ? input : { ...input, guid }
  }

  /** Every cart change gets a new GUID; a purchase joins the last cart's, unless it is a one-click purchase. */
  function cartGuidFor(eventName: EventName, input: Record<string, unknown>): unknown {
    if (eventName === 'StatusCart') return input.guid ?? options.newGuid()
    if (eventName !== 'PurchasedItems') return undefined
    // A one-click purchase joins no cart.
    return input.guid ?? (input.oneClick === true ? undefined : callSafely(() => cart?.get()))
  }

  const methods: Record<string, (...args: unknown[]) => Promise<SendResult>> = {}
  // Each event's method: productPage for ProductPage, ... Its options come last; an event without a
  // body (CustomerData: GeneralInfo only) takes no input, so they come first.
  for (const eventName of EVENT_NAMES) {
    const method = methodNameOf(eventName)
    if (BODY_KEYS[eventName] === undefined) methods[method] = (options) => run({ eventName, input: undefined, options })
    else methods[method] = (input, options) => run({ eventName, input, options })
  }
  methods.send = (eventName, body, options) => run({ eventName, input: body, raw: true, options })
  return methods as unknown as TrackerMethods
}

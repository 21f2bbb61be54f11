import { TrackerError } from '../errors/TrackerError'
import { buildEvent, buildRawEvent } from '../events/buildEvent'
import type { BuildResult, EventContext, EventName, SendResult } from '../types'
import { callSafely } from './safety'
import type { TrackerMethods, TrackerMethodsOptions } from './types'

type Record_ = Record<string, unknown>

const isRecord = (value: unknown): value is Record_ =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/** Whether a value is a TrackerError, also one made by another copy of this module. */
function isTrackerError(value: unknown): value is TrackerError {
  return value instanceof TrackerError || (value instanceof Error && value.name === 'TrackerError' && 'code' in value)
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  value !== null && typeof value === 'object' && typeof (value as PromiseLike<unknown>).then === 'function'

/** How one method turns its input into a payload once the context is known. */
interface Plan {
  eventName: EventName
  build: (context: EventContext) => BuildResult
  /** Runs once the payload is valid, before it is queued (cart GUID bookkeeping). */
  onBuilt?: (result: Extract<BuildResult, { ok: true }>) => void
}

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
    const returned = callSafely(() => options.onError?.(error)) as unknown
    if (returned instanceof Promise) returned.catch(() => {})
    return { ok: false, error }
  }

  const warn = (result: Extract<BuildResult, { ok: true }>, eventName: EventName): void => {
    if (!result.warnings || result.warnings.length === 0) return
    const returned = callSafely(() => options.onWarning?.(result.warnings!, eventName)) as unknown
    if (returned instanceof Promise) returned.catch(() => {})
  }

  const eventTime = (): number => {
    const value = callSafely(() => (options.now ?? Date.now)())
    return typeof value === 'number' && Number.isFinite(value) ? value : Date.now()
  }

  const contextFailed = (eventName: EventName, cause: unknown): SendResult =>
    report(
      isTrackerError(cause)
        ? cause
        : new TrackerError('invalid_config', `${eventName} not sent: the tracker context failed`, { cause }),
    )

  /** Builds with the context and queues: synchronous, so a sync context gets the event queued at the call. */
  function complete(plan: Plan, context: unknown, at: number): Promise<SendResult> {
    if (isTrackerError(context)) return Promise.resolve(report(context))
    if (!isRecord(context)) return Promise.resolve(contextFailed(plan.eventName, context))
    const given = context as unknown as EventContext
    let result: BuildResult
    try {
      result = plan.build({ ...given, datetime: given.datetime ?? at })
    } catch (cause) {
      const message = `Invalid ${plan.eventName} event: its input could not be read (${String(cause)})`
      return Promise.resolve(report(new TrackerError('invalid_event', message, { cause })))
    }
    if (!result.ok) return Promise.resolve(report(result.error))
    warn(result, plan.eventName)
    plan.onBuilt?.(result)
    // A raw `send` names its event loosely; the built payload carries the canonical name.
    const eventName = result.payload.GeneralInfo.eventName ?? plan.eventName
    return Promise.resolve(options.enqueue(eventName, result.payload))
  }

  /** Runs after every earlier call that is still waiting for its context, so calls keep their order. */
  function later(start: () => { plan: Plan; context: unknown }, at: number): Promise<SendResult> {
    waiting++
    const step = previous.then(async () => {
      const { plan, context } = start()
      let resolved: unknown
      try {
        resolved = await context
      } catch (cause) {
        return { delivery: Promise.resolve(contextFailed(plan.eventName, cause)) }
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
    const at = eventTime()
    let delivery: Promise<SendResult>
    try {
      if (waiting > 0) {
        delivery = later(() => {
          const plan = makePlan()
          return { plan, context: options.context(plan.eventName) }
        }, at)
      } else {
        const plan = makePlan()
        const context = options.context(plan.eventName)
        delivery = isThenable(context) ? later(() => ({ plan, context }), at) : complete(plan, context, at)
      }
    } catch (cause) {
      delivery = Promise.reject(cause)
    }
    return delivery.then(
      (result) =>
        isRecord(result) && typeof result.ok === 'boolean'
          ? (result as SendResult)
          : report(new TrackerError('invalid_config', 'Event not sent: enqueue answered no result')),
      (cause) =>
        report(
          isTrackerError(cause)
            ? cause
            : new TrackerError('invalid_event', `Event not sent: ${String(cause)}`, { cause }),
        ),
    )
  }

  const friendly = (eventName: EventName, input: unknown): Plan => ({
    eventName,
    build: (context) => buildEvent(eventName, input, context),
  })

  const rememberCart = (guid: unknown, products: unknown): void => {
    if (typeof guid === 'string' && Array.isArray(products) && products.length > 0) callSafely(() => cart?.set(guid))
  }

  function statusCartPlan(input: unknown): Plan {
    if (!isRecord(input)) return friendly('StatusCart', input)
    // Every cart change gets a new GUID; only a cart with products may take the purchase's GUID.
    const guid = input.guid ?? options.newGuid()
    return {
      eventName: 'StatusCart',
      build: (context) => buildEvent('StatusCart', { ...input, guid }, context),
      onBuilt: () => rememberCart(guid, input.products),
    }
  }

  function purchasedItemsPlan(input: unknown): Plan {
    if (!isRecord(input)) return friendly('PurchasedItems', input)
    const joined = input.guid ?? (input.oneClick === true ? undefined : callSafely(() => cart?.get()))
    const withGuid = joined === undefined ? input : { ...input, guid: joined }
    return friendly('PurchasedItems', withGuid)
  }

  function rawPlan(eventName: unknown, body: unknown): Plan {
    const name = String(eventName) as EventName
    return {
      eventName: name,
      build: (context) => buildRawEvent(name, body, context),
      onBuilt: ({ payload }) => {
        const cartBody = payload.GeneralInfo.eventName === 'StatusCart' ? payload.StatusCart : undefined
        if (isRecord(cartBody)) rememberCart(cartBody.GUID, cartBody.Products)
      },
    }
  }

  return {
    productPage: (input) => run(() => friendly('ProductPage', input)),
    addToWishlist: (input) => run(() => friendly('AddToWishlist', input)),
    statusCart: (input) => run(() => statusCartPlan(input)),
    purchasedItems: (input) => run(() => purchasedItemsPlan(input)),
    productImpressions: (input) => run(() => friendly('ProductImpressions', input)),
    categoryPage: (input) => run(() => friendly('CategoryPage', input)),
    customerData: (...args: unknown[]) => run(() => friendly('CustomerData', args[0])),
    customEvent: (input) => run(() => friendly('CustomEvent', input)),
    searchRequest: (input) => run(() => friendly('SearchRequest', input)),
    productUpdate: (products) => run(() => friendly('ProductUpdate', products)),
    send: (eventName, body) => run(() => rawPlan(eventName, body)),
  }
}

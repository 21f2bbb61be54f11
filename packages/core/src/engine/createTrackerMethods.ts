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
 * to `enqueue`. Calls are processed in call order, so a purchase always sees the cart sent before it.
 * Whatever goes wrong, the method resolves `{ ok: false, error }` (also passed to `onError`).
 *
 * @example
 * const methods = createTrackerMethods({ context: () => ({ siteId, sc }), enqueue: engine.enqueue, newGuid })
 * await methods.categoryPage({ categoryKey: 'Babies' })
 */
export function createTrackerMethods(options: TrackerMethodsOptions): TrackerMethods {
  const { cart } = options
  /** The previous call's context-and-build step; each call waits for it, never for its delivery. */
  let previous: Promise<unknown> = Promise.resolve()

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

  async function prepare(plan: Plan, at: number): Promise<{ delivery: Promise<SendResult> }> {
    let context: EventContext | TrackerError
    try {
      context = await options.context(plan.eventName)
    } catch (cause) {
      const error = isTrackerError(cause)
        ? cause
        : new TrackerError('invalid_config', `${plan.eventName} not sent: the tracker context failed`, { cause })
      return { delivery: Promise.resolve(report(error)) }
    }
    if (isTrackerError(context)) return { delivery: Promise.resolve(report(context)) }
    let result: BuildResult
    try {
      result = plan.build({ ...context, datetime: context.datetime ?? at })
    } catch (cause) {
      const message = `Invalid ${plan.eventName} event: its input could not be read (${String(cause)})`
      return { delivery: Promise.resolve(report(new TrackerError('invalid_event', message, { cause }))) }
    }
    if (!result.ok) return { delivery: Promise.resolve(report(result.error)) }
    warn(result, plan.eventName)
    plan.onBuilt?.(result)
    // A raw `send` names its event loosely; the built payload carries the canonical name.
    const eventName = result.payload.GeneralInfo.eventName ?? plan.eventName
    return { delivery: Promise.resolve(options.enqueue(eventName, result.payload)) }
  }

  function run(plan: () => Plan): Promise<SendResult> {
    const at = eventTime()
    const step = previous.then(() => prepare(plan(), at))
    previous = step.catch(() => {})
    return step
      .then(({ delivery }) => delivery)
      .then(
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

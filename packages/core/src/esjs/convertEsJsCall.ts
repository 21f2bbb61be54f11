import { describeValue } from '../errors/describeValue'
import { TrackerError } from '../errors/TrackerError'
import type { EsJsCartState } from '../events/shared/esJsConverter'
import type { LooseRecord } from '../events/shared/lenientValues'
import { withoutTemplateBlanks } from '../events/shared/lenientValues'
import { isRecord } from '../schemas/predicates'
import { findOversizedContent } from '../validation/findOversizedContent'
import { ES_JS_CONVERTERS, ES_JS_EVENT_NAMES } from './esJsConverters'
import { readCustomerData, readGeneralInfo } from './readGeneralInfo'
import type { EsJsCommand, EsJsConversion } from './types'

/** The vendor script's own events (lowercase names), which the REST API does not know. */
const SCRIPT_ONLY = /^(?:mainpage|notfound|statuscartpage|pageview)$/

const invalidCall = (message: string, cause?: unknown): EsJsConversion => ({
  kind: 'error',
  error: new TrackerError('invalid_event', message, { cause }),
})

/**
 * Converts one call of the vendor's browser script (`eS('sendEvent', NAME, BODY[, GENERALINFO])`)
 * into what a tracker does with it: send a REST event (its wire body, for the raw `send`), remember
 * identity, skip a script-only event, or report an error. Never throws.
 *
 * @example
 * convertEsJsCall('sendEvent', 'ProductPage', { ProductPage: { productKey: '72354', price: '754', isInStock: 1 } }, undefined, { newGuid })
 * // { kind: 'event', eventName: 'ProductPage', body: { ProductPage: { Product: { productKey: '72354', price: '754', isInStock: '1' } } } }
 */
export function convertEsJsCall(
  command: EsJsCommand,
  name: string,
  body: unknown,
  generalInfo: unknown,
  state: EsJsCartState,
): EsJsConversion {
  // Hostile input (a throwing getter, a revoked Proxy) must not reach the host page.
  try {
    const key = typeof name === 'string' ? name.trim() : ''
    // The event a name stands for, in any case; `ProductImpression` is the vendor's other name.
    const lower = key.toLowerCase()
    const eventName =
      lower === 'productimpression'
        ? 'ProductImpressions'
        : ES_JS_EVENT_NAMES.find((eventName) => eventName.toLowerCase() === lower)
    if (!eventName && !SCRIPT_ONLY.test(lower)) return invalidCall(`${command}: unknown event ${describeValue(name)}`)
    // Before anything walks the body: its depth and size bound all the work that follows.
    const oversized = findOversizedContent(body) ?? findOversizedContent(generalInfo)
    if (oversized)
      return invalidCall(`${command} ${name}: ${oversized.path ? `${oversized.path}: ` : ''}${oversized.message}`)
    // Templates print a missing value as "", "undefined" or "null": such a field is absent.
    body = withoutTemplateBlanks(body)
    generalInfo = withoutTemplateBlanks(generalInfo)
    if (body != null && !isRecord(body)) {
      return invalidCall(`${command} ${name} body: expected an object, got ${describeValue(body)}`)
    }
    const { GeneralInfo, ...rest } = body ?? {}
    if (eventName) {
      const { GeneralInfo: customer, ...wire } = ES_JS_CONVERTERS[eventName]?.(rest, state) ?? rest
      // What the tracker remembers as the last cart GUID once it builds the payload: a purchase's
      // GUID, or that of a cart with products (PAYLOADS.md "GUID").
      const part = wire[eventName] as LooseRecord | undefined
      const guid = part?.GUID
      return {
        kind: 'event',
        eventName,
        body: wire,
        cartGuid:
          typeof guid === 'string' &&
          (eventName === 'PurchasedItems' ||
            (eventName === 'StatusCart' && Array.isArray(part!.Products) && part!.Products.length > 0))
            ? guid
            : undefined,
        // A CustomerData body's fields (every one of them) first, then the call's GeneralInfo fragments: the later wins field by field.
        ...readCustomerData(customer, GeneralInfo, generalInfo),
      }
    }
    // A PageView may carry the visitor's GeneralInfo: the one thing such a call can give the REST API.
    const inner = Object.values(rest)[0] as LooseRecord | null | undefined
    const fields = readGeneralInfo(GeneralInfo, inner?.GeneralInfo, generalInfo)
    const kept = fields.identity || fields.context
    // Without identity `fields` is empty: a skip carries nothing else.
    return {
      kind: kept ? 'identity' : 'skip',
      reason: `${key}: eS.JS-only event, nothing sent${kept ? '; identity kept' : ''}`,
      ...fields,
    } as EsJsConversion
  } catch (cause) {
    return invalidCall(`${command}: unreadable call`, cause)
  }
}

import { TrackerError } from '../errors/TrackerError'
import { addToWishlistFromEsJs } from '../events/addToWishlist/fromEsJs'
import { categoryPageFromEsJs } from '../events/categoryPage/fromEsJs'
import { customEventFromEsJs } from '../events/customEvent/fromEsJs'
import { customerDataFromEsJs } from '../events/customerData/fromEsJs'
import { productImpressionsFromEsJs } from '../events/productImpressions/fromEsJs'
import { productPageFromEsJs } from '../events/productPage/fromEsJs'
import { productUpdateFromEsJs } from '../events/productUpdate/fromEsJs'
import { purchasedItemsFromEsJs } from '../events/purchasedItems/fromEsJs'
import { searchRequestFromEsJs } from '../events/searchRequest/fromEsJs'
import { statusCartFromEsJs } from '../events/statusCart/fromEsJs'
import type { EventName } from '../types'
import { readGeneralInfo } from './readGeneralInfo'
import type { EsJsBodyResult, EsJsCartState, EsJsCommand, EsJsConversion } from './types'
import { describeValue } from './types'
import type { LooseRecord } from './values'
import { isRecord } from './values'

type Converter = (body: LooseRecord, state: EsJsCartState) => EsJsBodyResult

/** Every REST event by the names eS.JS calls use for it (both impression names mean one event). */
// Maps, not object literals: a name such as `__proto__` or `constructor` must find nothing.
const CONVERTERS = new Map<string, readonly [EventName, Converter]>([
  ['productpage', ['ProductPage', productPageFromEsJs]],
  ['addtowishlist', ['AddToWishlist', addToWishlistFromEsJs]],
  ['statuscart', ['StatusCart', statusCartFromEsJs]],
  ['purchaseditems', ['PurchasedItems', purchasedItemsFromEsJs]],
  ['productimpression', ['ProductImpressions', productImpressionsFromEsJs]],
  ['productimpressions', ['ProductImpressions', productImpressionsFromEsJs]],
  ['categorypage', ['CategoryPage', categoryPageFromEsJs]],
  ['customerdata', ['CustomerData', customerDataFromEsJs]],
  ['customevent', ['CustomEvent', customEventFromEsJs]],
  ['searchrequest', ['SearchRequest', searchRequestFromEsJs]],
  ['productupdate', ['ProductUpdate', productUpdateFromEsJs]],
])

/** Events of the vendor's script that the REST API does not have: nothing is sent for them. */
const SCRIPT_ONLY = new Map(
  ['MainPage', 'NotFound', 'StatusCartPage', 'PageView'].map((name) => [name.toLowerCase(), name]),
)

function invalidCall(message: string, eventName?: string, cause?: unknown): EsJsConversion {
  const details = eventName === undefined ? { cause } : { cause, eventName }
  return { kind: 'error', error: new TrackerError('invalid_event', message, details) }
}

function convert(command: EsJsCommand, name: unknown, body: unknown, generalInfo: unknown, state: EsJsCartState) {
  if (typeof name !== 'string') return invalidCall(`${command}: expected an event name, got ${describeValue(name)}`)
  const key = name.trim().toLowerCase()
  const scriptOnly = SCRIPT_ONLY.get(key)
  const record = isRecord(body) ? body : {}
  if (scriptOnly !== undefined) {
    // A PageView may carry the visitor's GeneralInfo: the only thing such a call can give the REST API.
    const inner = record[scriptOnly]
    const fields = readGeneralInfo(record.GeneralInfo, isRecord(inner) ? inner.GeneralInfo : undefined, generalInfo)
    const reason = `${scriptOnly} is an event of the vendor's browser script only; the REST API has no such event, so nothing is sent`
    if (fields.identity === undefined && fields.context === undefined) return { kind: 'skip', reason } as const
    return { kind: 'identity', reason, ...fields } as const
  }
  const entry = CONVERTERS.get(key)
  if (entry === undefined) return invalidCall(`${command}: unknown event ${describeValue(name)}`, name)
  const [eventName, fromEsJs] = entry
  if (body !== undefined && body !== null && !isRecord(body)) {
    return invalidCall(
      `Invalid ${eventName} event: expected the body to be an object, got ${describeValue(body)}`,
      eventName,
    )
  }
  const { GeneralInfo: bodyInfo, ...rest } = record
  const converted = fromEsJs(rest, state)
  if (!converted.ok) return { kind: 'error', error: converted.error } as const
  // CustomerData's own fields first, then the GeneralInfo fragments of the call: the later wins field by field.
  const found = readGeneralInfo(bodyInfo, generalInfo)
  const identity = converted.identity || found.identity ? { ...converted.identity, ...found.identity } : undefined
  const context = converted.context || found.context ? { ...converted.context, ...found.context } : undefined
  const result: EsJsConversion = { kind: 'event', eventName, body: converted.body }
  if (identity !== undefined) result.identity = identity
  if (context !== undefined) result.context = context
  if (converted.cartGuid !== undefined) result.cartGuid = converted.cartGuid
  return result
}

/**
 * Converts one call of the vendor's browser script (`eS('sendEvent', NAME, BODY[, GENERALINFO])`)
 * into what the tracker does with it: send a REST event, remember identity, skip a script-only
 * event, or report an error. Never throws.
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
  try {
    return convert(command, name, body, generalInfo, state)
  } catch (cause) {
    // Hostile input (a throwing getter, a revoked Proxy) must not reach the host page.
    return invalidCall(`${command}: the call could not be read`, typeof name === 'string' ? name : undefined, cause)
  }
}

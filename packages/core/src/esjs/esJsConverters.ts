import { addToWishlistFromEsJs } from '../events/addToWishlist/fromEsJs'
import { categoryPageFromEsJs } from '../events/categoryPage/fromEsJs'
import { customerDataFromEsJs } from '../events/customerData/fromEsJs'
import { productImpressionsFromEsJs } from '../events/productImpressions/fromEsJs'
import { productPageFromEsJs } from '../events/productPage/fromEsJs'
import { purchasedItemsFromEsJs } from '../events/purchasedItems/fromEsJs'
import type { EventName } from '../events/registry'
import { searchRequestFromEsJs } from '../events/searchRequest/fromEsJs'
import type { EsJsConverter } from '../events/shared/esJsConverter'
import { statusCartFromEsJs } from '../events/statusCart/fromEsJs'

/**
 * Every event's eS.JS converter (from its folder), or `undefined` where the vendor's script sends the
 * REST form. A table apart from the event registry, so that the script tag's base, which builds
 * events from the registry, carries no converter (they load with the eS.JS add-on); `satisfies`
 * makes the compiler hold it to the registry: an event added there must be added here, and only those.
 */
export const ES_JS_CONVERTERS = {
  ProductPage: productPageFromEsJs,
  AddToWishlist: addToWishlistFromEsJs,
  StatusCart: statusCartFromEsJs,
  PurchasedItems: purchasedItemsFromEsJs,
  ProductImpressions: productImpressionsFromEsJs,
  CategoryPage: categoryPageFromEsJs,
  CustomerData: customerDataFromEsJs,
  CustomEvent: undefined,
  SearchRequest: searchRequestFromEsJs,
  ProductUpdate: undefined,
} as const satisfies { readonly [Name in EventName]: EsJsConverter | undefined }

/** The REST event names, read from the table's keys (the registry's names, without importing the registry). */
export const ES_JS_EVENT_NAMES = Object.keys(ES_JS_CONVERTERS) as EventName[]

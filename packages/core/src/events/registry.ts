import type * as v from 'valibot'
import type { BuildResult, EventContext, EventName } from '../types'
import { addToWishlistSchema } from './addToWishlist/addToWishlistSchema'
import { buildAddToWishlist } from './addToWishlist/buildAddToWishlist'
import { BODY_KEYS } from './bodyKeys'
import { buildCategoryPage } from './categoryPage/buildCategoryPage'
import { categoryPageSchema } from './categoryPage/categoryPageSchema'
import { buildCustomEvent } from './customEvent/buildCustomEvent'
import { customEventSchema } from './customEvent/customEventSchema'
import { buildCustomerData } from './customerData/buildCustomerData'
import { customerDataSchema } from './customerData/customerDataSchema'
import { buildProductImpressions } from './productImpressions/buildProductImpressions'
import { productImpressionsSchema } from './productImpressions/productImpressionsSchema'
import { buildProductPage } from './productPage/buildProductPage'
import { productPageSchema } from './productPage/productPageSchema'
import { buildProductUpdate } from './productUpdate/buildProductUpdate'
import { productUpdateSchema } from './productUpdate/productUpdateSchema'
import { buildPurchasedItems } from './purchasedItems/buildPurchasedItems'
import { purchasedItemsSchema } from './purchasedItems/purchasedItemsSchema'
import { buildSearchRequest } from './searchRequest/buildSearchRequest'
import { searchRequestSchema } from './searchRequest/searchRequestSchema'
import { buildStatusCart } from './statusCart/buildStatusCart'
import { statusCartSchema } from './statusCart/statusCartSchema'

/** What the SDK knows about one event: where its body goes, its wire schema and its builder. */
export interface EventDefinition {
  /** The body's key in the payload; `undefined` for CustomerData (GeneralInfo only). */
  bodyKey: string | undefined
  /** The whole payload's schema, GeneralInfo included. */
  schema: v.GenericSchema
  /** Friendly input -> wire payload; never throws. (A method, so each builder's own input type fits.) */
  build(input: unknown, context: EventContext): BuildResult
}

/* @__NO_SIDE_EFFECTS__ */
function define(eventName: EventName, schema: v.GenericSchema, build: EventDefinition['build']): EventDefinition {
  return { bodyKey: BODY_KEYS[eventName], schema, build }
}

/** Every REST event by name. A new event is one folder plus one line here. */
export const eventRegistry: Readonly<Record<EventName, EventDefinition>> = {
  ProductPage: define('ProductPage', productPageSchema, buildProductPage),
  AddToWishlist: define('AddToWishlist', addToWishlistSchema, buildAddToWishlist),
  StatusCart: define('StatusCart', statusCartSchema, buildStatusCart),
  PurchasedItems: define('PurchasedItems', purchasedItemsSchema, buildPurchasedItems),
  ProductImpressions: define('ProductImpressions', productImpressionsSchema, buildProductImpressions),
  CategoryPage: define('CategoryPage', categoryPageSchema, buildCategoryPage),
  CustomerData: define('CustomerData', customerDataSchema, buildCustomerData),
  CustomEvent: define('CustomEvent', customEventSchema, buildCustomEvent),
  SearchRequest: define('SearchRequest', searchRequestSchema, buildSearchRequest),
  ProductUpdate: define('ProductUpdate', productUpdateSchema, buildProductUpdate),
}

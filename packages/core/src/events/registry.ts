import type * as v from 'valibot'
import type { BuildResult, EventContext, EventName } from '../types'
import { addToWishlistSchema } from './addToWishlist/addToWishlistSchema'
import { BODY_KEYS } from './bodyKeys'
import { categoryPageSchema } from './categoryPage/categoryPageSchema'
import { customEventSchema } from './customEvent/customEventSchema'
import { customerDataSchema } from './customerData/customerDataSchema'
import { productImpressionsSchema } from './productImpressions/productImpressionsSchema'
import { productPageSchema } from './productPage/productPageSchema'
import { productUpdateSchema } from './productUpdate/productUpdateSchema'
import { purchasedItemsSchema } from './purchasedItems/purchasedItemsSchema'
import { searchRequestSchema } from './searchRequest/searchRequestSchema'
import { assembleEvent } from './shared/assembleEvent'
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
function define(eventName: EventName, schema: v.GenericSchema): EventDefinition {
  const build = (input: unknown, context: EventContext) => assembleEvent(eventName, input, context)
  return { bodyKey: BODY_KEYS[eventName], schema, build }
}

/** Every REST event by name: its body key, valibot schema and builder. */
export const eventRegistry: Readonly<Record<EventName, EventDefinition>> = {
  ProductPage: define('ProductPage', productPageSchema),
  AddToWishlist: define('AddToWishlist', addToWishlistSchema),
  StatusCart: define('StatusCart', statusCartSchema),
  PurchasedItems: define('PurchasedItems', purchasedItemsSchema),
  ProductImpressions: define('ProductImpressions', productImpressionsSchema),
  CategoryPage: define('CategoryPage', categoryPageSchema),
  CustomerData: define('CustomerData', customerDataSchema),
  CustomEvent: define('CustomEvent', customEventSchema),
  SearchRequest: define('SearchRequest', searchRequestSchema),
  ProductUpdate: define('ProductUpdate', productUpdateSchema),
}

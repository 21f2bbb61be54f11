import type { ObjectSchema } from '../schemas/wireSchema'
import type { EventName } from '../types'
import { addToWishlistWire } from './addToWishlist/addToWishlistSchema'
import { categoryPageWire } from './categoryPage/categoryPageSchema'
import { customEventWire } from './customEvent/customEventSchema'
import { customerDataWire } from './customerData/customerDataSchema'
import { productImpressionsWire } from './productImpressions/productImpressionsSchema'
import { productPageWire } from './productPage/productPageSchema'
import { productUpdateWire } from './productUpdate/productUpdateSchema'
import { purchasedItemsWire } from './purchasedItems/purchasedItemsSchema'
import { searchRequestWire } from './searchRequest/searchRequestSchema'
import { statusCartWire } from './statusCart/statusCartSchema'

/**
 * Each event's whole-payload schema, which also says how its friendly input becomes its body
 * (events/shared/toWire.ts). A new event is one folder plus one line here.
 */
export const EVENT_MODEL: Readonly<Record<EventName, ObjectSchema>> = {
  ProductPage: productPageWire,
  AddToWishlist: addToWishlistWire,
  StatusCart: statusCartWire,
  PurchasedItems: purchasedItemsWire,
  ProductImpressions: productImpressionsWire,
  CategoryPage: categoryPageWire,
  CustomerData: customerDataWire,
  CustomEvent: customEventWire,
  SearchRequest: searchRequestWire,
  ProductUpdate: productUpdateWire,
}

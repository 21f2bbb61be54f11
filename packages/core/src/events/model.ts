import type { WireSchema } from '../schemas/wireSchema'
import type { EventName } from '../types'
import { addToWishlistWire } from './addToWishlist/addToWishlistSchema'
import { categoryPageBody } from './categoryPage/buildCategoryPage'
import { categoryPageWire } from './categoryPage/categoryPageSchema'
import { customEventBody } from './customEvent/buildCustomEvent'
import { customEventWire } from './customEvent/customEventSchema'
import { customerDataWire } from './customerData/customerDataSchema'
import { productImpressionsBody } from './productImpressions/buildProductImpressions'
import { productImpressionsWire } from './productImpressions/productImpressionsSchema'
import { productPageWire } from './productPage/productPageSchema'
import { productUpdateBody } from './productUpdate/buildProductUpdate'
import { productUpdateWire } from './productUpdate/productUpdateSchema'
import { purchasedItemsBody } from './purchasedItems/buildPurchasedItems'
import { purchasedItemsWire } from './purchasedItems/purchasedItemsSchema'
import { searchRequestBody } from './searchRequest/buildSearchRequest'
import { searchRequestWire } from './searchRequest/searchRequestSchema'
import type { BodyConvert } from './shared/fields'
import { productBody } from './shared/toProduct'
import { statusCartBody } from './statusCart/buildStatusCart'
import { statusCartWire } from './statusCart/statusCartSchema'

/**
 * Each event's whole-payload schema and how its friendly input becomes its body (CustomerData has
 * none). A new event is one folder plus one line here.
 */
export const EVENT_MODEL: Readonly<Record<EventName, readonly [schema: WireSchema, body?: BodyConvert]>> = {
  ProductPage: [productPageWire, productBody],
  AddToWishlist: [addToWishlistWire, productBody],
  StatusCart: [statusCartWire, statusCartBody],
  PurchasedItems: [purchasedItemsWire, purchasedItemsBody],
  ProductImpressions: [productImpressionsWire, productImpressionsBody],
  CategoryPage: [categoryPageWire, categoryPageBody],
  CustomerData: [customerDataWire],
  CustomEvent: [customEventWire, customEventBody],
  SearchRequest: [searchRequestWire, searchRequestBody],
  ProductUpdate: [productUpdateWire, productUpdateBody],
}

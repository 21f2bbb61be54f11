import type * as v from 'valibot'
import type { EventName } from '../types'
import { addToWishlistSchema } from './addToWishlist/addToWishlistSchema'
import { categoryPageBody } from './categoryPage/buildCategoryPage'
import { categoryPageSchema } from './categoryPage/categoryPageSchema'
import { customEventBody } from './customEvent/buildCustomEvent'
import { customEventSchema } from './customEvent/customEventSchema'
import { customerDataSchema } from './customerData/customerDataSchema'
import { productImpressionsBody } from './productImpressions/buildProductImpressions'
import { productImpressionsSchema } from './productImpressions/productImpressionsSchema'
import { productPageSchema } from './productPage/productPageSchema'
import { productUpdateBody } from './productUpdate/buildProductUpdate'
import { productUpdateSchema } from './productUpdate/productUpdateSchema'
import { purchasedItemsBody } from './purchasedItems/buildPurchasedItems'
import { purchasedItemsSchema } from './purchasedItems/purchasedItemsSchema'
import { searchRequestBody } from './searchRequest/buildSearchRequest'
import { searchRequestSchema } from './searchRequest/searchRequestSchema'
import type { BodyConvert } from './shared/fields'
import { productBody } from './shared/toProduct'
import { statusCartBody } from './statusCart/buildStatusCart'
import { statusCartSchema } from './statusCart/statusCartSchema'

/**
 * Each event's whole-payload schema and how its friendly input becomes its body (CustomerData has
 * none). A new event is one folder plus one line here.
 */
export const EVENT_MODEL: Readonly<Record<EventName, readonly [schema: v.GenericSchema, body?: BodyConvert]>> = {
  ProductPage: [productPageSchema, productBody],
  AddToWishlist: [addToWishlistSchema, productBody],
  StatusCart: [statusCartSchema, statusCartBody],
  PurchasedItems: [purchasedItemsSchema, purchasedItemsBody],
  ProductImpressions: [productImpressionsSchema, productImpressionsBody],
  CategoryPage: [categoryPageSchema, categoryPageBody],
  CustomerData: [customerDataSchema],
  CustomEvent: [customEventSchema, customEventBody],
  SearchRequest: [searchRequestSchema, searchRequestBody],
  ProductUpdate: [productUpdateSchema, productUpdateBody],
}

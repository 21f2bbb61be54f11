/**
 * The public surface of `@es-tracker/core`: the payload model (builders, valibot schemas, validation),
 * the event registry, the errors, the eS.JS converter and the types a tracker's users meet. What the
 * platform packages build on besides (the engine, retry arithmetic, defaults) is `@es-tracker/core/internal`.
 *
 * @module @es-tracker/core
 */
export type { Endpoint, EndpointPreset } from './endpoint/resolveEndpoint'
export { endpointPresets } from './endpoint/resolveEndpoint'
export type {
  RetryOptions,
  SendOptions,
  SendResult,
  TrackerMethods,
  Transport,
  TransportOutcome,
  TransportRequest,
} from './engine/types'
export type { TrackerErrorCode, TrackerErrorDetails, ValidationIssue, ValidationIssueKind } from './errors/TrackerError'
export { isTrackerError, TrackerError } from './errors/TrackerError'
export { convertEsJsCall } from './esjs/convertEsJsCall'
export type { EsJsCartState, EsJsCommand, EsJsConversion } from './esjs/types'
export type { AddToWishlistPayload } from './events/addToWishlist/addToWishlistSchema'
export { addToWishlistSchema } from './events/addToWishlist/addToWishlistSchema'
export type { AddToWishlistInput } from './events/addToWishlist/buildAddToWishlist'
export { buildAddToWishlist } from './events/addToWishlist/buildAddToWishlist'
export { buildEvent, buildRawEvent } from './events/buildEvent'
export type { CategoryPageInput } from './events/categoryPage/buildCategoryPage'
export { buildCategoryPage } from './events/categoryPage/buildCategoryPage'
export type { CategoryPagePayload } from './events/categoryPage/categoryPageSchema'
export { categoryPageSchema } from './events/categoryPage/categoryPageSchema'
export type { CustomEventInput } from './events/customEvent/buildCustomEvent'
export { buildCustomEvent } from './events/customEvent/buildCustomEvent'
export type { CustomEventPayload } from './events/customEvent/customEventSchema'
export { customEventSchema } from './events/customEvent/customEventSchema'
export type { CustomerDataInput } from './events/customerData/buildCustomerData'
export { buildCustomerData } from './events/customerData/buildCustomerData'
export type { CustomerDataPayload } from './events/customerData/customerDataSchema'
export { customerDataSchema } from './events/customerData/customerDataSchema'
export type { ImpressionInput, ProductImpressionsInput } from './events/productImpressions/buildProductImpressions'
export { buildProductImpressions } from './events/productImpressions/buildProductImpressions'
export type { ProductImpressionsPayload } from './events/productImpressions/productImpressionsSchema'
export { productImpressionsSchema } from './events/productImpressions/productImpressionsSchema'
export type { ProductPageInput } from './events/productPage/buildProductPage'
export { buildProductPage } from './events/productPage/buildProductPage'
export type { ProductPagePayload } from './events/productPage/productPageSchema'
export { productPageSchema } from './events/productPage/productPageSchema'
export type { CatalogProductInput, ProductUpdateInput } from './events/productUpdate/buildProductUpdate'
export { buildProductUpdate } from './events/productUpdate/buildProductUpdate'
export type { ProductUpdatePayload } from './events/productUpdate/productUpdateSchema'
export { productUpdateSchema } from './events/productUpdate/productUpdateSchema'
export type { OrderProductInput, PurchasedItemsInput } from './events/purchasedItems/buildPurchasedItems'
export { buildPurchasedItems } from './events/purchasedItems/buildPurchasedItems'
export type { PurchasedItemsPayload } from './events/purchasedItems/purchasedItemsSchema'
export { purchasedItemsSchema } from './events/purchasedItems/purchasedItemsSchema'
export type { EventName, EventRegistryEntry } from './events/registry'
export { BODY_KEYS, EVENT_NAMES, eventRegistry, isEventName } from './events/registry'
export type { SearchRequestInput } from './events/searchRequest/buildSearchRequest'
export { buildSearchRequest } from './events/searchRequest/buildSearchRequest'
export type { SearchRequestPayload } from './events/searchRequest/searchRequestSchema'
export { searchRequestSchema } from './events/searchRequest/searchRequestSchema'
export type { TagsInput } from './events/shared/tags'
export type { ProductInput, ProductTagsInput } from './events/shared/toProduct'
export type { CartProductInput, StatusCartInput, StatusCartMethodInput } from './events/statusCart/buildStatusCart'
export { buildStatusCart } from './events/statusCart/buildStatusCart'
export type { StatusCartPayload } from './events/statusCart/statusCartSchema'
export { statusCartSchema } from './events/statusCart/statusCartSchema'
export type { BuildResult, EventContext, PageContext, WirePayload } from './events/types'
export { validatePayload } from './events/validatePayload'
export type { Identity } from './schemas/identity'
export { isValidGuid } from './schemas/predicates'
export { isValidTagName, TAG_NAME } from './schemas/tags'

/**
 * `@es-tracker/browser/shopify`: the Shopify web pixel adapter (Settings → Customer events, or an app pixel).
 *
 * @module @es-tracker/browser/shopify
 */
export type { ProductKeySource } from './shopify/readShopifyData'
export type {
  ShopifyAnalytics,
  ShopifyBrowser,
  ShopifyCart,
  ShopifyCartLine,
  ShopifyCheckout,
  ShopifyCheckoutLineItem,
  ShopifyContext,
  ShopifyCustomer,
  ShopifyCustomerPrivacy,
  ShopifyCustomerPrivacyApi,
  ShopifyEvent,
  ShopifyInit,
  ShopifyMoney,
  ShopifyProductVariant,
} from './shopify/shopifyTypes'
export type { ShopifyTracking, ShopifyTrackingOptions } from './shopify/trackShopifyEvents'
export { shopifyEventNames, trackShopifyEvents } from './shopify/trackShopifyEvents'

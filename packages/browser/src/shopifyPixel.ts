// The custom pixel build (dist/es-tracker.shopify.min.js): a Shopify custom pixel loads it with a
// script element and calls `esTrackerShopify.trackShopifyEvents(...)` (see the README, "Shopify").
import { trackShopifyEvents } from './shopify/trackShopifyEvents'

try {
  ;(globalThis as unknown as { esTrackerShopify: unknown }).esTrackerShopify = { trackShopifyEvents }
} catch {
  // A sandbox that refuses the global: loading the script must not break the pixel.
}

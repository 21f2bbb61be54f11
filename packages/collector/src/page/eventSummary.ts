// Runs in the live page (shipped as source text): no module-scope references.
import type { CollectedEvent } from '../types'

/** One line saying what an event is about, e.g. `2 lines, 3 items, total 797.95 · GUID 6F9619FF…`. */
export function summarizeEvent(event: CollectedEvent, withGuid = true): string {
  type Json = Record<string, unknown>
  const asObject = (value: unknown): Json =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {}
  const asList = (value: unknown): Json[] => (Array.isArray(value) ? value.map(asObject) : [])
  const text = (value: unknown): string => (value === undefined || value === null ? '?' : String(value))
  const guidText = (guid: unknown): string =>
    withGuid ? ` · GUID ${typeof guid === 'string' ? `${guid.slice(0, 8)}…` : 'none'}` : ''
  const payload = asObject(event.payload)

  if (event.payload === undefined) return event.raw === undefined ? 'no body kept' : 'body is not JSON'
  switch (event.eventName) {
    case 'ProductPage':
    case 'AddToWishlist': {
      const product = asObject(asObject(payload[event.eventName]).Product)
      const stock =
        product.isInStock === undefined ? '' : String(product.isInStock) === '1' ? ' · in stock' : ' · out of stock'
      return `product ${text(product.productKey)} · price ${text(product.price)}${stock}`
    }
    case 'StatusCart': {
      const cart = asObject(payload.StatusCart)
      const lines = asList(cart.Products)
      if (lines.length === 0) return `empty cart${guidText(cart.GUID)}`
      const items = lines.reduce((sum, line) => sum + (Number(line.quantity) || 0), 0)
      const total = lines.reduce((sum, line) => sum + (Number(line.price) || 0) * (Number(line.quantity) || 0), 0)
      const currency = typeof lines[0]?.price_currency_code === 'string' ? ` ${lines[0].price_currency_code}` : ''
      return `${lines.length} line(s), ${items} item(s), total ${total.toFixed(2)}${currency}${guidText(cart.GUID)}`
    }
    case 'PurchasedItems': {
      const order = asObject(payload.PurchasedItems)
      const lines = asList(order.Products)
      const joins = order.GUID === undefined ? ' · one-click' : guidText(order.GUID)
      return `order ${text(order.OrderNumber)}${joins}${lines.length > 0 ? ` · ${lines.length} line(s)` : ''}`
    }
    case 'ProductImpressions': {
      const products = asList(asObject(payload.ProductImpression).Products)
      return `${products.length} impression(s): ${products.map((product) => text(product.product_id)).join(', ')}`
    }
    case 'CategoryPage':
      return `category ${text(asObject(asObject(payload.CategoryPage).Category).categoryKey)}`
    case 'CustomEvent':
      return `custom event ${text(asObject(payload.CustomEvent).EventName)}`
    case 'SearchRequest': {
      const search = asObject(payload.SearchRequest)
      const found = search.isFound === undefined ? '' : Number(search.isFound) === 1 ? ' · found' : ' · not found'
      return `search ${JSON.stringify(text(search.search))}${found}`
    }
    case 'ProductUpdate':
      return `${asList(payload.ProductUpdate).length} catalog product(s)`
    case 'CustomerData':
      return 'customer data (identity only)'
    default:
      return event.eventName === undefined ? 'no GeneralInfo.eventName' : `unknown event ${event.eventName}`
  }
}

/** Who sent an event: the `sc` cookie and any identity, e.g. `sc 1A2B3C4D… · ann@example.com`. */
export function describeVisitor(event: CollectedEvent): string {
  const payload = event.payload
  const info =
    typeof payload === 'object' && payload !== null
      ? (payload as { GeneralInfo?: Record<string, unknown> }).GeneralInfo
      : undefined
  if (!info || typeof info !== 'object') return ''
  const cookies = info.cookies as { sc?: unknown } | undefined
  const parts: string[] = []
  if (typeof cookies?.sc === 'string') parts.push(`sc ${cookies.sc.slice(0, 8)}…`)
  for (const field of ['user_email', 'externalCustomerId', 'user_phone', 'user_name']) {
    const value = info[field]
    if ((typeof value === 'string' && value !== '') || typeof value === 'number') parts.push(String(value))
  }
  return parts.join(' · ')
}

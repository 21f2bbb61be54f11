import type { EventName } from '../types'

/** Each event's body key in the wire payload; `CustomerData` has none (GeneralInfo only). */
export const BODY_KEYS = {
  ProductPage: 'ProductPage',
  AddToWishlist: 'AddToWishlist',
  StatusCart: 'StatusCart',
  PurchasedItems: 'PurchasedItems',
  // Singular, as in the reference's example (PAYLOADS.md settles it).
  ProductImpressions: 'ProductImpression',
  CategoryPage: 'CategoryPage',
  CustomerData: undefined,
  CustomEvent: 'CustomEvent',
  SearchRequest: 'SearchRequest',
  ProductUpdate: 'ProductUpdate',
} as const satisfies Readonly<Record<EventName, string | undefined>>

/** Every event name, in the order of PAYLOADS.md. */
export const EVENT_NAMES = Object.keys(BODY_KEYS) as EventName[]

/** Tells whether a string names a REST event. */
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENT_NAMES as string[]).includes(name)
}

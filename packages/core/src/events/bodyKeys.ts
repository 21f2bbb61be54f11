import type { EventName } from '../types'

/** Every event name, in the order of PAYLOADS.md. */
export const EVENT_NAMES: EventName[] = [
  'ProductPage',
  'AddToWishlist',
  'StatusCart',
  'PurchasedItems',
  'ProductImpressions',
  'CategoryPage',
  'CustomerData',
  'CustomEvent',
  'SearchRequest',
  'ProductUpdate',
]

/** An event's body key: its name, but singular for ProductImpressions and none for CustomerData. */
type BodyKeyOf<Name extends EventName> = Name extends 'CustomerData'
  ? undefined
  : Name extends 'ProductImpressions'
    ? 'ProductImpression'
    : Name

/**
 * Each event's body key in the wire payload; `CustomerData` has none (GeneralInfo only) and
 * `ProductImpressions` goes under the singular `ProductImpression`, as in the reference's example
 * (PAYLOADS.md settles it).
 */
export const BODY_KEYS = Object.fromEntries(
  EVENT_NAMES.map((name) => [
    name,
    name === 'CustomerData' ? undefined : name === 'ProductImpressions' ? 'ProductImpression' : name,
  ]),
) as { readonly [Name in EventName]: BodyKeyOf<Name> }

/** Tells whether a string names a REST event. */
export const isEventName = (name: unknown): name is EventName => EVENT_NAMES.includes(name as EventName)

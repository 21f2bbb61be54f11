// The one list of events. Everything else that depends on which events exist (their names, body keys,
// wire model, valibot mirror, the tracker methods and their type) is derived from it; the eS.JS
// converters' table (esjs/esJsConverters.ts) is checked against it by the compiler.
import type * as v from 'valibot'
import { wireToValibot } from '../schemas/toValibot'
import type { EventWire } from '../schemas/wireSchema'
import { addToWishlistDefinition } from './addToWishlist/addToWishlistDefinition'
import { categoryPageDefinition } from './categoryPage/categoryPageDefinition'
import { customEventDefinition } from './customEvent/customEventDefinition'
import { customerDataDefinition } from './customerData/customerDataDefinition'
import { productImpressionsDefinition } from './productImpressions/productImpressionsDefinition'
import { productPageDefinition } from './productPage/productPageDefinition'
import { productUpdateDefinition } from './productUpdate/productUpdateDefinition'
import { purchasedItemsDefinition } from './purchasedItems/purchasedItemsDefinition'
import { searchRequestDefinition } from './searchRequest/searchRequestDefinition'
import { assembleEvent } from './shared/assembleEvent'
import { statusCartDefinition } from './statusCart/statusCartDefinition'
import type { BuildResult, EventContext } from './types'

/**
 * Every REST event the SDK knows, in the order of PAYLOADS.md. A new event is its folder plus one
 * line here (CONTRIBUTING.md, "Adding an event").
 */
export const EVENTS = [
  productPageDefinition,
  addToWishlistDefinition,
  statusCartDefinition,
  purchasedItemsDefinition,
  productImpressionsDefinition,
  categoryPageDefinition,
  customerDataDefinition,
  customEventDefinition,
  searchRequestDefinition,
  productUpdateDefinition,
] as const

/** One registered event's definition. */
export type RegisteredEvent = (typeof EVENTS)[number]

/** The REST events, by `GeneralInfo.eventName`. */
export type EventName = RegisteredEvent['name']

/** The definition of the event named `Name`. */
export type EventNamed<Name extends EventName> = Extract<RegisteredEvent, { name: Name }>

/** What the tracker method of an event takes. */
export type MethodInputOf<Event> = Event extends { '~types'?: { methodInput: infer Input } } ? Input : never

/** An event's tracker method name: its name with a lowercase first letter (`productPage` for ProductPage). */
export type MethodNameOf<Name extends string> = Uncapitalize<Name>

/** The tracker method name of an event: `ProductPage` -> `productPage`. */
export const methodNameOf = <Name extends string>(eventName: Name): MethodNameOf<Name> =>
  // The compiler cannot follow a string operation into a template literal type: this is Uncapitalize.
  (eventName.charAt(0).toLowerCase() + eventName.slice(1)) as MethodNameOf<Name>

/** A record with one value per event, made from its definition. */
/* @__NO_SIDE_EFFECTS__ */
const byEventName = <Value>(read: (event: RegisteredEvent) => Value) =>
  Object.fromEntries(EVENTS.map((event) => [event.name, read(event)])) as { readonly [Name in EventName]: Value }

/** Every event name, in the order of PAYLOADS.md. */
export const EVENT_NAMES: readonly EventName[] = EVENTS.map((event) => event.name)

/** Tells whether a string names a REST event. */
export const isEventName = (name: unknown): name is EventName => EVENT_NAMES.includes(name as EventName)

/** Each event's whole-payload wire schema, by name; it also says how a friendly input becomes its body. */
export const EVENT_MODEL: { readonly [Name in EventName]: EventWire } = byEventName((event) => event.wire)

/**
 * Each event's body key in the wire payload; `CustomerData` has none (GeneralInfo only) and
 * `ProductImpressions` goes under the singular `ProductImpression`, as in the reference's example
 * (PAYLOADS.md settles it).
 */
export const BODY_KEYS = byEventName((event) => event.wire.bodyKey) as {
  readonly [Name in EventName]: EventNamed<Name>['wire']['bodyKey']
}

/** One event in {@link eventRegistry}: its body key, its valibot schema and its builder. */
export interface EventRegistryEntry {
  /** The body's key in the payload; `undefined` for CustomerData (GeneralInfo only). */
  bodyKey: string | undefined
  /** The whole payload's valibot schema, GeneralInfo included. */
  schema: v.GenericSchema
  /** Friendly input -> wire payload; never throws. */
  build(input: unknown, context: EventContext): BuildResult
}

/** Every REST event by name, for callers who work with valibot: its body key, valibot schema and builder. */
export const eventRegistry: { readonly [Name in EventName]: EventRegistryEntry } = byEventName(({ wire }) => ({
  bodyKey: wire.bodyKey,
  schema: wireToValibot(wire),
  build: (input: unknown, context: EventContext) => assembleEvent(wire, input, context),
}))

import { assembleEvent } from '../shared/assembleEvent'
import type { TagsInput } from '../shared/tags'
import type { BuildResult, EventContext } from '../types'
import { statusCartWire } from './statusCartSchema'

/** One cart line, in friendly form. */
export interface CartProductInput {
  productKey: string | number
  /** A number or numeric string; sent as a number. */
  price: number | string
  /** A positive integer or integer string; sent as an integer. */
  quantity: number | string
  discount?: number | string | undefined
  currency?: string | undefined
  tags?: TagsInput | undefined
}

/** Input of {@link buildStatusCart}: every line now in the cart (none when emptied) and its GUID. */
export interface StatusCartInput {
  products: CartProductInput[]
  tags?: TagsInput | undefined
  /** The cart's GUID; a new one per cart change. The tracker layer fills it when the caller does not. */
  guid: string
}

/** What `tracker.statusCart` takes: the builder's input, the GUID optional (a new one per call when left out). */
export type StatusCartMethodInput = Omit<StatusCartInput, 'guid'> & { guid?: string | undefined }

/**
 * Builds a `StatusCart` payload: the cart changed; it carries the whole cart, not the change.
 *
 * @example
 * buildStatusCart({ products: [{ productKey: '430738', price: '201.95', quantity: 1 }], guid }, context)
 */
export function buildStatusCart(input: StatusCartInput, context: EventContext): BuildResult {
  return assembleEvent(statusCartWire, input, context)
}

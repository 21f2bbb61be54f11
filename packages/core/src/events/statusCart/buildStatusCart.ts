import type { BuildResult, EventContext } from '../../types'
import { assembleEvent } from '../shared/assembleEvent'
import { asRecord, mapList, setDefined } from '../shared/fields'
import { type TagsInput, toTags } from '../shared/tags'
import { statusCartSchema } from './statusCartSchema'
import { type CartProductInput, toCartProduct } from './toCartProduct'

/** Input of {@link buildStatusCart}: every line now in the cart (none when emptied) and its GUID. */
export interface StatusCartInput {
  products: CartProductInput[]
  tags?: TagsInput
  /** The cart's GUID; a new one per cart change. The tracker layer fills it when the caller does not. */
  guid: string
}

/**
 * Builds a `StatusCart` payload: the cart changed; it carries the whole cart, not the change.
 *
 * @example
 * buildStatusCart({ products: [{ productKey: '430738', price: '201.95', quantity: 1 }], guid }, context)
 */
export function buildStatusCart(input: StatusCartInput, context: EventContext): BuildResult {
  return assembleEvent('StatusCart', statusCartSchema, context, (issues) => {
    const given = asRecord(input)
    const body: Record<string, unknown> = {
      GUID: given.guid,
      Products: mapList(given.products, 'StatusCart.Products', (item, path) => toCartProduct(item, path, issues)),
    }
    setDefined(body, 'Tags', toTags(given.tags, 'StatusCart.Tags', issues))
    return body
  })
}

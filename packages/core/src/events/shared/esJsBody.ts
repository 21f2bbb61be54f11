import { toIdString } from '../../schemas/convert'
import { isRecord } from '../../schemas/predicates'
import {
  type FieldRule,
  type LooseRecord,
  lenientEventTags,
  lenientStockFlag,
  PRODUCT_KEY,
  wireObject,
} from './lenientValues'

/**
 * Converts the part of a body under `key` to its REST shape, whose payload sits under `inner`:
 * an eS.JS list (`{ StatusCart: [lines] }`) becomes `{ Products: [lines] }`, a flat eS.JS object
 * (`{ ProductPage: { productKey } }`) becomes `{ Product: { productKey } }`, and a REST part (which
 * already has `inner`; with or without the outer key) is copied. The payload is put in the wire form
 * of `rules`, the part's own fields in that of `partRules`, and `Tags` given beside the part move
 * into it. Anything else is passed on unchanged, for validation to name by its path.
 *
 * @example
 * esJsBody({ CategoryPage: { categoryKey: 7 } }, 'CategoryPage', 'Category', [['categoryKey', toIdString]])
 * // { CategoryPage: { Category: { categoryKey: '7' } } }
 */
export const esJsBody = (
  body: LooseRecord,
  key: string,
  inner: 'Product' | 'Products' | 'Category',
  rules: readonly FieldRule[],
  partRules: readonly FieldRule[] = [],
  part: unknown = body[key] ?? body,
): LooseRecord => {
  let source = part
  if (inner === 'Products') {
    if (Array.isArray(part)) source = { Products: part }
  } else if (isRecord(part) && !isRecord(part[inner])) {
    const { Tags, ...payload } = part
    source = { [inner]: payload, Tags }
  }
  // A payload that is neither a list nor an object comes out unchanged, and validation names it.
  const convert = (payload: unknown) =>
    Array.isArray(payload) ? payload.map((item) => wireObject(item, rules)) : wireObject(payload, rules)
  return {
    [key]: wireObject(source, [
      [inner, convert],
      ['Tags', (tags) => lenientEventTags(tags ?? body.Tags)],
      ...partRules,
    ]),
  }
}

const PRODUCT: readonly FieldRule[] = [PRODUCT_KEY, ['price', toIdString], ['isInStock', lenientStockFlag]]

/**
 * Converts a ProductPage or AddToWishlist body, in the eS.JS form (`{ ProductPage: { productKey, price, ... } }`)
 * or the REST form (`{ ProductPage: { Product, Tags } }`, with or without the outer key), to the wire
 * body keyed by the event's name. AddToWishlist also takes its product under `ProductPage`.
 */
export const productBodyFromEsJs = (eventName: 'ProductPage' | 'AddToWishlist', body: LooseRecord): LooseRecord =>
  esJsBody(body, eventName, 'Product', PRODUCT, [], body[eventName] ?? body.ProductPage ?? body)

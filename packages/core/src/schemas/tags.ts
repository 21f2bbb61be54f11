import { matches, stringListSchema } from './values'
import { leaf, type RecordSchema, type Refine } from './wireSchema'

/** The names tags may have, in `Tags` and after a product's `tag_` prefix. */
export const TAG_NAME = /^[A-Za-z0-9_.-]{1,64}$/

/** The prefix of a product's own tag fields (`tag_something`). */
export const PRODUCT_TAG_PREFIX = 'tag_'

const TAG_NAME_EXPECTED = 'a tag name of 1-64 letters, digits, _ . -'

/** Tells whether a string is an allowed tag name. */
export const isValidTagName = matches(TAG_NAME)

/** An event's `Tags`: `{ name: string[] }`. */
export const tagsSchema: RecordSchema<typeof stringListSchema> = {
  keys: leaf<string>(isValidTagName, TAG_NAME_EXPECTED),
  values: stringListSchema,
  expects: 'an object of tags',
}

/**
 * Checks a product's `tag_*` fields that are not among its known `fields` (those are checked as
 * fields), which open objects would otherwise let through unchecked: the name after `tag_` must be
 * a tag name and the value a list of strings.
 */
/* @__NO_SIDE_EFFECTS__ */
export const productTagFields =
  (fields: Record<string, unknown>): Refine =>
  (product, report) => {
    for (const key of Object.keys(product)) {
      // A read, not `key in fields`: the fields objects differ in shape, and a megamorphic `in` is slow.
      if (!key.startsWith(PRODUCT_TAG_PREFIX) || fields[key]) continue
      const value = product[key]
      if (!isValidTagName(key.slice(PRODUCT_TAG_PREFIX.length))) {
        report(key, `"${PRODUCT_TAG_PREFIX}" followed by ${TAG_NAME_EXPECTED}`, key, true)
      } else if (!Array.isArray(value) || !value.every(stringListSchema.item.is)) {
        report(key, stringListSchema.expects, value)
      }
    }
  }

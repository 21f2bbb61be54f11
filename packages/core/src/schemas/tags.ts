import * as v from 'valibot'
import { isRecord, stringListSchema } from './values'

/** The names tags may have, in `Tags` and after a product's `tag_` prefix. */
export const TAG_NAME = /^[A-Za-z0-9_.-]{1,64}$/

/** The prefix of a product's own tag fields (`tag_something`). */
export const PRODUCT_TAG_PREFIX = 'tag_'

const TAG_NAME_EXPECTED = 'a tag name of 1-64 letters, digits, "_", "." or "-"'

/** Tells whether a string is an allowed tag name. */
export function isValidTagName(name: string): boolean {
  return TAG_NAME.test(name)
}

/** An event's `Tags`: `{ name: string[] }`. */
export const tagsSchema = v.pipe(
  v.custom<Record<string, unknown>>(isRecord, 'an object of tags'),
  v.record(
    v.custom<string>((key) => typeof key === 'string' && isValidTagName(key), TAG_NAME_EXPECTED),
    stringListSchema,
  ),
)

/**
 * Checks a product's `tag_*` fields, which open objects would otherwise let through unchecked:
 * the name after `tag_` must be a tag name and the value a list of strings.
 */
/* @__NO_SIDE_EFFECTS__ */
export function productTagFieldsCheck<Product extends Record<string, unknown>>() {
  return v.rawCheck<Product>(({ dataset, addIssue }) => {
    const product = dataset.value
    if (!isRecord(product)) return
    for (const key of Object.keys(product)) {
      if (!key.startsWith(PRODUCT_TAG_PREFIX)) continue
      const value = product[key]
      const nameIsValid = isValidTagName(key.slice(PRODUCT_TAG_PREFIX.length))
      const valueIsValid = Array.isArray(value) && value.every((item) => typeof item === 'string')
      if (nameIsValid && valueIsValid) continue
      addIssue({
        message: nameIsValid ? 'an array of strings' : `"tag_" followed by ${TAG_NAME_EXPECTED}`,
        input: nameIsValid ? value : key,
        path: [{ type: 'object', origin: nameIsValid ? 'value' : 'key', input: product, key, value }],
      })
    }
  })
}

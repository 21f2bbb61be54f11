import { stringListSchema } from './values'
import { leaf, type RecordSchema, type Refine } from './wireSchema'

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
export const tagsSchema: RecordSchema<typeof stringListSchema> = {
  keys: leaf<string>((key) => typeof key === 'string' && isValidTagName(key), TAG_NAME_EXPECTED),
  values: stringListSchema,
  expects: 'an object of tags',
}

/**
 * Checks a product's `tag_*` fields, which open objects would otherwise let through unchecked:
 * the name after `tag_` must be a tag name and the value a list of strings.
 */
export const productTagFields: Refine = (product, report) => {
  for (const key of Object.keys(product)) {
    if (!key.startsWith(PRODUCT_TAG_PREFIX)) continue
    const value = product[key]
    const nameIsValid = isValidTagName(key.slice(PRODUCT_TAG_PREFIX.length))
    const valueIsValid = Array.isArray(value) && value.every((item) => typeof item === 'string')
    if (nameIsValid && valueIsValid) continue
    report(
      key,
      nameIsValid ? 'an array of strings' : `"tag_" followed by ${TAG_NAME_EXPECTED}`,
      nameIsValid ? value : key,
    )
  }
}

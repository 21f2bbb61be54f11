import type { TagsInput } from './tags'

/** A product's own tags: `{ something: [...] }` becomes `tag_something` on the wire. */
export type ProductTagsInput = TagsInput

/** A viewed or wished-for product, in friendly form. */
export interface ProductInput {
  productKey: string | number
  /** `"754"`, `"754 USD"`, or a number (with `currency`, `754` becomes `"754 USD"`). */
  price: string | number
  currency?: string | undefined
  isInStock?: boolean | 0 | 1 | '0' | '1' | undefined
  tags?: ProductTagsInput | undefined
}

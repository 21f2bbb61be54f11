import * as v from 'valibot'
import { generalInfoSchema } from '../../schemas/generalInfo'
import { openObject } from '../../schemas/openObject'
import { tagsSchema } from '../../schemas/tags'
import { nonEmptyTextSchema } from '../../schemas/values'

/** The `CategoryPage` wire payload: a category was browsed. */
export const categoryPageSchema = openObject({
  GeneralInfo: generalInfoSchema('CategoryPage'),
  CategoryPage: openObject({
    Category: openObject({ categoryKey: nonEmptyTextSchema }),
    Tags: v.optional(tagsSchema),
  }),
})

/** A `CategoryPage` payload as the schema reads it. */
export type CategoryPagePayload = v.InferOutput<typeof categoryPageSchema>

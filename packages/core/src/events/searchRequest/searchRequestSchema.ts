import * as v from 'valibot'
import { generalInfoSchema } from '../../schemas/generalInfo'
import { openObject } from '../../schemas/openObject'
import { foundFlagSchema, nonEmptyTextSchema } from '../../schemas/values'

/** The `SearchRequest` wire payload: `{ search, isFound? }`. */
export const searchRequestSchema = openObject({
  GeneralInfo: generalInfoSchema('SearchRequest'),
  SearchRequest: openObject({ search: nonEmptyTextSchema, isFound: v.optional(foundFlagSchema) }),
})

/** A `SearchRequest` payload as the schema reads it. */
export type SearchRequestPayload = v.InferOutput<typeof searchRequestSchema>

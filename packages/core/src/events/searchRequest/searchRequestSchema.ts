import { generalInfoSchema } from '../../schemas/generalInfo'
import { toValibot } from '../../schemas/toValibot'
import { foundFlagSchema, nonEmptyTextSchema } from '../../schemas/values'
import { type Infer, openObject, optional } from '../../schemas/wireSchema'

/** The `SearchRequest` wire payload: `{ search, isFound? }`. */
export const searchRequestWire = openObject({
  GeneralInfo: generalInfoSchema('SearchRequest'),
  SearchRequest: openObject({ search: nonEmptyTextSchema, isFound: optional(foundFlagSchema) }),
})

/** The `SearchRequest` schema in valibot, for callers who validate with valibot themselves. */
export const searchRequestSchema = toValibot(searchRequestWire)

/** A `SearchRequest` payload as the schema reads it. */
export type SearchRequestPayload = Infer<typeof searchRequestWire>

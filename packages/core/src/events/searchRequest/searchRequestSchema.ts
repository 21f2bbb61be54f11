import { toValibot } from '../../schemas/toValibot'
import { foundFlagSchema, nonEmptyTextSchema } from '../../schemas/values'
import { type Infer, openObject, optional } from '../../schemas/wireSchema'
import { eventWire } from '../shared/eventWire'

/** The `SearchRequest` wire payload: `{ search, isFound? }`. */
export const searchRequestWire = eventWire(
  'SearchRequest',
  openObject({ search: nonEmptyTextSchema, isFound: optional(foundFlagSchema) }),
)

/** The `SearchRequest` schema in valibot, for callers who validate with valibot themselves. */
export const searchRequestSchema = toValibot(searchRequestWire)

/** A `SearchRequest` payload as the schema reads it. */
export type SearchRequestPayload = Infer<typeof searchRequestWire>

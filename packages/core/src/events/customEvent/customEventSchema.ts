import { toValibot } from '../../schemas/toValibot'
import { nonEmptyTextSchema } from '../../schemas/values'
import { type Infer, openObject } from '../../schemas/wireSchema'
import { eventWire } from '../shared/eventWire'
import { eventTagsSchema } from '../shared/tags'

/** The `CustomEvent` wire payload: a site-defined event, `{ EventName, Tags? }`. */
export const customEventWire = eventWire(
  'CustomEvent',
  openObject({ EventName: nonEmptyTextSchema, Tags: eventTagsSchema }),
)

/** The `CustomEvent` schema in valibot, for callers who validate with valibot themselves. */
export const customEventSchema = toValibot(customEventWire)

/** A `CustomEvent` payload as the schema reads it. */
export type CustomEventPayload = Infer<typeof customEventWire>

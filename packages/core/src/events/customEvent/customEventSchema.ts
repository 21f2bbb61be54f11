import { generalInfoSchema } from '../../schemas/generalInfo'
import { tagsSchema } from '../../schemas/tags'
import { toValibot } from '../../schemas/toValibot'
import { nonEmptyTextSchema } from '../../schemas/values'
import { type Infer, openObject, optional } from '../../schemas/wireSchema'

/** The `CustomEvent` wire payload: a site-defined event, `{ EventName, Tags? }`. */
export const customEventWire = openObject({
  GeneralInfo: generalInfoSchema('CustomEvent'),
  CustomEvent: openObject({ EventName: nonEmptyTextSchema, Tags: optional(tagsSchema) }),
})

/** The `CustomEvent` schema in valibot, for callers who validate with valibot themselves. */
export const customEventSchema = toValibot(customEventWire)

/** A `CustomEvent` payload as the schema reads it. */
export type CustomEventPayload = Infer<typeof customEventWire>

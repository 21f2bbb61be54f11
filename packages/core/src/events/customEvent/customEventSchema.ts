import * as v from 'valibot'
import { generalInfoSchema } from '../../schemas/generalInfo'
import { openObject } from '../../schemas/openObject'
import { tagsSchema } from '../../schemas/tags'
import { nonEmptyTextSchema } from '../../schemas/values'

/** The `CustomEvent` wire payload: a site-defined event, `{ EventName, Tags? }`. */
export const customEventSchema = openObject({
  GeneralInfo: generalInfoSchema('CustomEvent'),
  CustomEvent: openObject({ EventName: nonEmptyTextSchema, Tags: v.optional(tagsSchema) }),
})

/** A `CustomEvent` payload as the schema reads it. */
export type CustomEventPayload = v.InferOutput<typeof customEventSchema>

import { generalInfoSchema } from '../../schemas/generalInfo'
import { type ObjectSchema, openObject, type WireSchema } from '../../schemas/wireSchema'
import type { EventName } from '../../types'
import { BODY_KEYS } from '../bodyKeys'

/** The visitor events that carry a body (all but CustomerData and the catalog's ProductUpdate). */
type BodyEvent = Exclude<EventName, 'CustomerData' | 'ProductUpdate'>

/** The fields of a whole visitor-event payload: its GeneralInfo and its body under the event's body key. */
type EventFields<Name extends BodyEvent, Body extends WireSchema> = {
  GeneralInfo: ReturnType<typeof generalInfoSchema<Name>>
} & { [Key in (typeof BODY_KEYS)[Name]]: Body }

/** A visitor event's whole wire payload: GeneralInfo for `eventName`, `body` under its body key. */
/* @__NO_SIDE_EFFECTS__ */
export const eventWire = <const Name extends BodyEvent, Body extends WireSchema>(
  eventName: Name,
  body: Body,
): ObjectSchema<EventFields<Name, Body>> =>
  openObject({ GeneralInfo: generalInfoSchema(eventName), [BODY_KEYS[eventName]]: body } as EventFields<Name, Body>)

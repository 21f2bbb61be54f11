import { catalogGeneralInfoSchema, generalInfoSchema } from '../../schemas/generalInfo'
import { type EventWire, openObject, type WireSchema } from '../../schemas/wireSchema'

/** The fields of a visitor event's payload: its GeneralInfo and its body under the body key. */
type VisitorEventFields<Name extends string, BodyKey extends string, Body extends WireSchema> = {
  GeneralInfo: ReturnType<typeof generalInfoSchema<Name>>
} & { [Key in BodyKey]: Body }

/**
 * A visitor event's whole wire payload: GeneralInfo for `eventName` (site, time, `sc`, identity, page
 * context) and `body` under `bodyKey`, which is the event's name unless given.
 *
 * @example
 * eventWire('ProductImpressions', impressionsBody, 'ProductImpression')
 */
/* @__NO_SIDE_EFFECTS__ */
export function eventWire<const Name extends string, Body extends WireSchema, const BodyKey extends string = Name>(
  eventName: Name,
  body: Body,
  bodyKey?: BodyKey,
): EventWire<Name, BodyKey, VisitorEventFields<Name, BodyKey, Body>> {
  const key = bodyKey ?? eventName
  const fields = { GeneralInfo: generalInfoSchema(eventName), [key]: body }
  return { ...openObject(fields as VisitorEventFields<Name, BodyKey, Body>), eventName, bodyKey: key as BodyKey }
}

/** A visitor event that is GeneralInfo only, without a body (CustomerData: who the visitor is). */
/* @__NO_SIDE_EFFECTS__ */
export function bodilessEventWire<const Name extends string>(
  eventName: Name,
): EventWire<Name, undefined, { GeneralInfo: ReturnType<typeof generalInfoSchema<Name>> }> {
  return { ...openObject({ GeneralInfo: generalInfoSchema(eventName) }), eventName, bodyKey: undefined }
}

/**
 * A catalog event, sent from a server about products rather than a visitor: GeneralInfo is
 * `{ eventName, siteId }` only (no `sc`), and `body` goes under the event's name.
 */
/* @__NO_SIDE_EFFECTS__ */
export function catalogEventWire<const Name extends string, Body extends WireSchema>(
  eventName: Name,
  body: Body,
): EventWire<Name, Name, { GeneralInfo: ReturnType<typeof catalogGeneralInfoSchema<Name>> } & { [Key in Name]: Body }> {
  const fields = { GeneralInfo: catalogGeneralInfoSchema(eventName), [eventName]: body }
  return {
    ...openObject(
      fields as { GeneralInfo: ReturnType<typeof catalogGeneralInfoSchema<Name>> } & { [Key in Name]: Body },
    ),
    eventName,
    bodyKey: eventName,
    catalog: true,
  }
}

import { IDENTITY_FIELDS } from './identity'
import { booleanSchema, identityIdSchema, nonEmptyTextSchema, nonNegativeSchema, optionalTextSchema } from './values'
import { leaf, type Optional, openObject, optional } from './wireSchema'

/** The identity fields' wire schemas, by wire name. */
type IdentityFields = { [Wire in 'externalCustomerId' | 'user_es_contact_id']: Optional<typeof identityIdSchema> } & {
  [Wire in 'user_phone' | 'user_email' | 'user_name']: typeof optionalTextSchema
}

/** Identity fields, from the table builders use: strings on the wire, ids also as numbers, empty strings allowed. */
const identityFields = Object.fromEntries(
  IDENTITY_FIELDS.map(([, wire, , ids]) => [wire, ids ? optional(identityIdSchema) : optionalTextSchema]),
) as IdentityFields

/** Page-context fields, as in `examples/custom-event.json`. */
const pageContextFields = {
  s_location: optionalTextSchema,
  referrer: optionalTextSchema,
  screendim: optional(openObject({ h: nonNegativeSchema, w: nonNegativeSchema })),
  device: optionalTextSchema,
  browser: optional(openObject({})),
  adblockEnabled: optional(booleanSchema),
  user_client_id: optionalTextSchema,
  user_city: optionalTextSchema,
  user_card_id: optionalTextSchema,
}

/* @__NO_SIDE_EFFECTS__ */
const eventNameSchema = <const Name extends string>(eventName: Name) =>
  leaf<Name>((value) => value === eventName, `"${eventName}"`)

/** GeneralInfo of a visitor event: name, site, time, the `sc` cookie, identity and page context. */
/* @__NO_SIDE_EFFECTS__ */
export const generalInfoSchema = <const Name extends string>(eventName: Name) =>
  openObject({
    eventName: eventNameSchema(eventName),
    siteId: nonEmptyTextSchema,
    datetime: nonNegativeSchema,
    cookies: openObject({ sc: nonEmptyTextSchema }),
    ...identityFields,
    ...pageContextFields,
  })

/** GeneralInfo of `ProductUpdate`, a server-side catalog event: `{ eventName, siteId }` only. */
/* @__NO_SIDE_EFFECTS__ */
export const catalogGeneralInfoSchema = <const Name extends string>(eventName: Name) =>
  openObject({ eventName: eventNameSchema(eventName), siteId: nonEmptyTextSchema })

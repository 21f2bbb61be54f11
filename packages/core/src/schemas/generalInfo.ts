import type { EventName } from '../types'
import { booleanSchema, identityIdSchema, nonEmptyTextSchema, sizeSchema, textSchema, timestampSchema } from './values'
import { leaf, openObject, optional } from './wireSchema'

/** Identity fields: strings on the wire, ids also as numbers, empty strings allowed. */
const identityFields = {
  externalCustomerId: optional(identityIdSchema),
  user_phone: optional(textSchema),
  user_email: optional(textSchema),
  user_name: optional(textSchema),
  user_es_contact_id: optional(identityIdSchema),
}

/** Page-context fields, as in `examples/custom-event.json`. */
const pageContextFields = {
  s_location: optional(textSchema),
  referrer: optional(textSchema),
  screendim: optional(openObject({ h: sizeSchema, w: sizeSchema })),
  device: optional(textSchema),
  browser: optional(openObject({})),
  adblockEnabled: optional(booleanSchema),
  user_client_id: optional(textSchema),
  user_city: optional(textSchema),
  user_card_id: optional(textSchema),
}

/* @__NO_SIDE_EFFECTS__ */
function eventNameSchema<const Name extends EventName>(eventName: Name) {
  return leaf<Name>((value) => value === eventName, `"${eventName}"`)
}

/** GeneralInfo of a visitor event: name, site, time, the `sc` cookie, identity and page context. */
/* @__NO_SIDE_EFFECTS__ */
export function generalInfoSchema<const Name extends EventName>(eventName: Name) {
  return openObject({
    eventName: eventNameSchema(eventName),
    siteId: nonEmptyTextSchema,
    datetime: timestampSchema,
    cookies: openObject({ sc: nonEmptyTextSchema }),
    ...identityFields,
    ...pageContextFields,
  })
}

/** GeneralInfo of `ProductUpdate`, a server-side catalog event: `{ eventName, siteId }` only. */
/* @__NO_SIDE_EFFECTS__ */
export function catalogGeneralInfoSchema<const Name extends EventName>(eventName: Name) {
  return openObject({ eventName: eventNameSchema(eventName), siteId: nonEmptyTextSchema })
}

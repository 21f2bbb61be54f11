import * as v from 'valibot'
import type { EventName } from '../types'
import { openObject } from './openObject'
import { booleanSchema, identityIdSchema, nonEmptyTextSchema, sizeSchema, textSchema, timestampSchema } from './values'

/** Identity fields: strings on the wire, ids also as numbers, empty strings allowed. */
const identityEntries = {
  externalCustomerId: v.optional(identityIdSchema),
  user_phone: v.optional(textSchema),
  user_email: v.optional(textSchema),
  user_name: v.optional(textSchema),
  user_es_contact_id: v.optional(identityIdSchema),
}

/** Page-context fields, as in `examples/custom-event.json`. */
const pageContextEntries = {
  s_location: v.optional(textSchema),
  referrer: v.optional(textSchema),
  screendim: v.optional(openObject({ h: sizeSchema, w: sizeSchema })),
  device: v.optional(textSchema),
  browser: v.optional(openObject({})),
  adblockEnabled: v.optional(booleanSchema),
  user_client_id: v.optional(textSchema),
  user_city: v.optional(textSchema),
  user_card_id: v.optional(textSchema),
}

/* @__NO_SIDE_EFFECTS__ */
function eventNameSchema<const Name extends EventName>(eventName: Name) {
  return v.custom<Name>((value) => value === eventName, `"${eventName}"`)
}

/** GeneralInfo of a visitor event: name, site, time, the `sc` cookie, identity and page context. */
/* @__NO_SIDE_EFFECTS__ */
export function generalInfoSchema<const Name extends EventName>(eventName: Name) {
  return openObject({
    eventName: eventNameSchema(eventName),
    siteId: nonEmptyTextSchema,
    datetime: timestampSchema,
    cookies: openObject({ sc: nonEmptyTextSchema }),
    ...identityEntries,
    ...pageContextEntries,
  })
}

/** GeneralInfo of `ProductUpdate`, a server-side catalog event: `{ eventName, siteId }` only. */
/* @__NO_SIDE_EFFECTS__ */
export function catalogGeneralInfoSchema<const Name extends EventName>(eventName: Name) {
  return openObject({ eventName: eventNameSchema(eventName), siteId: nonEmptyTextSchema })
}

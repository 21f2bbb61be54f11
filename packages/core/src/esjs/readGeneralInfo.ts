import type { PageContext } from '../events/types'
import { IDENTITY_FIELDS, type Identity } from '../schemas/identity'
import { isRecord } from '../schemas/predicates'

/** Identity and page context read from eS.JS `GeneralInfo` fragments or a `CustomerData` body. */
export interface GeneralInfoFields {
  identity?: Identity
  context?: PageContext
}

/**
 * The vendor's page-context fields a fragment may carry. The tracker fills the rest of GeneralInfo
 * itself (eventName, siteId, cookies, datetime, and the page: s_location, referrer, screendim).
 */
const CONTEXT_FIELDS = ['user_client_id', 'user_city', 'user_card_id']

/** The GeneralInfo fields the tracker fills itself: no fragment, not even a CustomerData body, sets them. */
const TRACKER_FIELDS = ['eventName', 'siteId', 'cookies', 'datetime', 's_location', 'referrer', 'screendim']
const IDENTITY_SOURCES = IDENTITY_FIELDS.map(([, source]) => source)

/** The page-context fields to read from a fragment: the vendor's three, or with `every` all but identity and the tracker's. */
const contextFields = (fragment: Record<string, unknown>, every: boolean): string[] =>
  every
    ? Object.keys(fragment).filter((key) => !IDENTITY_SOURCES.includes(key) && !TRACKER_FIELDS.includes(key))
    : CONTEXT_FIELDS

/** Ids (`externalCustomerId`, `contactId`) may be numbers; the other identity fields are strings (a phone printed as a number becomes its digits). */
const identityValue = (target: keyof Identity, value: unknown): string | number | undefined => {
  if (typeof value === 'string') return value.trim() || undefined
  // Number.isFinite is false for anything but a finite number.
  if (Number.isFinite(value)) return target.endsWith('Id') ? (value as number) : String(value)
  return undefined
}

/**
 * Reads identity and page-context fields from GeneralInfo fragments; later fragments win field by
 * field. Blank values and values of an unusable type are left out.
 *
 * @example
 * readGeneralInfo({ user_email: 'a@example.com', user_city: 'Kyiv' })
 * // { identity: { email: 'a@example.com' }, context: { user_city: 'Kyiv' } }
 */
export const readGeneralInfo = (...fragments: unknown[]): GeneralInfoFields => readFragments(fragments, false)

/**
 * Reads a CustomerData body's fields, then the call's GeneralInfo fragments, as {@link readGeneralInfo}
 * does, except that every field of the CustomerData body goes into GeneralInfo (ESJS.md): identity
 * fields checked as `identify` checks them, the others (`user_tags_gender`, `user_card_id`, ...) as given.
 *
 * @example
 * readCustomerData({ user_email: 'a@example.com', user_tags_gender: 'female' })
 * // { identity: { email: 'a@example.com' }, context: { user_tags_gender: 'female' } }
 */
export const readCustomerData = (customer: unknown, ...fragments: unknown[]): GeneralInfoFields =>
  readFragments([customer, ...fragments], true)

const readFragments = (fragments: unknown[], firstIsCustomerData: boolean): GeneralInfoFields => {
  const fields: Record<string, Record<string, unknown>> = {}
  const set = (group: keyof GeneralInfoFields, key: string, value: unknown) => {
    if (value != null) fields[group] = { ...fields[group], [key]: value }
  }
  fragments.forEach((fragment, index) => {
    if (!isRecord(fragment)) return
    for (const [target, source] of IDENTITY_FIELDS) set('identity', target, identityValue(target, fragment[source]))
    for (const field of contextFields(fragment, firstIsCustomerData && index === 0))
      set('context', field, fragment[field])
  })
  return fields
}

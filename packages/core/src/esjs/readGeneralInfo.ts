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
export const readGeneralInfo = (...fragments: unknown[]): GeneralInfoFields => {
  const fields: Record<string, Record<string, unknown>> = {}
  const set = (group: keyof GeneralInfoFields, key: string, value: unknown) => {
    if (value != null) fields[group] = { ...fields[group], [key]: value }
  }
  for (const fragment of fragments) {
    if (!isRecord(fragment)) continue
    for (const [target, source] of IDENTITY_FIELDS) set('identity', target, identityValue(target, fragment[source]))
    for (const field of CONTEXT_FIELDS) set('context', field, fragment[field])
  }
  return fields
}

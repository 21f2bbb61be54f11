import { IDENTITY_FIELDS } from '../schemas/identity'
import type { Identity, PageContext } from '../types'
import { isBlank, isRecord } from './values'

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

/** Ids may be numbers; the other identity fields are strings (a phone printed as a number becomes its digits). */
function identityValue(target: keyof Identity, value: unknown): string | number | undefined {
  if (isBlank(value)) return undefined
  if (typeof value === 'string') return value.trim()
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined
  return target === 'externalCustomerId' || target === 'contactId' ? value : String(value)
}

/**
 * Reads identity and page-context fields from GeneralInfo fragments; later fragments win field by
 * field. Blank values and values of an unusable type are left out.
 *
 * @example
 * readGeneralInfo({ user_email: 'a@example.com', user_city: 'Kyiv' })
 * // { identity: { email: 'a@example.com' }, context: { user_city: 'Kyiv' } }
 */
export function readGeneralInfo(...fragments: unknown[]): GeneralInfoFields {
  const identity: Record<string, string | number> = {}
  const context: PageContext = {}
  for (const fragment of fragments) {
    if (!isRecord(fragment)) continue
    for (const [target, source] of IDENTITY_FIELDS) {
      const value = identityValue(target, fragment[source])
      if (value !== undefined) identity[target] = value
    }
    for (const field of CONTEXT_FIELDS) if (fragment[field] != null) context[field] = fragment[field]
  }
  const fields: GeneralInfoFields = {}
  if (Object.keys(identity).length > 0) fields.identity = identity
  if (Object.keys(context).length > 0) fields.context = context
  return fields
}

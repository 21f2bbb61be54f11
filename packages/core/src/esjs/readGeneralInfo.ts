import type { Identity, PageContext } from '../types'
import { isBlank, isRecord } from './values'

/** Identity and page context read from an eS.JS `GeneralInfo` fragment or `CustomerData` body. */
export interface GeneralInfoFields {
  identity?: Identity
  context?: PageContext
}

/** Identity fields by their vendor (wire) names, after the friendly names some integrations use, so the wire name wins. */
const IDENTITY_FIELDS: ReadonlyArray<readonly [source: string, target: keyof Identity]> = [
  ['email', 'email'],
  ['phone', 'phone'],
  ['name', 'name'],
  ['contactId', 'contactId'],
  ['externalCustomerId', 'externalCustomerId'],
  ['user_email', 'email'],
  ['user_phone', 'phone'],
  ['user_name', 'name'],
  ['user_es_contact_id', 'contactId'],
]

/** Page-context fields of GeneralInfo a fragment may carry; the tracker owns the rest (eventName, siteId, cookies, datetime). */
const CONTEXT_FIELDS = [
  'user_client_id',
  'user_city',
  'user_card_id',
  's_location',
  'referrer',
  'screendim',
  'device',
  'browser',
  'adblockEnabled',
] as const

/** Ids may be numbers; the other identity fields are strings (a phone printed as a number becomes its digits). */
function identityValue(target: keyof Identity, value: unknown): string | number | undefined {
  if (isBlank(value)) return undefined
  if (typeof value === 'string') return value.trim()
  if (typeof value === 'number' && Number.isFinite(value)) {
    return target === 'externalCustomerId' || target === 'contactId' ? value : String(value)
  }
  return undefined
}

/**
 * Reads identity and page-context fields from one or more GeneralInfo fragments; later fragments
 * win field by field. Values that are blank or of an unusable type are left out.
 *
 * @example
 * readGeneralInfo({ user_email: 'a@b.c', user_city: 'Kyiv' })
 * // { identity: { email: 'a@b.c' }, context: { user_city: 'Kyiv' } }
 */
export function readGeneralInfo(...fragments: unknown[]): GeneralInfoFields {
  const identity: Record<string, string | number> = {}
  const context: Record<string, unknown> = {}
  for (const fragment of fragments) {
    if (!isRecord(fragment)) continue
    for (const [source, target] of IDENTITY_FIELDS) {
      const value = identityValue(target, fragment[source])
      if (value !== undefined) identity[target] = value
    }
    for (const field of CONTEXT_FIELDS) {
      const value = fragment[field]
      if (value !== undefined && value !== null) context[field] = value
    }
  }
  const fields: GeneralInfoFields = {}
  if (Object.keys(identity).length > 0) fields.identity = identity as Identity
  if (Object.keys(context).length > 0) fields.context = context as PageContext
  return fields
}

// Identity fields: how a friendly `Identity` maps to GeneralInfo, and what "malformed" means.
// A malformed identity field is dropped with a warning, never a reason to lose the event.
import { isFiniteNumber } from './predicates'

/** Who the visitor is, in friendly names; builders emit `externalCustomerId`, `user_email`, ... */
export interface Identity {
  externalCustomerId?: string | number | undefined
  email?: string | undefined
  phone?: string | undefined
  name?: string | undefined
  contactId?: string | number | undefined
}

/**
 * One identity field: its friendly name, its wire name, what a usable value is in words, whether the
 * wire model takes a number there too (the ids), and the pattern a usable value matches once trimmed
 * (none: any string, untrimmed). A number is usable, as its digits, where numbers are taken or a
 * pattern decides (a phone number may come as one).
 */
export type IdentityField = readonly [
  input: keyof Identity,
  wire: string,
  expected: string,
  ids: boolean,
  pattern?: RegExp,
]

/** The identity fields of GeneralInfo, in wire order. */
export const IDENTITY_FIELDS: readonly IdentityField[] = [
  ['externalCustomerId', 'externalCustomerId', 'a string or number', true],
  // At least one digit among the characters phone numbers are written with.
  ['phone', 'user_phone', 'a phone number', false, /^(?=\D*\d)[+\d\s().\-/]+$/],
  ['email', 'user_email', 'an e-mail address', false, /^[^\s@]+@[^\s@]+$/],
  ['name', 'user_name', 'a string', false],
  ['contactId', 'user_es_contact_id', 'a numeric contact id', true, /^\d+$/],
]

/** The wire string for a usable identity value, or `undefined` when the value is malformed. */
export function normalizeIdentity([, , , ids, pattern]: IdentityField, value: unknown): string | undefined {
  const text = (ids || pattern) && isFiniteNumber(value) ? String(value) : value
  if (typeof text !== 'string') return undefined
  const trimmed = pattern ? text.trim() : text
  return pattern?.test(trimmed) !== false ? trimmed : undefined
}

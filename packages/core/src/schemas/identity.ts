// Identity fields: how a friendly `Identity` maps to GeneralInfo, and what "malformed" means.
// A malformed identity field is dropped with a warning, never a reason to lose the event.
import type { Identity } from '../types'

/** One identity field: its friendly name, its wire name, and how a usable value looks. */
export interface IdentityField {
  input: keyof Identity
  wire: string
  expected: string
  /** The wire string for a usable value, or `undefined` when the value is malformed. */
  normalize: (value: unknown) => string | undefined
}

const EMAIL = /^[^\s@]+@[^\s@]+$/
const PHONE = /^[+\d\s().\-/]+$/
const CONTACT_ID = /^\d+$/

const finiteToString = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined

/** The identity fields of GeneralInfo, in wire order. */
export const IDENTITY_FIELDS: readonly IdentityField[] = [
  {
    input: 'externalCustomerId',
    wire: 'externalCustomerId',
    expected: 'a string or number',
    normalize: (value) => (typeof value === 'string' ? value : finiteToString(value)),
  },
  {
    input: 'phone',
    wire: 'user_phone',
    expected: 'a phone number',
    normalize: (value) => {
      const phone = typeof value === 'string' ? value.trim() : finiteToString(value)
      return phone !== undefined && PHONE.test(phone) && /\d/.test(phone) ? phone : undefined
    },
  },
  {
    input: 'email',
    wire: 'user_email',
    expected: 'an e-mail address',
    normalize: (value) => (typeof value === 'string' && EMAIL.test(value.trim()) ? value.trim() : undefined),
  },
  {
    input: 'name',
    wire: 'user_name',
    expected: 'a string',
    normalize: (value) => (typeof value === 'string' ? value : undefined),
  },
  {
    input: 'contactId',
    wire: 'user_es_contact_id',
    expected: 'a numeric contact id',
    normalize: (value) => {
      const id = typeof value === 'string' ? value.trim() : finiteToString(value)
      return id !== undefined && CONTACT_ID.test(id) ? id : undefined
    },
  },
]

/** Tells whether an identity value counts as absent: `undefined`, `null` or a blank string. */
export function isEmptyIdentityValue(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
}

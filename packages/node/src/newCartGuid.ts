import { customAlphabet } from 'nanoid'

const hexDigits = customAlphabet('0123456789ABCDEF', 32)

/**
 * A new cart GUID in the reference's form: 32 uppercase hex digits grouped 8-4-4-4-12.
 *
 * @example
 * newCartGuid() // '3F2504E0-4F89-11D3-9A0C-0305E82C3301'
 */
export function newCartGuid(): string {
  const hex = hexDigits()
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

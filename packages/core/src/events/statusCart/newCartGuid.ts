/**
 * Returns a new cart GUID in the reference's form: 32 uppercase hex digits grouped 8-4-4-4-12
 * (PAYLOADS.md "GUID"). The digits come from Web Crypto's `crypto.getRandomValues`, which browsers
 * (plain http pages included) and Node 20 both have.
 *
 * @example
 * newCartGuid() // '3F2504E0-4F89-11D3-9A0C-0305E82C3301'
 */
export function newCartGuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

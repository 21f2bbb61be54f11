/**
 * Masks an e-mail address to its first letter and domain: `jane@example.com` -> `j***@example.com`.
 *
 * @example
 * maskEmail('jane@example.com') // 'j***@example.com'
 */
export const maskEmail = (email: string): string => {
  const at = email.lastIndexOf('@')
  return at > 0 ? `${email[0]}***${email.slice(at)}` : '***'
}

/**
 * Masks a phone number to its last four digits: `+380 50 111 3010` -> `***3010`.
 *
 * @example
 * maskPhone('+380501113010') // '***3010'
 */
export const maskPhone = (phone: string): string => {
  const digits = phone.replace(/\D/g, '')
  return digits.length > 4 ? `***${digits.slice(-4)}` : '***'
}

const mask = (value: unknown, key = '', depth = 0): unknown => {
  try {
    // Keys whose values are e-mails or phones, in input and wire names alike.
    // A phone may come as a number too; anything else that is not an object there is masked alike.
    if (/^(user_)?phone$/.test(key) && typeof value !== 'object') return maskPhone(String(value))
    // Anywhere else (a tag, a free-text field) an e-mail or a phone inside the text is masked too.
    if (typeof value === 'string') return /^(user_)?email$/.test(key) ? maskEmail(value) : maskText(value)
    if (typeof value !== 'object' || value === null || depth > 20) return value
    // Array items are walked by their index, which names no e-mail or phone.
    const copy = (Array.isArray(value) ? [] : {}) as Record<string, unknown>
    for (const [entryKey, entryValue] of Object.entries(value)) {
      copy[entryKey] = mask(entryValue, entryKey, depth + 1)
    }
    return copy
  } catch {
    // A throwing getter or a revoked proxy in what the host passed: logging must not throw into it.
    return '[unreadable]'
  }
}

/**
 * Returns a copy of a value for logging with every e-mail and phone masked, wherever it sits
 * (identity input, GeneralInfo, any nesting), and any other string that looks like an e-mail too.
 *
 * @example
 * maskPersonalData({ GeneralInfo: { user_email: 'jane@example.com', user_phone: '+380501113010' } })
 * // { GeneralInfo: { user_email: 'j***@example.com', user_phone: '***3010' } }
 */
export const maskPersonalData = mask as <T>(value: T) => T

/**
 * Masks e-mails and phone-like digit runs inside free text, such as an error message that quotes
 * the value it refused.
 *
 * @example
 * maskText('user_email: got "jane@example.com"') // 'user_email: got "j***@example.com"'
 */
export const maskText = (text: string): string =>
  text
    // A whole text that is an e-mail (whatever its characters), or one inside the text.
    .replace(/^[^\s@]+@[^\s@]+$|[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+/g, maskEmail)
    // A run of digits and phone punctuation that is not part of a word (a UUID, an id such as
    // `EBD600328329`). No lookbehind: older Safari cannot parse it, and the whole bundle would fail to load.
    .replace(/(^|[^\w+])(\+?\d[\d\s().-]{7,}\d)(?!\w)/g, (match, before: string, run: string) =>
      // A phone has nine digits or more (an IP address or a price has fewer), and is no 13-digit ms timestamp.
      run.replace(/\D/g, '').length < 9 || /^\d{13}$/.test(run) ? match : before + maskPhone(run),
    )

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

// maskText takes time linear in the text (a regular expression that backtracks over a long run took
// minutes on 1 MB): debug mode must not freeze the page that logs it.
/** A whole text that is an e-mail, whatever its characters (one anchored try). */
const wholeEmail = /^[^\s@]+@[^\s@]+$/
/** What ends an e-mail inside text. */
const aroundEmail = new Set([...' \t\n\r\f\v"\'<>(),;:'])
/** A run of digits and phone punctuation not inside a word (a UUID, an id such as `EBD600328329`); nothing after it to backtrack into. */
const digitRun = /(^|[^\w+])(\+?\d[\d\s().-]*)/g
const isDigit = (char: string | undefined): boolean => char !== undefined && char >= '0' && char <= '9'
const isWordChar = (char: string | undefined): boolean => char !== undefined && /\w/.test(char)

/** Masks each word of the text with an `@` inside (not only at its ends) as an e-mail, from its first letter to its last `@`. */
const maskEmailWords = (text: string): string => {
  let masked = ''
  let done = 0
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', done + 1)) {
    let start = at
    while (start > done && !aroundEmail.has(text[start - 1]!)) start--
    let end = at + 1
    while (end < text.length && !aroundEmail.has(text[end]!)) end++
    // The word without the `@`s at its ends: `@jane@example.com@` is an e-mail between two `@`.
    let first = start
    let last = end
    while (text[first] === '@') first++
    while (last > first && text[last - 1] === '@') last--
    const inner = text.slice(first, last)
    masked += text.slice(done, first) + (inner.includes('@') ? maskEmail(inner) : inner)
    done = last
  }
  return masked + text.slice(done)
}

/** Masks the phone a digit run starts with: it ends at its last digit that no word character follows. */
const maskDigitRun = (match: string, before: string, run: string, offset: number, text: string): string => {
  const following = text[offset + match.length]
  let end = run.length
  while (end > 0 && !(isDigit(run[end - 1]) && !isWordChar(end === run.length ? following : run[end]))) end--
  const phone = run.slice(0, end)
  // A phone has nine digits or more (an IP address or a price has fewer), and is no 13-digit ms timestamp.
  return phone.replace(/\D/g, '').length < 9 || /^\d{13}$/.test(phone)
    ? match
    : before + maskPhone(phone) + run.slice(end)
}

/**
 * Masks e-mails and phone-like digit runs inside free text, such as an error message that quotes
 * the value it refused, in time linear in its length.
 *
 * @example
 * maskText('user_email: got "jane@example.com"') // 'user_email: got "j***@example.com"'
 */
export const maskText = (text: string): string =>
  // No lookbehind: older Safari cannot parse it, and the whole bundle would fail to load.
  (wholeEmail.test(text) ? maskEmail(text) : maskEmailWords(text)).replace(digitRun, maskDigitRun)

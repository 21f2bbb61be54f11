/** Decodes a cookie value the way browsers' `document.cookie` writers encode it; keeps it raw if it is not valid. */
function decode(value: string): string {
  if (!value.includes('%')) return value
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/**
 * Reads the `sc` cookie's value (the tracker's visitor id) from a `Cookie` request header.
 *
 * Answers `undefined` when the header is absent, is not a string, or has no non-empty `sc` cookie;
 * it never throws. Node's `req.headers.cookie`, a Fetch `Headers.get('cookie')` value and an array
 * of header lines are all accepted.
 *
 * @example
 * const sc = scFromCookieHeader(req.headers.cookie) // 'CDA68358-94FB-4D83-9655-3FEB3C4114A3'
 */
export function scFromCookieHeader(header: string | readonly string[] | null | undefined): string | undefined {
  try {
    const text = Array.isArray(header) ? header.join('; ') : header
    if (typeof text !== 'string') return undefined
    for (const pair of text.split(';')) {
      const separator = pair.indexOf('=')
      if (separator < 0 || pair.slice(0, separator).trim() !== 'sc') continue
      let value = pair.slice(separator + 1).trim()
      if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1)
      const decoded = decode(value).trim()
      if (decoded !== '') return decoded
    }
    return undefined
  } catch {
    return undefined
  }
}

/** The companion cookie that says the `sc` cookie was re-issued by the server in the last day. */
export const renewedCookieName = 'sc_renewed'

const oneYearSeconds = 365 * 24 * 60 * 60
const oneDaySeconds = 24 * 60 * 60
/** Values the endpoint writes into a Set-Cookie header: what the browser tracker makes (a UUID) and the like. */
const safeCookieValue = /^[A-Za-z0-9._-]{1,128}$/

/** Reads one cookie's raw value from a `Cookie` header. */
function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const separator = pair.indexOf('=')
    if (separator > 0 && pair.slice(0, separator).trim() === name) return pair.slice(separator + 1).trim()
  }
  return undefined
}

/** Where the cookies go and how. */
export interface RenewalContext {
  /** The `sc` of the event just accepted (its `GeneralInfo.cookies.sc`). */
  sc: unknown
  cookieHeader: string | undefined
  secure: boolean
  domain: string | undefined
}

/**
 * The `Set-Cookie` headers that re-issue the visitor's `sc` cookie from the server, so that Safari's
 * ITP does not cap it at 7 days as it caps cookies written by scripts: `sc` for a year, `SameSite=Lax`,
 * `Secure` on https, the site's `Domain`. At most once a day per visitor: an `HttpOnly` companion
 * cookie `sc_renewed`, holding the `sc` it renewed, lives one day; while the request carries it with
 * the same `sc`, nothing is re-issued. Empty when there is nothing (safe) to re-issue.
 */
export function scCookieRenewal({ sc, cookieHeader, secure, domain }: RenewalContext): string[] {
  if (typeof sc !== 'string' || !safeCookieValue.test(sc)) return []
  if (cookieValue(cookieHeader, renewedCookieName) === sc) return []
  const attributes = ['Path=/', 'SameSite=Lax', ...(secure ? ['Secure'] : []), ...(domain ? [`Domain=${domain}`] : [])]
  return [
    [`sc=${sc}`, `Max-Age=${oneYearSeconds}`, ...attributes].join('; '),
    [`${renewedCookieName}=${sc}`, `Max-Age=${oneDaySeconds}`, ...attributes, 'HttpOnly'].join('; '),
  ]
}

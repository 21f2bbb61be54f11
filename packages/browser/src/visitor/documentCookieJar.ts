import type { ScCookieJar } from './scCookie'

/**
 * Reads a cookie of the page as js-cookie's `Cookies.get(name)` does: the first cookie of that name
 * whose name and value decode (surrounding quotes dropped, `%XX` runs decoded), or `undefined`.
 *
 * @example
 * readCookie('sc') // '3F2504E0-4F89-41D3-9A0C-0305E82C3301'
 */
export function readCookie(name: string): string | undefined {
  // No cookies: one empty part, which names no cookie.
  for (const cookie of document.cookie.split('; ')) {
    // The name, and the value after the first "=" ('' when there is none).
    const [key, value = ''] = cookie.split(/=(.*)/)
    try {
      if (decodeURIComponent(key as string) === name) {
        return (value[0] === '"' ? value.slice(1, -1) : value).replace(/(%[\dA-F]{2})+/gi, decodeURIComponent)
      }
    } catch {
      // A cookie that does not decode is skipped, as js-cookie does.
    }
  }
}

/**
 * The page's `sc` jar, on `document.cookie` (the ES module and the script tag alike: the two cookie
 * operations the tracker needs are not worth a cookie library). It creates the cookie js-cookie
 * would write for these attributes: first-party, one year, `SameSite=Lax`, `Secure` on https.
 */
export const documentCookieJar: ScCookieJar = {
  read() {
    try {
      return readCookie('sc') || undefined
    } catch {}
  },
  create(id) {
    try {
      const expires = new Date(Date.now() + 365 * 864e5).toUTCString()
      const secure = location.protocol === 'https:' ? '; secure' : ''
      // biome-ignore lint/suspicious/noDocumentCookie: the one cookie the tracker writes, as js-cookie would.
      document.cookie = `sc=${encodeURIComponent(id)}; path=/; expires=${expires}; sameSite=Lax${secure}`
    } catch {
      // A sandboxed document throws on cookie writes: the source falls back to a page-long id.
    }
  },
}

import type { ScCookieJar } from '../visitor/scCookie'
import type { ShopifyBrowser } from './shopifyTypes'

/** A year, in seconds: how long the `sc` cookie lives. */
const scMaxAgeSeconds = 31_536_000

/**
 * The `sc` cookie of the shop's page, reached through a pixel's `browser.cookie` (BRIDGES.md): read
 * with `get('sc')` (`''` is none) and created with the cookie's string form, first-party, a year,
 * `SameSite=Lax; Secure` (shops are served over https). Once known, the value is kept for the pixel's
 * life (a page): later events do not wait for another round trip to the page. Never rejects.
 */
export function createPixelCookieJar(cookie: ShopifyBrowser['cookie']): ScCookieJar {
  let known: string | undefined
  const read = async () => {
    try {
      const value = await cookie.get('sc')
      if (typeof value === 'string' && value) known = value
    } catch {
      // The page refused: the tracker keeps a page-long id.
    }
    return known
  }
  return {
    read: () => known ?? read(),
    async create(id) {
      try {
        await cookie.set(`sc=${id}; path=/; max-age=${scMaxAgeSeconds}; SameSite=Lax; Secure`)
      } catch {}
    },
  }
}

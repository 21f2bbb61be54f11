// A Shopify pixel's sandbox API for tests in Node: `analytics` is a working event bus that delivers
// each event a task later (as Shopify's does, by message), `browser.cookie` keeps real cookie strings
// (`name=value; path=/; max-age=...`) and `browser.localStorage` a real Map, both answering a task
// later, as the pixel's do when they reach the shop's page. One `FakeShop` is the shop page's
// cookies and storage; each `pixel()` is the pixel of one page load on it.
import type { ShopifyBrowser, ShopifyEvent, ShopifyInit } from '../src/shopify'

const later = <T>(answer: () => T) => new Promise<T>((resolve) => setTimeout(() => resolve(answer()), 1))

/** The shop page's cookies and localStorage, shared by the pixels of its page loads. */
export class FakeShop {
  readonly storage = new Map<string, string>()
  /** Cookies by name, with the string each was set with. */
  readonly cookies = new Map<string, { value: string; setWith: string }>()

  readonly browser: ShopifyBrowser = {
    cookie: {
      get: (name) => later(() => this.cookies.get(name)?.value ?? ''),
      set: (cookie) =>
        later(() => {
          const [pair = ''] = cookie.split(';')
          const [name = '', value = ''] = pair.split(/=(.*)/)
          this.cookies.set(name.trim(), { value: value.trim(), setWith: cookie })
          return cookie
        }),
    },
    localStorage: {
      getItem: (key) => later(() => this.storage.get(key) ?? null),
      setItem: (key, value) => later(() => void this.storage.set(key, String(value))),
      removeItem: (key) => later(() => void this.storage.delete(key)),
      key: (index) => later(() => [...this.storage.keys()][index] ?? null),
      length: () => later(() => this.storage.size),
    },
  }

  /** The pixel of one page load: its `init`, and what publishes standard events to it. */
  pixel(init: ShopifyInit = {}) {
    const subscribers = new Map<string, Array<(event: ShopifyEvent) => void>>()
    const consentSubscribers: Array<(event: { customerPrivacy: { analyticsProcessingAllowed: boolean } }) => void> = []
    let seq = 0
    return {
      init,
      browser: this.browser,
      analytics: {
        subscribe(name: string, callback: (event: ShopifyEvent) => void) {
          subscribers.set(name, [...(subscribers.get(name) ?? []), callback])
          return () => true
        },
      },
      customerPrivacy: {
        subscribe(_name: 'visitorConsentCollected', callback: (typeof consentSubscribers)[number]) {
          consentSubscribers.push(callback)
        },
      },
      /** Publishes a standard event with its data; delivered a task later. */
      publish(name: string, data: unknown) {
        const event = {
          id: `sh-${++seq}`,
          name,
          data,
          context: { document: { location: { href: `https://shop.example/${name}` }, referrer: '' } },
        }
        for (const callback of subscribers.get(name) ?? []) setTimeout(() => callback(event), 0)
      },
      /** Delivers an event again, as it was (the same `id`). */
      replay(name: string, event: ShopifyEvent) {
        for (const callback of subscribers.get(name) ?? []) setTimeout(() => callback(event), 0)
      },
      /** The visitor decided on the consent banner. */
      decideConsent(analyticsProcessingAllowed: boolean) {
        for (const callback of consentSubscribers) callback({ customerPrivacy: { analyticsProcessingAllowed } })
      },
    }
  }
}

import type { Ga4Ecommerce } from './types'

/** What one data layer push says, in the form both push forms share; `undefined` for anything else. */
export type Ga4Push =
  /** A GA4 event: its name, its ecommerce parameters (if any) and its search term (if any). */
  | { kind: 'event'; name: string; ecommerce: Ga4Ecommerce | undefined; searchTerm: unknown }
  /** `gtag('set', 'user_data', { email, phone_number, ... })`. */
  | { kind: 'userData'; userData: Record<string, unknown> }

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

// What gtag pushes: its `arguments` object, which GTM tells from a plain array the same way.
const isArgumentsObject = (value: unknown) => Object.prototype.toString.call(value) === '[object Arguments]'

/**
 * Reads one data layer push: `dataLayer.push({ event, ecommerce })` (the search term in the push or
 * its `ecommerce`, the push's own first) or the `arguments` of `gtag('event', name, params)` and
 * `gtag('set', 'user_data', data)`. Google's clearing push `{ ecommerce: null }`, pushes without an
 * event and every other gtag command read as `undefined`.
 *
 * @example
 * readGa4Push({ event: 'view_item', ecommerce: { items: [{ item_id: 'SKU-1', price: '9.50' }] } })
 * // { kind: 'event', name: 'view_item', ecommerce: { items: [...] }, searchTerm: undefined }
 */
export function readGa4Push(pushed: unknown): Ga4Push | undefined {
  if (isArgumentsObject(pushed)) {
    const [command, name, params] = Array.from(pushed as ArrayLike<unknown>)
    if (command === 'event' && typeof name === 'string') {
      const ecommerce = isObject(params) ? (params as Ga4Ecommerce) : undefined
      return { kind: 'event', name, ecommerce, searchTerm: ecommerce?.search_term }
    }
    // gtag('set', 'user_data', data), or gtag('set', { user_data: data }).
    const userData = command !== 'set' ? undefined : name === 'user_data' ? params : isObject(name) && name.user_data
    return isObject(userData) ? { kind: 'userData', userData } : undefined
  }
  if (!isObject(pushed) || typeof pushed.event !== 'string') return undefined
  const ecommerce = isObject(pushed.ecommerce) ? (pushed.ecommerce as Ga4Ecommerce) : undefined
  return { kind: 'event', name: pushed.event, ecommerce, searchTerm: pushed.search_term ?? ecommerce?.search_term }
}

import type { Identity } from '@es-tracker/core'
import type { SafeStorage } from '../storage/safeStorage'

const identityFields = ['externalCustomerId', 'email', 'phone', 'name', 'contactId'] as const

/** Remembers who the visitor is across pages, until `clear()`. */
export interface IdentityStore {
  /**
   * Merges the given fields into what is known; `null` or `''` forgets one field. Answers `false`,
   * and changes nothing, when the input cannot be read (a throwing getter, a revoked proxy).
   */
  identify(identity: Partial<Record<keyof Identity, string | number | null>>): boolean
  /** What is known now, or `undefined` when nothing is. */
  get(): Identity | undefined
  clear(): void
}

/**
 * Merges the identity fields of `update` into `into`: strings and finite numbers are taken, `null`
 * or `''` forget a field, anything else is ignored. Throws what reading `update` throws.
 */
function merge(into: Record<string, unknown>, update: object): Record<string, unknown> {
  for (const field of identityFields) {
    // biome-ignore lint/suspicious/noPrototypeBuiltins: not Object.hasOwn (ES2022), which Safari before 15.4 lacks.
    if (!Object.prototype.hasOwnProperty.call(update, field)) continue
    const value = (update as Record<string, unknown>)[field]
    if (value === null || value === '') delete into[field]
    else if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) into[field] = value
  }
  return into
}

/**
 * Keeps `identify()`'s fields in shared storage (memory where storage fails) so that every later
 * event, on this page or the next, carries them in GeneralInfo until `reset()`.
 */
export function createIdentityStore(storage: SafeStorage, key: string): IdentityStore {
  // Parsed once per stored text: events read identity on every call, storage changes rarely.
  let cachedText: string | null = null
  let cached: Identity | undefined

  const get = (): Identity | undefined => {
    const text = storage.get(key)
    if (text !== cachedText) {
      cachedText = text
      cached = undefined
      try {
        // What another script wrote under our key (not JSON, not an object) is no identity.
        const known = merge({}, JSON.parse(text as string))
        if (Object.keys(known).length > 0) cached = known as Identity
      } catch {}
    }
    return cached
  }

  return {
    identify(update) {
      let next: Record<string, unknown>
      try {
        next = merge({ ...get() }, update)
      } catch {
        // The host passed something unreadable: keep what is known rather than throw into the page.
        return false
      }
      if (Object.keys(next).length === 0) storage.remove(key)
      else storage.set(key, JSON.stringify(next))
      return true
    },
    get,
    clear: () => storage.remove(key),
  }
}

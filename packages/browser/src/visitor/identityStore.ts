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
  const get = (): Identity | undefined => {
    try {
      // What another script wrote under our key (not JSON, not an object) is no identity.
      const known = merge({}, JSON.parse(storage.get(key) as string))
      return Object.keys(known).length > 0 ? (known as Identity) : undefined
    } catch {
      return undefined
    }
  }

  return {
    identify(update) {
      try {
        const next = merge({ ...get() }, update)
        if (Object.keys(next).length > 0) storage.set(key, JSON.stringify(next))
        else storage.remove(key)
        return true
      } catch {
        // The host passed something unreadable: keep what is known rather than throw into the page.
        return false
      }
    },
    get,
    clear: () => storage.remove(key),
  }
}

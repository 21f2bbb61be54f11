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
      cached = parseIdentity(text)
    }
    return cached
  }

  return {
    identify(update) {
      const next: Record<string, string | number> = { ...get() }
      try {
        for (const field of identityFields) {
          if (!Object.hasOwn(update, field)) continue
          const value = update[field]
          if (value === null || value === '') delete next[field]
          else if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)))
            next[field] = value
        }
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

function parseIdentity(text: string | null): Identity | undefined {
  if (!text) return undefined
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value !== 'object' || value === null) return undefined
    const identity: Record<string, string | number> = {}
    for (const field of identityFields) {
      const fieldValue = (value as Record<string, unknown>)[field]
      if (typeof fieldValue === 'string' || typeof fieldValue === 'number') identity[field] = fieldValue
    }
    return Object.keys(identity).length > 0 ? (identity as Identity) : undefined
  } catch {
    // Another script wrote something else under our key: treat it as unknown.
    return undefined
  }
}

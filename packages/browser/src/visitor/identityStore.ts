import type { Identity } from '@es-tracker/core'
import { IDENTITY_FIELDS } from '@es-tracker/core/internal'
import type { SafeStorage } from '../storage/safeStorage'

/** The identity fields' friendly names, from core's one list of them. */
const identityFields = IDENTITY_FIELDS.map(([input]) => input)

/** Remembers who the visitor is across pages, until `clear()`. */
export interface IdentityStore {
  /**
   * Merges the given fields into what is known; `null` or `''` forgets one field. Changes nothing
   * when the input cannot be read (a throwing getter, a revoked proxy).
   */
  identify(identity: Partial<Record<keyof Identity, string | number | null>>): void
  /** What is known now: `undefined` when nothing was stored, or no fields when every one was forgotten. */
  get(): Identity | undefined
  clear(): void
}

/**
 * Merges the identity fields of `update` (its own keys) into `into`: strings and finite numbers are
 * taken, `null` or `''` forget a field, anything else is ignored. Throws what reading `update` throws.
 */
const merge = (into: Record<string, unknown>, update: object): Record<string, unknown> => {
  for (const field of Object.keys(update)) {
    if (!identityFields.includes(field as keyof Identity)) continue
    const value = (update as Record<string, unknown>)[field]
    if (value === null || value === '') delete into[field]
    else if (typeof value === 'string' || Number.isFinite(value)) into[field] = value
  }
  return into
}

/**
 * Keeps `identify()`'s fields in shared storage (memory where storage fails) so that every later
 * event, on this page or the next, carries them in GeneralInfo until `reset()`.
 */
export function createIdentityStore(storage: SafeStorage, key: string): IdentityStore {
  const get = (): Identity | undefined => {
    // Read on every event: nothing stored returns at once rather than through a thrown error.
    const stored = storage.get(key)
    if (stored)
      try {
        // What another script wrote under our key (not JSON, not an object) is no identity.
        return merge({}, JSON.parse(stored)) as Identity
      } catch {}
  }

  return {
    identify(update) {
      try {
        // Forgetting every field leaves `{}`: an identity without fields, which events leave out.
        storage.set(key, JSON.stringify(merge({ ...get() }, update)))
      } catch {
        // The host passed something unreadable: keep what is known rather than throw into the page.
      }
    },
    get,
    clear: () => storage.remove(key),
  }
}

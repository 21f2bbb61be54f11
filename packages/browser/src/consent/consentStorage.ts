import type { SafeStorage } from '../storage/safeStorage'
import type { ConsentGate } from './consentGate'

/**
 * Wraps the tracker's storage so that nothing is written before consent is granted: until then (and
 * after a denial) writes stay in this page's memory, where reads find them; the moment consent is
 * granted they are written through, in order, and every later write goes straight to storage.
 */
export function createConsentStorage(storage: SafeStorage, consent: ConsentGate): SafeStorage {
  // Writes made before the grant (null: a removal), in the order they were made.
  const held = new Map<string, string | null>()
  consent.onGranted(() => {
    for (const [key, value] of held) {
      if (value === null) storage.remove(key)
      else storage.set(key, value)
    }
    held.clear()
  })
  const write = (key: string, value: string | null): void => {
    if (consent.granted()) {
      if (value === null) storage.remove(key)
      else storage.set(key, value)
      return
    }
    held.delete(key)
    held.set(key, value)
  }
  return {
    get: (key) => (held.has(key) ? held.get(key)! : storage.get(key)),
    set: write,
    remove: (key) => write(key, null),
    keys(prefix) {
      const found = new Set(storage.keys(prefix))
      for (const [key, value] of held) {
        if (!key.startsWith(prefix)) continue
        if (value === null) found.delete(key)
        else found.add(key)
      }
      return [...found]
    },
  }
}

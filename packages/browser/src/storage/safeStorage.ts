/** A string key-value store that never throws: localStorage where it works, memory where it does not. */
export interface SafeStorage {
  get(key: string): string | null
  set(key: string, value: string): void
  remove(key: string): void
  /** The keys that start with `prefix`, in storage or (where it failed) in memory. */
  keys(prefix: string): string[]
  /** Whether the last access reached the real storage (false: disabled, throwing or full). */
  isPersistent(): boolean
}

/**
 * Wraps `localStorage` so that storage that is disabled (access throws `SecurityError`), throws on
 * write (quota, private modes) or is missing falls back to memory and never throws.
 *
 * @example
 * const storage = createSafeStorage()
 * storage.set('key', 'value') // stays in memory when localStorage refuses it
 */
export function createSafeStorage(getStorage: () => Storage | undefined = defaultStorage): SafeStorage {
  // Values whose write to the real storage failed: they win over what the real storage still holds.
  const memory = new Map<string, string | null>()
  let persistent = true

  const storage = (): Storage | undefined => {
    try {
      return getStorage()
    } catch {
      return undefined
    }
  }

  return {
    get(key) {
      if (memory.has(key)) return memory.get(key) ?? null
      try {
        const real = storage()
        if (real) return real.getItem(key)
      } catch {
        // Disabled storage throws on every access: memory it is.
      }
      persistent = false
      return null
    },
    set(key, value) {
      try {
        const real = storage()
        if (real) {
          real.setItem(key, value)
          memory.delete(key)
          persistent = true
          return
        }
      } catch {
        // Full or read-only storage: keep the value for this page at least.
      }
      persistent = false
      memory.set(key, value)
    },
    remove(key) {
      try {
        const real = storage()
        if (real) {
          real.removeItem(key)
          memory.delete(key)
          return
        }
      } catch {
        // Fall through to the memory copy.
      }
      memory.set(key, null)
    },
    keys(prefix) {
      const found = new Set<string>()
      try {
        const real = storage()
        for (let index = 0; real && index < real.length; index++) {
          const key = real.key(index)
          if (key?.startsWith(prefix)) found.add(key)
        }
      } catch {
        // Disabled storage lists nothing; memory still does.
      }
      for (const [key, value] of memory) {
        if (!key.startsWith(prefix)) continue
        if (value === null) found.delete(key)
        else found.add(key)
      }
      return [...found]
    },
    isPersistent: () => persistent,
  }
}

function defaultStorage(): Storage | undefined {
  return typeof localStorage === 'undefined' ? undefined : localStorage
}

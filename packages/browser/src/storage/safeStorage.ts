/** A string key-value store that never throws: localStorage where it works, memory where it does not. */
export interface SafeStorage {
  get(key: string): string | null
  set(key: string, value: string): void
  remove(key: string): void
  /** The keys that start with `prefix`, in storage or (where it failed) in memory. */
  keys(prefix: string): string[]
}

/**
 * Wraps `localStorage` so that storage that is disabled (access throws `SecurityError`), throws on
 * write (quota, private modes) or is missing falls back to memory and never throws.
 *
 * @example
 * const storage = createSafeStorage()
 * storage.set('key', 'value') // stays in memory when localStorage refuses it
 */
export function createSafeStorage(getStorage: () => Storage | undefined = () => localStorage): SafeStorage {
  // Values whose write to the real storage failed (null: a failed removal): they win over what the
  // real storage still holds. Getting the storage may throw too (disabled), or answer none (Node):
  // using none throws, and memory it is.
  const memory = new Map<string, string | null>()

  // Writes a value (null: removes it) to the real storage, or to memory where that fails.
  const write = (key: string, value: string | null) => {
    try {
      const real = getStorage()!
      if (value === null) real.removeItem(key)
      else real.setItem(key, value)
      memory.delete(key)
    } catch {
      // Full, read-only or disabled storage: keep the value for this page at least.
      memory.set(key, value)
    }
  }

  return {
    get(key) {
      if (memory.has(key)) return memory.get(key)!
      try {
        return getStorage()!.getItem(key)
      } catch {
        return null
      }
    },
    set: write,
    remove: (key) => write(key, null),
    keys(prefix) {
      const found = new Set<string | null>()
      try {
        const real = getStorage()!
        for (let index = 0; index < real.length; index++) found.add(real.key(index))
      } catch {
        // Disabled storage lists nothing; memory still does.
      }
      for (const [key, value] of memory) {
        if (value === null) found.delete(key)
        else found.add(key)
      }
      return [...found].filter((key) => key?.startsWith(prefix)) as string[]
    },
  }
}

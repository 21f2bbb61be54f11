import type { SafeStorage } from './safeStorage'

/**
 * A key-value storage that answers asynchronously, like a Shopify pixel's `browser.localStorage`
 * (which reaches the shop page's localStorage from the pixel's sandbox).
 */
export interface AsyncStorageArea {
  getItem(key: string): Promise<string | null>
  setItem(key: string, value: string): Promise<unknown>
  removeItem(key: string): Promise<unknown>
  key(index: number): Promise<string | null>
  length(): Promise<number>
}

/** Options of {@link hydrateStorage}. */
export interface HydrateStorageOptions {
  /** How long reading the storage may take before the tracker starts with what it has. @default 5000 */
  timeoutMs?: number
  /** Keys looked at, at most (a storage full of other scripts' keys is not read to the end). @default 5000 */
  maxKeys?: number
}

/** A {@link SafeStorage} on a copy of an asynchronous storage, which can be read again. */
export interface HydratedStorage extends SafeStorage {
  /**
   * Reads the keys under `keyPrefix` again, in place of the copy's (what other pages wrote since);
   * writes made before it are read back, being sent first. Never rejects.
   */
  reread(keyPrefix: string): Promise<void>
}

/**
 * Reads every key of `area` that starts with `prefix` once, into memory, and answers a synchronous
 * {@link SafeStorage} on that copy which writes every change through to `area`: the persisted queue,
 * the cart GUID, the identity, the cart mirror and the order ledger then work on it unchanged.
 * Never rejects: a storage that refuses, or does not answer within `timeoutMs`, gives a storage in
 * memory only (for this page). What other tabs write later is not seen; this tracker's own writes are
 * shared with them.
 *
 * @example
 * const storage = await hydrateStorage(browser.localStorage, 'es-tracker:')
 * storage.get('es-tracker:cart:8A412DC')
 */
export async function hydrateStorage(
  area: AsyncStorageArea,
  prefix: string,
  { timeoutMs = 5000, maxKeys = 5000 }: HydrateStorageOptions = {},
): Promise<HydratedStorage> {
  const memory = new Map<string, string>()

  /**
   * Reads the keys under `keyPrefix` into memory, in place of what memory holds under it, unless it
   * takes longer than `timeoutMs` (then memory stays as it is). Never rejects.
   */
  const read = async (keyPrefix: string) => {
    let late = false
    const readAll = async () => {
      const count = Math.min(Number(await area.length()) || 0, maxKeys)
      const keys = await Promise.all(Array.from({ length: count }, (_, index) => area.key(index)))
      const ours = keys.filter((key): key is string => typeof key === 'string' && key.startsWith(keyPrefix))
      const values = await Promise.all(ours.map((key) => area.getItem(key)))
      // A read that lands after its time would overwrite what the tracker has written since.
      if (late) return
      for (const key of memory.keys()) if (key.startsWith(keyPrefix)) memory.delete(key)
      ours.forEach((key, index) => {
        const value = values[index]
        if (typeof value === 'string') memory.set(key, value)
      })
    }
    let timer: ReturnType<typeof setTimeout> | undefined
    try {
      await Promise.race([readAll(), new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))])
    } catch {
      // A storage that refuses (or throws): the tracker keeps this page's data in memory.
    }
    clearTimeout(timer)
    late = true
  }
  await read(prefix)

  // Writes through, in call order; a refused write keeps the value in memory for this page.
  const writeThrough = (write: () => Promise<unknown>) => {
    try {
      write().catch(() => {})
    } catch {}
  }
  return {
    get: (key) => memory.get(key) ?? null,
    set(key, value) {
      memory.set(key, value)
      writeThrough(() => area.setItem(key, value))
    },
    remove(key) {
      memory.delete(key)
      writeThrough(() => area.removeItem(key))
    },
    keys: (keyPrefix) => [...memory.keys()].filter((key) => key.startsWith(keyPrefix)),
    reread: read,
  }
}

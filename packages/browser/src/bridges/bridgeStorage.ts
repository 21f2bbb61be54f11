/**
 * Where a bridge keeps what it must remember across pages and tabs (the cart mirror, the orders
 * already sent): strings by key, read and written synchronously. A page backs it with
 * localStorage (`createSafeStorage`); a Shopify pixel with its copy of `browser.localStorage`,
 * read once at start and written through.
 */
export interface BridgeStorage {
  /** The string stored under `key`; `null` or `undefined` when there is none. */
  get(key: string): string | null | undefined
  /** Stores `value` under `key`. */
  set(key: string, value: string): void
}

/**
 * Reads the JSON stored under `key`: `undefined` when there is none, or when the storage throws or
 * holds something unreadable (another version, a hand edit), which then counts as nothing stored.
 */
export function readStoredJson(storage: BridgeStorage, key: string): unknown {
  try {
    const text = storage.get(key)
    return text ? JSON.parse(text) : undefined
  } catch {
    return undefined
  }
}

/** Stores `value` as JSON under `key`; a storage that throws keeps what it had (never thrown to the caller). */
export function writeStoredJson(storage: BridgeStorage, key: string, value: unknown): void {
  try {
    storage.set(key, JSON.stringify(value))
  } catch {
    // A full or refusing storage: the bridge goes on with this page's view.
  }
}

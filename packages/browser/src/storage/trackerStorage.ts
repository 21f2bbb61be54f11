import type { SafeStorage } from './safeStorage'

// Each tracker's storage, keyed by the tracker itself rather than kept in a field of it: the tracker's
// public shape stays the one API.md documents.
const storages = new WeakMap<object, SafeStorage>()

/** Records the storage a tracker keeps its records in, for the bridges that run beside it ({@link trackerStorage}). */
export function keepTrackerStorage(tracker: object, storage: SafeStorage): void {
  storages.set(tracker, storage)
}

/**
 * The storage a tracker made by this package keeps its records in, consent-aware: nothing reaches
 * localStorage before consent is granted (consent/consentStorage.ts). A bridge keeps its own records
 * (cart mirror, orders sent) there too. `undefined` for any other object (a tracker of another
 * kind, an inert tracker from bad options).
 *
 * @example
 * const storage = trackerStorage(tracker) ?? createSafeStorage()
 */
export function trackerStorage(tracker: unknown): SafeStorage | undefined {
  // A WeakMap answers undefined for a key that is no object.
  return storages.get(tracker as object)
}

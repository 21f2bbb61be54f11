import type { CartStore } from '@es-tracker/core/internal'
import type { SafeStorage } from '../storage/safeStorage'

/**
 * Keeps the GUID of the last cart that had products in storage that every page and tab of the site
 * shares, so that a purchase on another page or tab joins it (memory where storage fails).
 */
export const createCartStore = (storage: SafeStorage, key: string): CartStore => ({
  get: () => storage.get(key) || undefined,
  set: (guid) => storage.set(key, guid),
  clear: () => storage.remove(key),
})

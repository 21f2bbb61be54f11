import type { CartStore } from '@es-tracker/core'
import { customAlphabet } from 'nanoid'
import type { SafeStorage } from '../storage/safeStorage'

// Created on first use so that importing the module does no work.
let hexDigits: ((size: number) => string) | undefined

/**
 * Returns a new GUID in the reference's form, 32 uppercase hex digits grouped 8-4-4-4-12, drawn with
 * nanoid's custom alphabet (PAYLOADS.md "GUID"). nanoid draws from `crypto.getRandomValues`, which
 * plain http pages have too.
 *
 * @example
 * newCartGuid() // '3F2504E0-4F89-11D3-9A0C-0305E82C3301'
 */
export const newCartGuid = (): string =>
  [8, 4, 4, 4, 12]
    .map((size) => {
      hexDigits ??= customAlphabet('0123456789ABCDEF')
      return hexDigits(size)
    })
    .join('-')

/**
 * Keeps the GUID of the last cart that had products in storage that every page and tab of the site
 * shares, so that a purchase on another page or tab joins it (memory where storage fails).
 */
export const createCartStore = (storage: SafeStorage, key: string): CartStore => ({
  get: () => storage.get(key) || undefined,
  set: (guid) => storage.set(key, guid),
  clear: () => storage.remove(key),
})

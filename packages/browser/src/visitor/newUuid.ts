import { newCartGuid } from '@es-tracker/core/internal'

/**
 * Returns a new random (version 4) UUID in uppercase: the `sc` visitor id and the page's queue id.
 * It is a cart GUID's random hex digits with the version digit (4) and the variant digit (8 to B) set,
 * drawn from `crypto.getRandomValues`, which plain http pages have too (`crypto.randomUUID` they lack).
 *
 * @example
 * newUuid() // '3F2504E0-4F89-41D3-9A0C-0305E82C3301'
 */
export const newUuid = (): string =>
  newCartGuid().replace(
    /^(.{14}).(.{4})(.)/,
    (_guid, head: string, middle: string, digit: string) => `${head}4${middle}${'89AB'[parseInt(digit, 16) & 3]}`,
  )

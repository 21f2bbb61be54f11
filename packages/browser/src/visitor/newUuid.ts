/**
 * Returns a new random (version 4) UUID in uppercase: the `sc` visitor id and the page's queue id.
 * `crypto.getRandomValues` works on plain http pages too, where `crypto.randomUUID` does not.
 *
 * @example
 * newUuid() // '3F2504E0-4F89-41D3-9A0C-0305E82C3301'
 */
export const newUuid = (): string =>
  // Each 0 or 1 becomes a random hex digit, the 8 one of 8-B (the variant); the 4 (the version) stays.
  '10000000-1000-4000-8000-100000000000'
    .replace(/[018]/g, (digit) =>
      (+digit ^ ((crypto.getRandomValues(new Uint8Array(1))[0] as number) & (15 >> (+digit / 4)))).toString(16),
    )
    .toUpperCase()

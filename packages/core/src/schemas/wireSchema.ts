import * as v from 'valibot'

/** What a schema expects, in words: its message when it is a string, else "an object". */
function expectationOf(schema: v.GenericSchema | undefined): string {
  const message = (schema as { message?: unknown } | undefined)?.message
  return typeof message === 'string' ? message : 'an object'
}

/**
 * An open wire object: the keys it knows are checked, any other key passes untouched (the vendor
 * adds fields). A missing required key is reported with that key's own expectation.
 */
/* @__NO_SIDE_EFFECTS__ */
export function openObject<const Entries extends v.ObjectEntries>(entries: Entries) {
  return v.looseObject(entries, (issue) => {
    const key = issue.path?.[0]?.key
    return typeof key === 'string' ? expectationOf(entries[key]) : 'an object'
  })
}

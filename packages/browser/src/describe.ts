/** A value as error messages show it: a string quoted, anything else by its type (`null` for null). */
export function describeValue(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : value === null ? 'null' : typeof value
}

/** A command name as error messages show it: `'name'`, or the type of a name that is no string. */
export function describeName(name: unknown): string {
  return typeof name === 'string' ? `'${name}'` : typeof name
}

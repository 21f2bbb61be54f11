/** A value as error messages show it: a string in quotes (`'name'`), anything else by its type (`null` for null). */
export function describeValue(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : value === null ? 'null' : typeof value
}

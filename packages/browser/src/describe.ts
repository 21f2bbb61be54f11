/** A value as error messages show it: a string in quotes (`'name'`), anything else by its type (`null` for null). */
export const describeValue = (value: unknown): string =>
  typeof value === 'string' ? `'${value}'` : value === null ? 'null' : typeof value

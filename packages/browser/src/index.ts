/** Placeholder until its issue lands. */
export const packageName = '@es-tracker/browser'

import { TrackerError } from '@es-tracker/core'

/** The largest delay `setTimeout` honours (a longer one fires at once). */
export const maxTimerMs = 2_147_483_647

const show = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value) : String(value))

/**
 * Checks an integer option of a factory (`owner`, e.g. `createNodeTracker`): `fallback` when it is
 * left out, else an integer from `min` to the largest timer delay; throws an `invalid_config`
 * TrackerError naming it otherwise.
 */
export function integerOption(owner: string, name: string, value: unknown, min: number, fallback: number): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > maxTimerMs) {
    throw new TrackerError(
      'invalid_config',
      `${owner}: ${name} must be an integer of at least ${min}; got ${show(value)}`,
    )
  }
  return value
}

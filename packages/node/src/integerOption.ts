import { TrackerError } from '@es-tracker/core'
import { integerRule, maxTimerMs, mustBe } from '@es-tracker/core/internal'

/**
 * Checks an integer option of a factory (`owner`, e.g. `createFirstPartyEndpoint`): `fallback` when
 * it is left out, else an integer from `min` to the largest timer delay (core's rule and message, as
 * every tracker option gets); throws an `invalid_config` TrackerError naming it otherwise.
 */
export function integerOption(owner: string, name: string, value: unknown, min: number, fallback: number): number {
  if (value === undefined) return fallback
  const rule = integerRule(min, maxTimerMs)
  if (!rule.isValid(value))
    throw new TrackerError('invalid_config', `${owner}: ${mustBe(name, rule.expected, value).message}`)
  return value as number
}

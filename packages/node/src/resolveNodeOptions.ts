import type { RetryOptions } from '@es-tracker/core'
import { TrackerError } from '@es-tracker/core'
import { checkTrackerOptions, functionRule, type OptionRule } from '@es-tracker/core/internal'
import { basicAuthHeader } from './basicAuthHeader'
import type { NodeTrackerOptions } from './types'

/** Node defaults, see {@link NodeTrackerOptions}. */
export const nodeDefaults = {
  timeoutMs: 10_000,
  concurrency: 8,
  maxQueue: 10_000,
  /** A server retries through an outage of hours: age, not a number of attempts, ends an event. */
  maxAgeMs: 6 * 60 * 60 * 1000,
} as const

/** The options of a node tracker, checked and with defaults filled in. */
export interface ResolvedNodeOptions {
  siteId: string
  url: string
  headers: Record<string, string>
  timeoutMs: number
  concurrency: number
  maxQueue: number
  maxAgeMs: number
  retry: RetryOptions
}

/** Node's own options, and what each must be (the ones every tracker has are core's). */
const nodeRules: Record<string, OptionRule> = {
  onWarning: functionRule,
  fetch: functionRule,
  transport: {
    expected: 'an object with a send(request) method',
    isValid: (value) => typeof (value as { send?: unknown } | null)?.send === 'function',
  },
  store: {
    expected: 'a queue store (createFileStore({ dir }), createPostgresStore({ pool }))',
    isValid: (value) =>
      ['add', 'update', 'remove', 'takeOver'].every(
        (name) => typeof (value as Record<string, unknown> | null)?.[name] === 'function',
      ),
  },
}

const fail = (message: string): never => {
  throw new TrackerError('invalid_config', `createNodeTracker: ${message}`)
}

/**
 * Checks a node tracker's options and fills in the defaults; throws an `invalid_config`
 * TrackerError naming the option at fault, so that a misconfigured server fails at start-up.
 */
export function resolveNodeOptions(options: NodeTrackerOptions): ResolvedNodeOptions {
  const checked = checkTrackerOptions(options, nodeRules)
  if (!checked.ok) return fail(checked.error.message)
  const { siteId, apiKey, retry = {} } = options
  if (apiKey !== undefined && (typeof apiKey !== 'string' || apiKey === '')) {
    // The type only, never the value: a key given as a number is still a secret.
    const got = apiKey === '' ? 'an empty string' : apiKey === null ? 'null' : `a ${typeof apiKey}`
    fail(`apiKey must be a non-empty string when given (the API key, e.g. process.env.ES_API_KEY); got ${got}`)
  }
  return {
    siteId: siteId.trim(),
    url: checked.url,
    headers: apiKey === undefined ? {} : { Authorization: basicAuthHeader(apiKey) },
    timeoutMs: options.timeout ?? nodeDefaults.timeoutMs,
    concurrency: options.concurrency ?? nodeDefaults.concurrency,
    maxQueue: options.maxQueue ?? nodeDefaults.maxQueue,
    maxAgeMs: options.maxAgeMs ?? nodeDefaults.maxAgeMs,
    // Only the fields given: the engine fills in the others.
    retry: Object.fromEntries(
      (['attempts', 'baseDelayMs', 'maxDelayMs'] as const)
        .filter((name) => retry[name] !== undefined)
        .map((name) => [name, retry[name]]),
    ),
  }
}

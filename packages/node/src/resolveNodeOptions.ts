import type { RetryOptions } from '@es-tracker/core'
import { resolveEndpoint, TrackerError } from '@es-tracker/core'
import { basicAuthHeader } from './basicAuthHeader'
import { integerOption } from './integerOption'
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

const fail = (message: string): never => {
  throw new TrackerError('invalid_config', `createNodeTracker: ${message}`)
}

const show = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value) : String(value))

const count = (name: string, value: unknown, min: number, fallback: number): number =>
  integerOption('createNodeTracker', name, value, min, fallback)

function checkRetry(retry: unknown): RetryOptions {
  if (retry === undefined) return {}
  if (retry === null || typeof retry !== 'object') return fail(`retry must be an object; got ${show(retry)}`)
  const { attempts, baseDelayMs, maxDelayMs } = retry as Record<string, unknown>
  return {
    ...(attempts === undefined ? {} : { attempts: count('retry.attempts', attempts, 1, 1) }),
    ...(baseDelayMs === undefined ? {} : { baseDelayMs: count('retry.baseDelayMs', baseDelayMs, 0, 0) }),
    ...(maxDelayMs === undefined ? {} : { maxDelayMs: count('retry.maxDelayMs', maxDelayMs, 0, 0) }),
  }
}

/**
 * Checks a node tracker's options and fills in the defaults; throws an `invalid_config`
 * TrackerError naming the option at fault, so that a misconfigured server fails at start-up.
 */
export function resolveNodeOptions(options: NodeTrackerOptions): ResolvedNodeOptions {
  if (options === null || typeof options !== 'object') return fail('options must be an object with a siteId')
  const { siteId, apiKey, onError, onWarning, fetch, transport } = options
  if (typeof siteId !== 'string' || siteId.trim() === '') {
    fail(`siteId must be a non-empty string (the site's tracker id, e.g. '8A412DC'); got ${show(siteId)}`)
  }
  const endpoint = resolveEndpoint(options.endpoint)
  if (!endpoint.ok) throw new TrackerError('invalid_config', `createNodeTracker: ${endpoint.error.message}`)
  if (apiKey !== undefined && (typeof apiKey !== 'string' || apiKey === '')) {
    // The type only, never the value: a key given as a number is still a secret.
    const got = apiKey === '' ? 'an empty string' : apiKey === null ? 'null' : `a ${typeof apiKey}`
    fail(`apiKey must be a non-empty string when given (the API key, e.g. process.env.ES_API_KEY); got ${got}`)
  }
  for (const [name, value] of Object.entries({ onError, onWarning, fetch })) {
    if (value !== undefined && typeof value !== 'function') fail(`${name} must be a function; got ${show(value)}`)
  }
  if (transport !== undefined && typeof (transport as { send?: unknown } | null)?.send !== 'function') {
    fail('transport must be an object with a send(request) method')
  }
  const store = options.store as Record<string, unknown> | null | undefined
  if (
    store !== undefined &&
    !['add', 'update', 'remove', 'takeOver'].every((name) => typeof store?.[name] === 'function')
  ) {
    fail('store must be a queue store (createFileStore({ dir }), createPostgresStore({ pool }))')
  }
  return {
    siteId: siteId.trim(),
    url: endpoint.url,
    headers: apiKey === undefined ? {} : { Authorization: basicAuthHeader(apiKey) },
    timeoutMs: count('timeout', options.timeout, 1, nodeDefaults.timeoutMs),
    concurrency: count('concurrency', options.concurrency, 1, nodeDefaults.concurrency),
    maxQueue: count('maxQueue', options.maxQueue, 1, nodeDefaults.maxQueue),
    maxAgeMs: count('maxAgeMs', options.maxAgeMs, 1, nodeDefaults.maxAgeMs),
    retry: checkRetry(options.retry),
  }
}

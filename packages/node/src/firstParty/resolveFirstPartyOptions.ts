import { resolveEndpoint, TrackerError } from '@es-tracker/core'
import { integerOption } from '../integerOption'
import type { FirstPartyEndpointOptions } from './types'

const owner = 'createFirstPartyEndpoint'

/** The options of a first-party endpoint, checked and with defaults filled in. */
export interface ResolvedFirstPartyOptions {
  url: string
  /** The sites whose events are forwarded; `undefined`: any. */
  siteIds: ReadonlySet<string> | undefined
  cookieDomain: string | undefined
  secureCookie: boolean | undefined
  maxBodyBytes: number
  timeoutMs: number
  fetch: typeof fetch
}

const fail = (message: string): never => {
  throw new TrackerError('invalid_config', `${owner}: ${message}`)
}

/** A cookie Domain: a host name, nothing a header could be split with. */
const domainName = /^\.?[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/

/** Checks the endpoint's options and fills in the defaults; throws an `invalid_config` TrackerError naming the option at fault. */
export function resolveFirstPartyOptions(options: FirstPartyEndpointOptions = {}): ResolvedFirstPartyOptions {
  if (options === null || typeof options !== 'object') fail('options must be an object')
  const endpoint = resolveEndpoint(options.endpoint)
  if (!endpoint.ok) fail(endpoint.error.message)
  const { siteId, cookieDomain, secureCookie } = options
  const siteIds = siteId === undefined ? undefined : typeof siteId === 'string' ? [siteId] : siteId
  if (
    siteIds !== undefined &&
    (!Array.isArray(siteIds) || siteIds.some((id) => typeof id !== 'string' || !id.trim()))
  ) {
    fail('siteId must be a non-empty string or a list of them')
  }
  if (cookieDomain !== undefined && (typeof cookieDomain !== 'string' || !domainName.test(cookieDomain))) {
    fail(`cookieDomain must be a host name such as 'shop.example'; got ${JSON.stringify(cookieDomain)}`)
  }
  if (secureCookie !== undefined && typeof secureCookie !== 'boolean') fail('secureCookie must be a boolean')
  if (options.fetch !== undefined && typeof options.fetch !== 'function') fail('fetch must be a function')
  return {
    url: (endpoint as { url: string }).url,
    siteIds: siteIds && new Set(siteIds.map((id) => id.trim())),
    cookieDomain,
    secureCookie,
    maxBodyBytes: integerOption(owner, 'maxBodyBytes', options.maxBodyBytes, 1, 64 * 1024),
    timeoutMs: integerOption(owner, 'timeout', options.timeout, 1, 10_000),
    fetch: options.fetch ?? ((...args) => fetch(...args)),
  }
}

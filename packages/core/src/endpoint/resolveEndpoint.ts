import { TrackerError } from '../errors/TrackerError'

/** The tracker endpoints known by name. */
export const endpointPresets = {
  esputnik: 'https://tracker.esputnik.com/api/v2',
  yespo: 'https://tracker.yespo.io/api/v2',
} as const

/** A preset name of {@link endpointPresets}. */
export type EndpointPreset = keyof typeof endpointPresets

/** What {@link resolveEndpoint} answers: the URL to post to, or an `invalid_config` error. */
export type EndpointResult = { ok: true; url: string } | { ok: false; error: TrackerError }

/** Loopback hosts may be spoken to over plain http (the local collector, tests); nothing else may. */
function isLoopbackHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true
  // The URL parser has already normalised IPv4 forms such as `127.1` or `0x7f.1` to dotted quads.
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
}

function invalid(message: string): EndpointResult {
  return { ok: false, error: new TrackerError('invalid_config', message) }
}

/**
 * Turns the `endpoint` option into the URL events are posted to, without throwing.
 *
 * Accepts a preset name (`'esputnik'`, the default, or `'yespo'`), any `https:` URL, or an `http:`
 * URL whose host is a loopback address (127.0.0.0/8, `localhost`, `[::1]`).
 *
 * @example
 * resolveEndpoint('yespo') // { ok: true, url: 'https://tracker.yespo.io/api/v2' }
 * resolveEndpoint('http://127.0.0.1:4700/api/v2') // { ok: true, url: 'http://127.0.0.1:4700/api/v2' }
 */
export function resolveEndpoint(endpoint: unknown = 'esputnik'): EndpointResult {
  if (typeof endpoint !== 'string') {
    return invalid(`endpoint must be a URL or one of 'esputnik', 'yespo'; got ${describe(endpoint)}`)
  }
  const text = endpoint.trim()
  if (Object.hasOwn(endpointPresets, text)) return { ok: true, url: endpointPresets[text as EndpointPreset] }
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return invalid(`endpoint must be an https URL or one of 'esputnik', 'yespo'; got ${JSON.stringify(endpoint)}`)
  }
  if (url.username !== '' || url.password !== '') {
    return invalid('endpoint must not carry credentials in its URL (use the apiKey option)')
  }
  if (url.protocol === 'https:') return { ok: true, url: url.href }
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return { ok: true, url: url.href }
  if (url.protocol === 'http:') {
    return invalid(`endpoint must use https (plain http is allowed for loopback hosts only); got ${url.origin}`)
  }
  return invalid(`endpoint must be an https URL; got the ${url.protocol} scheme`)
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  return typeof value
}

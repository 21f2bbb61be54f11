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
const LOOPBACK = /^(localhost|\[::1\]|127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/

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
  const invalid = (message: string): EndpointResult => ({
    ok: false,
    error: new TrackerError('invalid_config', `endpoint must ${message}`),
  })
  if (typeof endpoint !== 'string') {
    return invalid(`be a URL or one of 'esputnik', 'yespo'; got ${endpoint === null ? 'null' : typeof endpoint}`)
  }
  const text = endpoint.trim()
  // An own-key test without ES2022's Object.hasOwn: the script tag still serves older browsers.
  if (text === 'esputnik' || text === 'yespo') return { ok: true, url: endpointPresets[text] }
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return invalid(`be an https URL or one of 'esputnik', 'yespo'; got ${JSON.stringify(endpoint)}`)
  }
  const { protocol } = url
  if (url.username !== '' || url.password !== '') {
    return invalid('not carry credentials in its URL (use the apiKey option)')
  }
  // The URL parser has already normalised IPv4 forms such as `127.1` or `0x7f.1` to dotted quads.
  if (protocol === 'https:' || (protocol === 'http:' && LOOPBACK.test(url.hostname))) return { ok: true, url: url.href }
  return protocol === 'http:'
    ? invalid(`use https (plain http is allowed for loopback hosts only); got ${url.origin}`)
    : invalid(`be an https URL; got the ${protocol} scheme`)
}

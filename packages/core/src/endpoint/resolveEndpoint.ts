import { TrackerError } from '../errors/TrackerError'
import { describeValue } from '../validation/issues'

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
const LOOPBACK = /^(localhost|\[::1\]|127(\.\d+){3})$/

/**
 * Turns the `endpoint` option into the URL events are posted to, without throwing.
 *
 * Accepts a preset name (`'esputnik'`, the default, or `'yespo'`), any `https:` URL, or an `http:`
 * URL whose host is a loopback address (127.0.0.0/8, `localhost`, `[::1]`); never one with credentials.
 *
 * @example
 * resolveEndpoint('yespo') // { ok: true, url: 'https://tracker.yespo.io/api/v2' }
 * resolveEndpoint('http://127.0.0.1:4700/api/v2') // { ok: true, url: 'http://127.0.0.1:4700/api/v2' }
 */
export function resolveEndpoint(endpoint: unknown = 'esputnik'): EndpointResult {
  let url: URL | undefined
  if (typeof endpoint === 'string') {
    const text = endpoint.trim()
    // An own-key test without ES2022's Object.hasOwn: the script tag still serves older browsers.
    if (text === 'esputnik' || text === 'yespo') return { ok: true, url: endpointPresets[text] }
    try {
      url = new URL(text)
    } catch {}
  }
  // Credentials are refused before the value is echoed in a message.
  if (url && (url.username || url.password)) return refuse('must not carry credentials (use the apiKey option)')
  const protocol = url?.protocol
  // The URL parser has already normalised IPv4 forms such as `127.1` or `0x7f.1` to dotted quads.
  if (protocol === 'https:' || (protocol === 'http:' && LOOPBACK.test(url!.hostname)))
    return { ok: true, url: url!.href }
  return refuse(`must be 'esputnik', 'yespo' or an https URL (http: loopback only); got ${describeValue(endpoint)}`)
}

const refuse = (message: string): EndpointResult => ({
  ok: false,
  error: new TrackerError('invalid_config', `endpoint ${message}`),
})

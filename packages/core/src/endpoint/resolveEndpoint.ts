import { TrackerError } from '../errors/TrackerError'
import { describeValue } from '../validation/issues'

/** The tracker endpoints known by name. */
export const endpointPresets = {
  esputnik: 'https://tracker.esputnik.com/api/v2',
  yespo: 'https://tracker.yespo.io/api/v2',
} as const

/** A preset name of {@link endpointPresets}. */
export type EndpointPreset = keyof typeof endpointPresets

/**
 * An endpoint option: a preset name, or any URL. `(string & {})` keeps the preset names in the
 * editor's completions while any string still type-checks.
 */
export type Endpoint = EndpointPreset | (string & {})

/** What {@link resolveEndpoint} answers: the URL to post to, or an `invalid_config` error. */
export type EndpointResult = { ok: true; url: string } | { ok: false; error: TrackerError }

/** Loopback hosts may be spoken to over plain http (the local collector, tests); nothing else may. */
const LOOPBACK = /^(localhost|\[::1\]|127(\.\d+){3})$/

/** A path on the page's own origin, such as `/t/api/v2` (not `//host/...`, which names another host). */
const SITE_PATH = /^\/(?![/\\])/

/**
 * Turns the `endpoint` option into the URL events are posted to, without throwing.
 *
 * Accepts a preset name (`'esputnik'`, the default, or `'yespo'`), any `https:` URL, or an `http:`
 * URL whose host is a loopback address (127.0.0.0/8, `localhost`, `[::1]`); never one with credentials.
 * Given the page's address as `base` (the browser), a path such as `'/t/api/v2'` is accepted too: the
 * site's own first-party endpoint, on the page's origin and protocol.
 *
 * @example
 * resolveEndpoint('yespo') // { ok: true, url: 'https://tracker.yespo.io/api/v2' }
 * resolveEndpoint('http://127.0.0.1:4700/api/v2') // { ok: true, url: 'http://127.0.0.1:4700/api/v2' }
 * resolveEndpoint('/t/api/v2', 'https://shop.example/cart') // { ok: true, url: 'https://shop.example/t/api/v2' }
 */
export function resolveEndpoint(endpoint: unknown = 'esputnik', base?: string): EndpointResult {
  const text = typeof endpoint === 'string' ? endpoint.trim() : ''
  const onSite = base !== undefined && SITE_PATH.test(text)
  let url: URL | undefined
  try {
    // A preset is parsed too: its href is the preset's own URL. (An own-key test without ES2022's
    // Object.hasOwn: the script tag still serves older browsers.)
    url = new URL(text === 'esputnik' || text === 'yespo' ? endpointPresets[text] : text, onSite ? base : undefined)
  } catch {}
  const protocol = url?.protocol
  // Credentials are refused before the value is echoed in a message.
  const message =
    url?.username || url?.password
      ? 'must not carry credentials (use apiKey)'
      : protocol === 'https:' || (protocol === 'http:' && (onSite || LOOPBACK.test(url!.hostname)))
        ? ''
        : `must be 'esputnik', 'yespo', an https URL (http: loopback only)${base === undefined ? '' : " or a path on the page's origin such as '/t/api/v2'"}; got ${describeValue(endpoint)}`
  return message
    ? { ok: false, error: new TrackerError('invalid_config', `endpoint ${message}`) }
    : { ok: true, url: url!.href }
}

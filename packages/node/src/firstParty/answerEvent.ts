import { type ValidationIssue, validatePayload } from '@es-tracker/core'
import type { ResolvedFirstPartyOptions } from './resolveFirstPartyOptions'
import { scCookieRenewal } from './scCookieRenewal'
import type { EndpointAnswer, IncomingEvent } from './types'

const noStore = { 'Cache-Control': 'no-store' }

/** An answer with a JSON body, in the collector's shape (`{ error, issues? }`). */
const json = (status: number, body: { error: string; issues?: ValidationIssue[] }): EndpointAnswer => ({
  status,
  headers: { ...noStore, 'Content-Type': 'application/json; charset=utf-8' },
  body: JSON.stringify(body),
})

const bodyIssue = (message: string): ValidationIssue => ({ path: '', message })

type Judged = { ok: true; payload: Record<string, unknown> } | { ok: false; answer: EndpointAnswer }

/** Parses and validates one body as the collector does: what the tracker would refuse is answered 400 here. */
function judge(body: Uint8Array, siteIds: ResolvedFirstPartyOptions['siteIds']): Judged {
  let payload: unknown
  try {
    payload = JSON.parse(new TextDecoder().decode(body))
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return {
      ok: false,
      answer: json(400, { error: 'malformed JSON', issues: [bodyIssue(`malformed JSON: ${reason}`)] }),
    }
  }
  const result = validatePayload(payload)
  if (!result.ok) {
    const eventName = (payload as { GeneralInfo?: { eventName?: unknown } } | null)?.GeneralInfo?.eventName
    const issues = result.error.issues?.length ? result.error.issues : [bodyIssue(result.error.message)]
    return {
      ok: false,
      answer: json(400, { error: `invalid ${typeof eventName === 'string' ? eventName : 'event'}`, issues }),
    }
  }
  const info = (payload as { GeneralInfo: { siteId?: unknown } }).GeneralInfo
  if (siteIds && !siteIds.has(String(info.siteId))) {
    const message = `this endpoint forwards events of ${[...siteIds].join(', ')} only; got ${JSON.stringify(info.siteId)}`
    return {
      ok: false,
      answer: json(400, { error: 'site not served here', issues: [{ path: 'GeneralInfo.siteId', message }] }),
    }
  }
  return { ok: true, payload: payload as Record<string, unknown> }
}

/**
 * Answers one event sent to the site's own endpoint: refuses what is too large (413) or invalid
 * (400, not forwarded), forwards the rest to the tracker byte for byte with only `Content-Type` and
 * the visitor's `User-Agent` (no cookie, no other header of the site's), and answers the tracker's
 * status (its body and `Retry-After` too), re-issuing the `sc` cookie on a 2xx. A tracker that
 * cannot be reached gives 502, one that does not answer in time 504: the browser's queue retries
 * both. Never throws.
 */
export async function answerEvent(event: IncomingEvent, options: ResolvedFirstPartyOptions): Promise<EndpointAnswer> {
  if (event.body === undefined) {
    const message = `body of ${event.bytes} bytes or more is above the limit of ${options.maxBodyBytes} bytes`
    return json(413, { error: message, issues: [bodyIssue(message)] })
  }
  const judged = judge(event.body, options.siteIds)
  if (!judged.ok) return judged.answer

  let upstream: Response
  let text: string
  try {
    upstream = await options.fetch(options.url, {
      method: 'POST',
      // Node's Buffers and fetch's chunks sit on plain (never shared) ArrayBuffers.
      body: event.body as Uint8Array<ArrayBuffer>,
      headers: {
        'Content-Type': event.contentType ?? 'text/plain;charset=UTF-8',
        ...(event.userAgent ? { 'User-Agent': event.userAgent } : {}),
      },
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    })
    text = await upstream.text()
  } catch (error) {
    const timedOut = (error as Error | undefined)?.name === 'TimeoutError'
    return timedOut
      ? json(504, { error: `the tracker did not answer within ${options.timeoutMs} ms` })
      : json(502, {
          error: `the tracker could not be reached: ${(error as Error | undefined)?.message ?? String(error)}`,
        })
  }
  const headers: EndpointAnswer['headers'] = { ...noStore }
  const contentType = upstream.headers.get('Content-Type')
  if (contentType) headers['Content-Type'] = contentType
  const retryAfter = upstream.headers.get('Retry-After')
  if (retryAfter) headers['Retry-After'] = retryAfter
  if (upstream.ok) {
    const cookies = scCookieRenewal({
      sc: (judged.payload.GeneralInfo as { cookies?: { sc?: unknown } }).cookies?.sc,
      cookieHeader: event.cookieHeader,
      secure: options.secureCookie ?? event.secure,
      domain: options.cookieDomain,
    })
    if (cookies.length > 0) headers['Set-Cookie'] = cookies
  }
  return { status: upstream.status, headers, body: text }
}

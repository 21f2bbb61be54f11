import type { IncomingMessage, ServerResponse } from 'node:http'

/** How long a browser may cache a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE = 600

/**
 * Adds CORS headers that let a page on any origin post events to the collector (`POST /api/v2`
 * only), with or without credentials (the origin is echoed, since `*` is refused for credentialed
 * requests), and read `Retry-After`. Nothing else the collector serves is readable from another origin.
 */
export function applyCors(request: IncomingMessage, response: ServerResponse): void {
  const origin = request.headers.origin
  response.setHeader('Access-Control-Allow-Origin', origin ?? '*')
  // A page on another origin reads `Retry-After` (fault injection's 429s and 503s) only when it is exposed.
  response.setHeader('Access-Control-Expose-Headers', 'Retry-After')
  if (origin) {
    response.setHeader('Access-Control-Allow-Credentials', 'true')
    response.setHeader('Vary', 'Origin')
  }
}

/** Answers a CORS preflight of `POST /api/v2` for any origin and the headers the browser asks about. */
export function answerPreflight(request: IncomingMessage, response: ServerResponse): void {
  applyCors(request, response)
  response.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS')
  const asked = request.headers['access-control-request-headers']
  response.setHeader('Access-Control-Allow-Headers', asked ?? 'Content-Type, Authorization')
  response.setHeader('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE))
  // Chromium's Private Network Access asks this before a public page may call a loopback server.
  if (request.headers['access-control-request-private-network'] === 'true') {
    response.setHeader('Access-Control-Allow-Private-Network', 'true')
  }
  response.writeHead(204).end()
}

/** Sends a JSON body with the given status. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  })
  response.end(text)
}

/** Sends an HTML page that loads nothing from elsewhere; only elements carrying `nonce` may run or style. */
export function sendHtml(response: ServerResponse, html: string, nonce: string): void {
  response.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-store',
    'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
  })
  response.end(html)
}

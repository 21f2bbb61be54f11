import type { IncomingMessage, ServerResponse } from 'node:http'

/** Options of {@link createFirstPartyEndpoint}. Mistakes here throw an `invalid_config` TrackerError at once. */
export interface FirstPartyEndpointOptions {
  /**
   * Where events are forwarded: `'esputnik'`, `'yespo'` or an `https:` URL (`http:` only for loopback
   * hosts, such as the local collector).
   * @default 'esputnik'
   */
  endpoint?: string | undefined
  /**
   * Forward events of this site only (its tracker id, or a list of them); another site's event gets
   * a 400 naming `GeneralInfo.siteId`, so that the endpoint is no open relay. @default any site
   */
  siteId?: string | readonly string[] | undefined
  /**
   * The `Domain` of the `sc` cookie the endpoint re-issues, e.g. `'shop.example'` so that
   * `www.shop.example` and `m.shop.example` share the visitor. @default the host of the request (no Domain)
   */
  cookieDomain?: string | undefined
  /**
   * Whether the re-issued cookies are `Secure`. @default true when the request came over https (its
   * URL, the socket, or an `X-Forwarded-Proto: https` from the site's proxy)
   */
  secureCookie?: boolean | undefined
  /** Bodies above this many bytes are refused with 413 and not forwarded. @default 65536 (64 KiB) */
  maxBodyBytes?: number | undefined
  /** Time limit of the forwarded request, in ms; past it the browser gets 504 (and retries). @default 10000 */
  timeout?: number | undefined
  /** A fetch to forward with instead of the global one. */
  fetch?: typeof fetch | undefined
}

/** A Node request, as Express and other frameworks hand it over (`body` when a body parser ran first). */
export type NodeRequest = IncomingMessage & { body?: unknown }

/**
 * The first-party endpoint's two handlers: one for `node:http` and the frameworks on it, one for
 * fetch-style runtimes. Neither throws nor rejects.
 */
export interface FirstPartyEndpoint {
  /**
   * Handles one request on `node:http`: `http.createServer(endpoint.node)`, an Express route
   * (`app.post('/t/api/v2', endpoint.node)`, before any body parser, or after `express.raw()`), or
   * Fastify through `reply.hijack()`.
   */
  node(request: NodeRequest, response: ServerResponse, next?: unknown): void
  /** Handles one `Request` and answers a `Response`: a Next.js route handler (`export const POST = endpoint.fetch`), Deno, Bun, workers. */
  fetch(request: Request): Promise<Response>
}

/** What the browser is answered: the tracker's status, or the endpoint's own. */
export interface EndpointAnswer {
  status: number
  headers: Record<string, string | string[]>
  body: string
}

/** One incoming event, read from either kind of request. */
export interface IncomingEvent {
  /** The body bytes, exactly as the browser sent them; `undefined` when above the limit. */
  body: Uint8Array | undefined
  /** How many bytes came (or were counted before giving up). */
  bytes: number
  contentType: string | undefined
  userAgent: string | undefined
  cookieHeader: string | undefined
  secure: boolean
}

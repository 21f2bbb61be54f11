import type { IncomingMessage, ServerResponse } from 'node:http'

/** A folder served under a URL path prefix. */
export interface Mount {
  /** URL path prefix ending with `/`, e.g. `/dist/`. */
  prefix: string
  /** Absolute folder path. */
  dir: string
}

/** A generated response (e.g. `config.js` carrying the collector endpoint). */
export type DynamicRoute = () => { type: string; body: string }

/** Options of {@link startStaticServer}. */
export interface StaticServerOptions {
  mounts: Mount[]
  routes?: Record<string, DynamicRoute>
  /** Node request handlers at exact paths, for every method (e.g. a first-party endpoint at `/t/api/v2`). */
  handlers?: Record<string, (request: IncomingMessage, response: ServerResponse) => void>
  /** @default 0 (a free port) */
  port?: number
  /** @default '127.0.0.1' */
  host?: string
}

/** A running static server. */
export interface StaticServer {
  /** e.g. `http://127.0.0.1:4800` */
  origin: string
  port: number
  /** Absolute URL of a path on this server. */
  url(path?: string): string
  /** Adds response headers to every path starting with `pathPrefix` (e.g. a CSP for one page). */
  setHeaders(pathPrefix: string, headers: Record<string, string>): void
  /** Removes every header added with {@link StaticServer.setHeaders}. */
  clearHeaders(): void
  /** Serves a generated response at an exact path. */
  route(path: string, handler: DynamicRoute): void
  close(): Promise<void>
}

/** Starts a static file server with `Cache-Control: no-store` and correct content types. */
export function startStaticServer(options: StaticServerOptions): Promise<StaticServer>

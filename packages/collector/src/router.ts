import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EventStore } from './eventStore'
import type { FaultInjector } from './faultInjector'
import { eventFilterFromQuery } from './http/eventFilter'
import { serveEventStream } from './http/eventStream'
import { fromOwnOrigin, type OwnHosts } from './http/ownOrigin'
import { readBody } from './http/readBody'
import { answerPreflight, sendHtml, sendJson } from './http/respond'
import { handleIngest, type IngestDependencies } from './ingest'
import { renderLivePage } from './page/livePage'

/** Fault configs are tiny; anything larger is a mistake. */
const FAULT_BODY_LIMIT = 16 * 1024

/** What the router needs beyond ingestion: which `Host` names and origins are the collector's own. */
export interface RouterDependencies extends IngestDependencies {
  ownHosts: OwnHosts
}

/**
 * The collector's routes, as one Node request listener. Any page may post events (`POST` and its
 * preflight on `/api/v2`); what the collector holds (`/events`, `/_faults`, the live page) is for its
 * own origin only, and a request naming another host (DNS rebinding) is refused outright.
 */
export function createRouter(deps: RouterDependencies): (request: IncomingMessage, response: ServerResponse) => void {
  const { store, faults, ownHosts } = deps
  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://collector.invalid')
    const path = url.pathname.replace(/\/+$/, '') || '/'
    const method = request.method ?? 'GET'
    if (!ownHosts.accepts(request.headers.host)) {
      return sendJson(response, 403, {
        error: `Host ${JSON.stringify(request.headers.host)} is not this collector's address; allow it with --allowed-host`,
      })
    }
    if (path === '/api/v2' && method === 'OPTIONS') return answerPreflight(request, response)
    if (path === '/api/v2' && method === 'POST') return handleIngest(request, response, deps)
    const page = path === '/' && (method === 'GET' || method === 'HEAD')
    if (!fromOwnOrigin(request, ownHosts, page)) {
      return sendJson(response, 403, { error: `${method} ${url.pathname} is for the collector's own origin only` })
    }
    if (path === '/events') return eventsRoute(request, response, url, store)
    if (path === '/events/stream' && method === 'GET') return serveEventStream(request, response, store)
    if (path === '/_faults') return faultsRoute(request, response, faults)
    if (page) return livePage(response)
    sendJson(response, 404, { error: `no route for ${method} ${url.pathname}` })
  }
  return (request, response) => {
    route(request, response).catch((error: unknown) => {
      if (response.headersSent) response.destroy()
      else sendJson(response, 500, { error: error instanceof Error ? error.message : String(error) })
    })
  }
}

function eventsRoute(request: IncomingMessage, response: ServerResponse, url: URL, store: EventStore): void {
  if (request.method === 'GET') {
    // What the bounds dropped, for a reader who wonders where the oldest events went.
    response.setHeader('X-Dropped-Events', String(store.stats().dropped))
    sendJson(response, 200, store.list(eventFilterFromQuery(url.searchParams)))
  } else if (request.method === 'DELETE') {
    store.clear()
    response.writeHead(204).end()
  } else {
    sendJson(response, 405, { error: 'use GET or DELETE on /events' })
  }
}

async function faultsRoute(request: IncomingMessage, response: ServerResponse, faults: FaultInjector): Promise<void> {
  if (request.method === 'GET') return sendJson(response, 200, faults.state())
  if (request.method === 'DELETE') {
    faults.clear()
    response.writeHead(204).end()
    return
  }
  if (request.method !== 'POST') return sendJson(response, 405, { error: 'use GET, POST or DELETE on /_faults' })
  const body = await readBody(request, FAULT_BODY_LIMIT)
  if (body.kind === 'too_large') return sendJson(response, 413, { error: 'fault config too large' })
  try {
    faults.set(JSON.parse(body.text || '{}'))
  } catch (error) {
    return sendJson(response, 400, { error: error instanceof Error ? error.message : String(error) })
  }
  sendJson(response, 200, faults.state())
}

function livePage(response: ServerResponse): void {
  const nonce = randomBytes(16).toString('base64')
  sendHtml(response, renderLivePage(nonce), nonce)
}

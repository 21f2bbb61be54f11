import type { ServerResponse } from 'node:http'
import { answerEvent } from './answerEvent'
import { readFetchEvent } from './readFetchEvent'
import { readNodeEvent } from './readNodeEvent'
import { resolveFirstPartyOptions } from './resolveFirstPartyOptions'
import type { EndpointAnswer, FirstPartyEndpoint, FirstPartyEndpointOptions } from './types'

const allowed = { Allow: 'POST, OPTIONS', 'Cache-Control': 'no-store' }

/** What the endpoint answers to a method other than POST. */
function otherMethod(method: string | undefined): EndpointAnswer {
  if (method === 'OPTIONS') return { status: 204, headers: allowed, body: '' }
  return {
    status: 405,
    headers: { ...allowed, 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ error: `use POST to send an event, not ${method}` }),
  }
}

/** Statuses whose responses have no body (a fetch `Response` refuses one). */
const bodiless = new Set([101, 204, 205, 304])

function sendNode(response: ServerResponse, answer: EndpointAnswer): void {
  if (response.headersSent) return void response.end()
  response.writeHead(answer.status, answer.headers)
  response.end(bodiless.has(answer.status) ? undefined : answer.body)
}

/**
 * Creates the site's own tracker endpoint (mount it on the site's origin, e.g. at `/t/api/v2`, and
 * give the browser tracker `endpoint: '/t/api/v2'`): requests to the site's own origin are not
 * dropped by content blockers, and the `sc` cookie it re-issues with `Set-Cookie` is not capped by
 * Safari's ITP. Each event is validated with core (an invalid one gets the collector's 400 and is
 * not forwarded), forwarded unchanged to the tracker, and answered with the tracker's status.
 *
 * @example
 * const endpoint = createFirstPartyEndpoint({ endpoint: 'esputnik', siteId: '8A412DC', cookieDomain: 'shop.example' })
 * app.post('/t/api/v2', endpoint.node)            // Express, before any body parser
 * export const POST = endpoint.fetch              // Next.js app/t/api/v2/route.ts
 */
export function createFirstPartyEndpoint(options: FirstPartyEndpointOptions = {}): FirstPartyEndpoint {
  const resolved = resolveFirstPartyOptions(options)
  return {
    node(request, response) {
      const answered =
        request.method === 'POST'
          ? readNodeEvent(request, resolved.maxBodyBytes).then((event) => answerEvent(event, resolved))
          : Promise.resolve(otherMethod(request.method))
      void answered
        .then((answer) => {
          sendNode(response, answer)
          // A body above the limit that is still coming is not read on.
          if (answer.status === 413 && !request.readableEnded) response.on('finish', () => request.destroy())
        })
        .catch(() => {
          // Nothing above throws; a socket gone away meanwhile may.
          if (!response.headersSent) response.writeHead(500).end()
        })
    },
    async fetch(request) {
      try {
        const answer =
          request.method === 'POST'
            ? await answerEvent(await readFetchEvent(request, resolved.maxBodyBytes), resolved)
            : otherMethod(request.method)
        const headers = new Headers()
        for (const [name, value] of Object.entries(answer.headers)) {
          for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one)
        }
        return new Response(bodiless.has(answer.status) ? null : answer.body, { status: answer.status, headers })
      } catch {
        return new Response(null, { status: 500 })
      }
    },
  }
}

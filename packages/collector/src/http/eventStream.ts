import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EventStore } from '../eventStore'

/** A comment line every so often keeps proxies and idle timers from closing the stream. */
const HEARTBEAT_MS = 15_000

/**
 * Serves `GET /events/stream`: server-sent events named `collected` (data: the CollectedEvent) and
 * `cleared`, until the client goes away.
 */
export function serveEventStream(request: IncomingMessage, response: ServerResponse, store: EventStore): void {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  })
  response.write('retry: 1000\n\n')
  const unsubscribe = store.subscribe((change) => {
    if (change.type === 'event') response.write(`event: collected\ndata: ${JSON.stringify(change.event)}\n\n`)
    else response.write('event: cleared\ndata: {}\n\n')
  })
  const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS)
  heartbeat.unref()
  request.on('close', () => {
    clearInterval(heartbeat)
    unsubscribe()
  })
}

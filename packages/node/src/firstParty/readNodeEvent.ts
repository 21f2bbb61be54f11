import type { TLSSocket } from 'node:tls'
import type { IncomingEvent, NodeRequest } from './types'

const header = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value.join('; ') : value

/** A body a framework's parser already read (`express.raw()`, `express.text()`, `express.json()`), as bytes. */
function parsedBody(body: unknown): Uint8Array | undefined {
  if (body instanceof Uint8Array) return body
  if (typeof body === 'string') return Buffer.from(body)
  // `express.json()` ran first: its object is sent as JSON again (equal, if not byte for byte).
  if (body !== undefined && body !== null && typeof body === 'object' && Object.keys(body).length > 0) {
    return Buffer.from(JSON.stringify(body))
  }
  return undefined
}

/**
 * Reads one event from a Node request, keeping at most `maxBytes` of its body. A larger body is read
 * on (not kept) up to 16 times the limit, so that the browser reads the 413 rather than a broken
 * pipe; past that the request is destroyed. Never rejects: a broken request reads as what came.
 */
export function readNodeEvent(request: NodeRequest, maxBytes: number): Promise<IncomingEvent> {
  const { headers } = request
  const forwardedProto = header(headers['x-forwarded-proto'])?.split(',')[0]?.trim()
  const fields = {
    contentType: header(headers['content-type']),
    userAgent: header(headers['user-agent']),
    cookieHeader: header(headers.cookie),
    secure: (request.socket as TLSSocket | undefined)?.encrypted === true || forwardedProto === 'https',
  }
  const parsed = parsedBody(request.body)
  if (parsed !== undefined || request.readableEnded) {
    const body = parsed ?? new Uint8Array()
    return Promise.resolve({ ...fields, body: body.length > maxBytes ? undefined : body, bytes: body.length })
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let bytes = 0
    const finish = () => resolve({ ...fields, body: bytes > maxBytes ? undefined : Buffer.concat(chunks), bytes })
    request.on('data', (chunk: Buffer) => {
      bytes += chunk.length
      if (bytes <= maxBytes) chunks.push(chunk)
      else chunks.length = 0
      if (bytes > maxBytes * 16) {
        request.pause()
        finish()
      }
    })
    request.on('end', finish)
    request.on('error', finish)
    request.on('close', finish)
  })
}

import type { IncomingMessage } from 'node:http'

/** A request body, or the news that it was too large (its bytes were drained, not kept). */
export type BodyResult = { kind: 'ok'; text: string; bytes: number } | { kind: 'too_large'; bytes: number }

/**
 * Reads a request body as UTF-8 text, keeping at most `maxBytes`.
 * A larger body is drained up to `drainLimit` bytes so that the client reads the 413 instead of a
 * broken pipe; past that limit the socket is destroyed (rejecting with an Error).
 */
export function readBody(request: IncomingMessage, maxBytes: number, drainLimit = maxBytes * 16): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let bytes = 0
    request.on('data', (chunk: Buffer) => {
      bytes += chunk.length
      if (bytes <= maxBytes) chunks.push(chunk)
      else if (chunks.length > 0) chunks.length = 0
      if (bytes > drainLimit) {
        request.destroy()
        reject(new Error(`request body above ${drainLimit} bytes: connection dropped`))
      }
    })
    request.on('end', () => {
      if (bytes > maxBytes) resolve({ kind: 'too_large', bytes })
      else resolve({ kind: 'ok', text: Buffer.concat(chunks).toString('utf8'), bytes })
    })
    request.on('error', reject)
  })
}

import type { IncomingEvent } from './types'

/** Reads one event from a fetch `Request`, keeping at most `maxBytes` of its body (a larger one is cancelled, not read on). */
export async function readFetchEvent(request: Request, maxBytes: number): Promise<IncomingEvent> {
  const { headers } = request
  const forwardedProto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim()
  const fields = {
    contentType: headers.get('content-type') ?? undefined,
    userAgent: headers.get('user-agent') ?? undefined,
    cookieHeader: headers.get('cookie') ?? undefined,
    secure: request.url.startsWith('https:') || forwardedProto === 'https',
  }
  const chunks: Uint8Array[] = []
  let bytes = 0
  const reader = request.body?.getReader()
  try {
    for (;;) {
      const next = await reader?.read()
      if (!next || next.done) break
      bytes += next.value.length
      if (bytes > maxBytes) {
        await reader?.cancel().catch(() => {})
        return { ...fields, body: undefined, bytes }
      }
      chunks.push(next.value)
    }
  } catch {
    // The client went away mid-body: what came is judged (and most likely refused as malformed).
  }
  const body = new Uint8Array(bytes)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.length
  }
  return { ...fields, body, bytes }
}

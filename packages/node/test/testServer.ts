// A real HTTP endpoint on 127.0.0.1 for the node tracker's tests: records what arrives, answers as scripted.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'

/** One request as the server received it. */
export interface ReceivedRequest {
  method: string
  path: string
  headers: IncomingHttpHeaders
  body: string
  /** The body parsed as JSON, or `undefined` if it is not JSON. */
  json: unknown
  /** When it arrived (ms, `performance.now()`). */
  at: number
  /** The client's port: the same port means the same (kept-alive) connection. */
  remotePort: number | undefined
}

/** How to answer one request. */
export type Reply =
  | { status: number; headers?: Record<string, string>; body?: string; delayMs?: number }
  /** Reset the connection without answering. */
  | { destroy: true }
  /** Never answer (until the server closes). */
  | { hang: true }
  /** Send the status line and part of the body, then stall. */
  | { stallBody: number }

export interface TestServer {
  /** `http://127.0.0.1:<port>/api/v2` */
  url: string
  requests: ReceivedRequest[]
  /** Scripts the answers: called with each request and its 0-based index; default 204. */
  reply: (request: ReceivedRequest, index: number) => Reply
  close(): Promise<void>
}

function answer(res: ServerResponse, reply: Extract<Reply, { status: number }>): void {
  res.writeHead(reply.status, reply.headers)
  res.end(reply.body)
}

/** Starts a recording endpoint on an ephemeral port of 127.0.0.1; over HTTPS with the given key and certificate. */
export async function startTestServer(tls?: { key: string; cert: string }): Promise<TestServer> {
  const sockets = new Set<Socket>()
  const timers = new Set<ReturnType<typeof setTimeout>>()
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      let json: unknown
      try {
        json = JSON.parse(body)
      } catch {
        json = undefined
      }
      const request: ReceivedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body,
        json,
        at: performance.now(),
        remotePort: req.socket.remotePort,
      }
      const index = handle.requests.push(request) - 1
      const reply = handle.reply(request, index)
      if ('destroy' in reply) return req.socket.destroy()
      if ('hang' in reply) return
      if ('stallBody' in reply) {
        res.writeHead(reply.stallBody, { 'content-length': '1000' })
        res.write('partial')
        return
      }
      if (reply.delayMs) {
        const timer = setTimeout(() => {
          timers.delete(timer)
          answer(res, reply)
        }, reply.delayMs)
        timers.add(timer)
        return
      }
      answer(res, reply)
    })
  }
  const server = tls ? createTlsServer(tls, listener) : createServer(listener)
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const handle: TestServer = {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}/api/v2`,
    requests: [],
    reply: () => ({ status: 204 }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer)
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
  return handle
}

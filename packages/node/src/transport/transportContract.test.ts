// One contract, every node transport, a real local server (HTTP, and HTTPS with a certificate made
// here): what every Transport must do.
import { Agent } from 'node:https'
import { createServer } from 'node:net'
import type { Transport, TransportRequest } from '@es-tracker/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { selfSignedCertificate } from '../../test/selfSignedCertificate'
import { startTestServer, type TestServer } from '../../test/testServer'
import { createFetchTransport } from './createFetchTransport'
import { createHttpTransport } from './createHttpTransport'
import { createKyTransport } from './createKyTransport'

const servers: { http?: TestServer; https?: TestServer } = {}
let certificate: { key: string; cert: string }
beforeAll(async () => {
  certificate = await selfSignedCertificate()
  servers.http = await startTestServer()
  servers.https = await startTestServer(certificate)
})
afterAll(async () => {
  await servers.http?.close()
  await servers.https?.close()
})

/** Each transport, how to make it, and the fetch it sends through (none: it does not use fetch). */
interface Case {
  create: () => Transport
  withFetch?: (fetch: typeof globalThis.fetch) => Transport
  protocol: 'http' | 'https'
}

const transports: Array<[string, Case]> = [
  [
    'createKyTransport',
    { create: createKyTransport, withFetch: (fetch) => createKyTransport({ fetch }), protocol: 'http' },
  ],
  [
    'createFetchTransport',
    { create: createFetchTransport, withFetch: (fetch) => createFetchTransport({ fetch }), protocol: 'http' },
  ],
  ['createHttpTransport (http)', { create: createHttpTransport, protocol: 'http' }],
  [
    'createHttpTransport (https)',
    {
      // The agent trusts the certificate made above, and keeps connections alive as the default one does.
      create: () => createHttpTransport({ httpsAgent: new Agent({ keepAlive: true, ca: certificate.cert }) }),
      protocol: 'https',
    },
  ],
]

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

describe.each(transports)('%s', (_name, { create, protocol }) => {
  let server: TestServer
  beforeAll(() => {
    server = servers[protocol]!
  })
  const request = (overrides: Partial<TransportRequest> = {}): TransportRequest => ({
    url: server.url,
    body: '{"GeneralInfo":{"eventName":"CustomerData"}}',
    headers: { Authorization: 'Basic OnNlY3JldA==' },
    timeoutMs: 2000,
    ...overrides,
  })

  it('should POST the body as JSON with the extra headers when sending', async () => {
    server.reply = () => ({ status: 204 })
    const before = server.requests.length
    expect(await create().send(request())).toEqual({ type: 'response', status: 204, retryAfter: null })
    const received = server.requests[before]!
    expect(received.method).toBe('POST')
    expect(received.body).toBe('{"GeneralInfo":{"eventName":"CustomerData"}}')
    expect(received.headers['content-type']).toBe('application/json')
    expect(received.headers['content-length']).toBe(String(received.body.length))
    expect(received.headers.authorization).toBe('Basic OnNlY3JldA==')
  })

  it('should answer the status and Retry-After as data when the server refuses', async () => {
    server.reply = () => ({ status: 503, headers: { 'Retry-After': '7' }, body: 'busy' })
    expect(await create().send(request())).toEqual({ type: 'response', status: 503, retryAfter: '7' })
    server.reply = () => ({ status: 400, body: '{"issues":[]}' })
    expect(await create().send(request())).toMatchObject({ type: 'response', status: 400 })
  })

  it('should answer timeout when the server does not answer within timeoutMs', async () => {
    server.reply = () => ({ hang: true })
    const started = performance.now()
    const outcome = await create().send(request({ timeoutMs: 80 }))
    expect(outcome.type).toBe('timeout')
    expect(performance.now() - started).toBeLessThan(5000)
  })

  it('should answer network_error when the connection is reset or refused', async () => {
    server.reply = () => ({ destroy: true })
    expect((await create().send(request())).type).toBe('network_error')
    const port = await closedPort()
    expect((await create().send(request({ url: `http://127.0.0.1:${port}/api/v2` }))).type).toBe('network_error')
  })

  it('should resolve network_error, not reject, when the URL cannot be requested', async () => {
    expect((await create().send(request({ url: 'not a url' }))).type).toBe('network_error')
  })

  it('should answer the status, within timeoutMs, when the body stalls after it', async () => {
    server.reply = () => ({ stallBody: 200 })
    const started = performance.now()
    expect(await create().send(request({ timeoutMs: 300 }))).toMatchObject({ type: 'response', status: 200 })
    expect(performance.now() - started).toBeLessThan(5000)
  })

  it('should reuse kept-alive connections when sending one after another', async () => {
    server.reply = () => ({ status: 204 })
    const transport = create()
    const before = server.requests.length
    for (let i = 0; i < 20; i++) await transport.send(request())
    const ports = new Set(server.requests.slice(before).map((received) => received.remotePort))
    expect(ports.size).toBeLessThanOrEqual(2)
  })
})

describe.each(transports.filter(([, { withFetch }]) => withFetch))('%s over a given fetch', (_name, { withFetch }) => {
  it('should resolve network_error, not reject, when fetch itself throws', async () => {
    const throwing: typeof fetch = () => {
      throw new TypeError('no fetch here')
    }
    const outcome = await withFetch!(throwing).send({
      url: servers.http!.url,
      body: '{}',
      headers: {},
      timeoutMs: 2000,
    })
    expect(outcome.type).toBe('network_error')
  })
})

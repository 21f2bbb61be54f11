// createKyTransport's own options and hooks, against a real local server (the outcomes every
// transport owes are in transportContract.test.ts).
import type { TransportRequest } from '@es-tracker/core'
import type { KyRequest, KyResponse } from 'ky'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../test/testServer'
import { createKyTransport, type KyTransportOptions } from './createKyTransport'

let server: TestServer
beforeEach(async () => {
  server = await startTestServer()
})
afterEach(async () => {
  await server.close()
})

const request = (): TransportRequest => ({
  url: server.url,
  body: '{"GeneralInfo":{"eventName":"CustomEvent"}}',
  headers: { Authorization: 'Basic OmtleQ==' },
  timeoutMs: 5000,
})

describe('createKyTransport', () => {
  it("should run the user's beforeRequest and afterResponse hooks when it sends, and send the headers they set", async () => {
    server.reply = () => ({ status: 202 })
    const seen: Array<{ url: string; status: number }> = []
    const transport = createKyTransport({
      headers: { 'X-Tenant': 'shop-1' },
      hooks: {
        beforeRequest: [(kyRequest: KyRequest) => kyRequest.headers.set('X-Signature', 'signed')],
        afterResponse: [
          (kyRequest: KyRequest, _options, response: KyResponse) => {
            seen.push({ url: kyRequest.url, status: response.status })
          },
        ],
      },
    })
    expect(await transport.send(request())).toEqual({ type: 'response', status: 202, retryAfter: null })
    expect(seen).toEqual([{ url: server.url, status: 202 }])
    const [received] = server.requests
    expect(received?.method).toBe('POST')
    expect(received?.body).toBe('{"GeneralInfo":{"eventName":"CustomEvent"}}')
    expect(received?.headers).toMatchObject({
      'x-signature': 'signed',
      'x-tenant': 'shop-1',
      'content-type': 'application/json',
      authorization: 'Basic OmtleQ==',
    })
  })

  it("should send once and answer the status when the user's options ask ky to retry and throw", async () => {
    server.reply = () => ({ status: 503, headers: { 'Retry-After': '2' } })
    // A JavaScript caller can pass what the type leaves out: the tracker still does the retrying.
    const options = { retry: 3, throwHttpErrors: true } as unknown as KyTransportOptions
    expect(await createKyTransport(options).send(request())).toEqual({ type: 'response', status: 503, retryAfter: '2' })
    expect(server.requests).toHaveLength(1)
  })

  it('should resolve a network_error, not reject, when a hook throws', async () => {
    const broken = new Error('signing key missing')
    const transport = createKyTransport({
      hooks: {
        beforeRequest: [
          () => {
            throw broken
          },
        ],
      },
    })
    expect(await transport.send(request())).toEqual({ type: 'network_error', cause: broken })
    expect(server.requests).toHaveLength(0)
  })

  it('should send through the fetch it is given', async () => {
    const urls: string[] = []
    const transport = createKyTransport({
      fetch: (input, init) => {
        urls.push(String(input instanceof Request ? input.url : input))
        return fetch(input, init)
      },
    })
    expect(await transport.send(request())).toEqual({ type: 'response', status: 204, retryAfter: null })
    expect(urls).toEqual([server.url])
    expect(server.requests).toHaveLength(1)
  })
})

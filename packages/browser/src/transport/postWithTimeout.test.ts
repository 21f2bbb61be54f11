import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { postWithTimeout } from './postWithTimeout'

let server: Server
let url: string
let received: Array<{ method?: string; contentType?: string; body: string }>
/** How the server answers: a status, or `hang` (never). */
let answer: number | 'hang'

beforeEach(async () => {
  received = []
  answer = 204
  server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => {
      body += chunk
    })
    request.on('end', () => {
      received.push({ method: request.method, contentType: request.headers['content-type'], body })
      if (answer !== 'hang') response.writeHead(answer, { 'Retry-After': '3' }).end('answer')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2`
})
afterEach(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

const options = { body: '{"a":1}', headers: {}, keepalive: false, credentials: 'same-origin', timeoutMs: 5000 } as const

describe('postWithTimeout', () => {
  it('should post the body as text/plain and resolve with the response when the server answers', async () => {
    const response = await postWithTimeout(url, options)
    expect(response.status).toBe(204)
    expect(received).toEqual([{ method: 'POST', contentType: 'text/plain;charset=UTF-8', body: '{"a":1}' }])
  })

  it('should resolve, not reject, when the server answers an error status', async () => {
    answer = 503
    const response = await postWithTimeout(url, options)
    expect([response.status, response.headers.get('Retry-After'), await response.text()]).toEqual([503, '3', 'answer'])
  })

  it('should reject with a TimeoutError when the server does not answer within timeoutMs', async () => {
    answer = 'hang'
    const started = performance.now()
    const error = await postWithTimeout(url, { ...options, timeoutMs: 100 }).catch((caught: unknown) => caught)
    expect((error as Error).name).toBe('TimeoutError')
    expect(performance.now() - started).toBeLessThan(4000)
  })

  it('should reject with the network error, not a timeout, when nothing listens', async () => {
    await new Promise((resolve) => server.close(resolve))
    const error = await postWithTimeout(url, options).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(TypeError)
  })
})

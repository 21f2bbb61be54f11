// A hostile client, bounded in count and time: many posts at once, slow sockets, huge and broken bodies.
import { readFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { connect, type Socket } from 'node:net'
import { Readable } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startCollector } from './startCollector'
import type { Collector } from './types'

const body = readFileSync(new URL('../test/examples/status-cart.json', import.meta.url), 'utf8')

let collector: Collector
beforeEach(async () => {
  collector = await startCollector({ port: 0 })
})
afterEach(async () => {
  await collector.close()
})

const post = (data: string) => fetch(collector.endpoint, { method: 'POST', body: data })

describe('startCollector under a hostile client', () => {
  it('should accept and list every one of 1,000 concurrent posts', { timeout: 90_000 }, async () => {
    const { port } = new URL(collector.url)
    // One connection each (no keep-alive reuse): 1,000 clients, not one client's pool.
    const postAlone = () =>
      new Promise<number>((resolve, reject) => {
        const request = httpRequest({ host: '127.0.0.1', port, path: '/api/v2', method: 'POST', agent: false })
        request.on('response', (response) => {
          response.resume()
          resolve(response.statusCode ?? 0)
        })
        request.on('error', reject)
        request.end(body)
      })
    const statuses = await Promise.all(Array.from({ length: 1000 }, postAlone))
    expect(statuses.filter((status) => status === 204)).toHaveLength(1000)
    expect(collector.events()).toHaveLength(1000)
    expect(new Set(collector.events().map((event) => event.id)).size).toBe(1000)
  })

  it('should keep serving others while 100 sockets send their headers a byte at a time', async () => {
    const { port } = new URL(collector.url)
    const slow: Socket[] = []
    for (let index = 0; index < 100; index += 1) {
      const socket = connect(Number(port), '127.0.0.1')
      socket.on('error', () => {})
      socket.write('POST /api/v2 HTTP/1.1\r\nHost: 127.0.0.1\r\n')
      slow.push(socket)
    }
    const trickle = setInterval(() => {
      for (const socket of slow) socket.write('X')
    }, 50)
    try {
      expect((await post(body)).status).toBe(204)
      expect((await fetch(`${collector.url}/events`)).status).toBe(200)
    } finally {
      clearInterval(trickle)
      for (const socket of slow) socket.destroy()
    }
    expect(collector.events()).toHaveLength(1)
  })

  it('should refuse a 100 MB body without keeping it and keep answering', async () => {
    const { port } = new URL(collector.url)
    const chunk = Buffer.alloc(1024 * 1024, 'a')
    let sent = 0
    const source = new Readable({
      read() {
        sent += 1
        this.push(sent <= 100 ? chunk : null)
      },
    })
    const outcome = await new Promise<string>((resolve) => {
      const request = httpRequest({ host: '127.0.0.1', port, path: '/api/v2', method: 'POST' }, (response) => {
        response.resume()
        resolve(`status ${response.statusCode}`)
      })
      request.on('error', () => resolve('connection dropped'))
      source.pipe(request)
    })
    // Past 16 times the cap the collector hangs up rather than read on.
    expect(['status 413', 'connection dropped']).toContain(outcome)
    expect(sent).toBeLessThan(100)
    expect((await post(body)).status).toBe(204)
    const kept = JSON.stringify(collector.events())
    expect(kept.length).toBeLessThan(10_000)
  })

  it('should answer 400 at once to every kind of malformed JSON', async () => {
    const broken = [
      '',
      '{',
      '[1,',
      'nul',
      '\u0000',
      '{"a":1}}',
      '"\\ud800"x',
      '['.repeat(1_000_000),
      `{"a":"${'x'.repeat(900_000)}`,
    ]
    const statuses = await Promise.all(broken.map((text) => post(text).then((answer) => answer.status)))
    expect(statuses).toEqual(broken.map(() => 400))
    for (const event of collector.events()) expect((event.raw ?? '').length).toBeLessThanOrEqual(4096)
    expect((await post(body)).status).toBe(204)
  })
})

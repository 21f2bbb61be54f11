import { readFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startCollector } from './startCollector'
import type { CollectedEvent, Collector } from './types'

const body = readFileSync(new URL('../test/examples/product-update.json', import.meta.url), 'utf8')
const foreign = 'http://evil.example'

let collector: Collector
beforeEach(async () => {
  collector = await startCollector({ port: 0 })
})
afterEach(async () => {
  await collector.close()
})

/** A raw request with any `Host` (fetch would not send another one). */
function rawRequest(
  path: string,
  { method = 'GET', headers = {} as Record<string, string>, data = '' } = {},
): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  const { port } = new URL(collector.url)
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (response) => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        text += chunk
      })
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }))
    })
    request.on('error', reject)
    request.end(data)
  })
}

describe('startCollector security', () => {
  it('should refuse every route when the Host is not its own address (DNS rebinding)', async () => {
    const { port } = new URL(collector.url)
    for (const path of ['/events', '/', '/_faults']) {
      const answer = await rawRequest(path, { headers: { Host: `rebound.evil.example:${port}` } })
      expect([path, answer.status]).toEqual([path, 403])
      expect(answer.text).not.toContain('GeneralInfo')
    }
    const post = await rawRequest('/api/v2', { method: 'POST', headers: { Host: `evil.example:${port}` }, data: body })
    expect(post.status).toBe(403)
    expect(collector.events()).toEqual([])
    expect((await rawRequest('/events', { headers: { Host: `localhost:${port}` } })).status).toBe(200)
  })

  it('should answer to a host the user allowed when started with allowedHosts', async () => {
    await collector.close()
    collector = await startCollector({ port: 0, allowedHosts: ['collector.test'] })
    const { port } = new URL(collector.url)
    expect((await rawRequest('/events', { headers: { Host: `collector.test:${port}` } })).status).toBe(200)
  })

  it('should send CORS headers on POST and OPTIONS /api/v2 only', async () => {
    const posted = await fetch(collector.endpoint, { method: 'POST', headers: { Origin: foreign }, body })
    expect(posted.headers.get('access-control-allow-origin')).toBe(foreign)
    const preflight = await fetch(`${collector.url}/events`, {
      method: 'OPTIONS',
      headers: { Origin: foreign, 'Access-Control-Request-Method': 'DELETE' },
    })
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull()
    for (const path of ['/events', '/_faults', '/']) {
      const answer = await fetch(`${collector.url}${path}`)
      expect([path, answer.headers.get('access-control-allow-origin')]).toEqual([path, null])
    }
  })

  it('should refuse /events, /_faults and the stream to a page on another origin', async () => {
    await fetch(collector.endpoint, { method: 'POST', body })
    const crossSite = { Origin: foreign, 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'cors' }
    expect((await fetch(`${collector.url}/events`, { headers: crossSite })).status).toBe(403)
    expect((await fetch(`${collector.url}/events/stream`, { headers: crossSite })).status).toBe(403)
    expect((await fetch(`${collector.url}/events`, { method: 'DELETE', headers: crossSite })).status).toBe(403)
    const faults = await fetch(`${collector.url}/_faults`, {
      method: 'POST',
      headers: { ...crossSite, 'Content-Type': 'text/plain' },
      body: '{"failNext":5}',
    })
    expect(faults.status).toBe(403)
    expect(collector.faults.state().remainingFailNext).toBe(0)
    // A no-cors request from another page on the same machine (another port) carries no Origin on GET.
    const sameSite = { 'Sec-Fetch-Site': 'same-site', 'Sec-Fetch-Mode': 'no-cors' }
    expect((await fetch(`${collector.url}/events`, { headers: sameSite })).status).toBe(403)
    expect(collector.events()).toHaveLength(1)
    // The collector's own page, and tools that are no page at all, are served.
    const own = { Origin: collector.url, 'Sec-Fetch-Site': 'same-origin' }
    expect((await fetch(`${collector.url}/events`, { headers: own })).status).toBe(200)
    expect((await fetch(`${collector.url}/events`)).status).toBe(200)
  })

  it('should serve the live page to a navigation from another site but never into a frame', async () => {
    const navigate = { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'document' }
    const page = await rawRequest('/', { headers: navigate })
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    const framed = { ...navigate, 'Sec-Fetch-Dest': 'iframe' }
    expect((await rawRequest('/', { headers: framed })).status).toBe(403)
  })

  it('should keep no Authorization credential in the list, the stream or the --out file', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'collector-auth-')), 'events.jsonl')
    await collector.close()
    collector = await startCollector({ port: 0, out })
    const secret = Buffer.from(':the-api-key').toString('base64')
    await fetch(collector.endpoint, { method: 'POST', headers: { Authorization: `Basic ${secret}` }, body })
    const listed = await (await fetch(`${collector.url}/events`)).text()
    expect(listed).toContain('"authorization":"Basic (hidden)"')
    expect(listed).not.toContain(secret)
    expect(readFileSync(out, 'utf8')).not.toContain(secret)
    expect(readFileSync(out, 'utf8')).toContain('Basic (hidden)')
  })
})

describe('startCollector bounds', () => {
  it('should keep answering /events when a body is nested 6,000 levels deep', async () => {
    const deep = `${'{"a":'.repeat(6000)}1${'}'.repeat(6000)}`
    expect((await fetch(collector.endpoint, { method: 'POST', body: deep })).status).toBe(400)
    expect((await fetch(collector.endpoint, { method: 'POST', body })).status).toBe(204)
    const response = await fetch(`${collector.url}/events`)
    expect(response.status).toBe(200)
    const [first, second] = (await response.json()) as CollectedEvent[]
    expect(first?.notes[0]).toMatch(/nested 6000 levels deep; what is deeper than 64 levels is not kept/)
    expect(second).toMatchObject({ valid: true, eventName: 'ProductUpdate' })
  })

  it('should drop the oldest events and say how many when the bodies pass maxStoredBytes', async () => {
    await collector.close()
    collector = await startCollector({ port: 0, maxStoredBytes: body.length * 3 })
    for (let index = 0; index < 5; index += 1) await fetch(collector.endpoint, { method: 'POST', body })
    const response = await fetch(`${collector.url}/events`)
    expect(((await response.json()) as CollectedEvent[]).map((event) => event.id)).toEqual([3, 4, 5])
    expect(response.headers.get('x-dropped-events')).toBe('2')
    expect(collector.stats()).toEqual({ kept: 3, bytes: body.length * 3, dropped: 2 })
  })
})

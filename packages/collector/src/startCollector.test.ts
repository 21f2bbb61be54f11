import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startCollector } from './startCollector'
import type { CollectedEvent, Collector, CollectorOptions } from './types'

const example = (name: string) =>
  JSON.parse(readFileSync(new URL(`../test/examples/${name}.json`, import.meta.url), 'utf8'))

let collector: Collector
const restart = async (options: CollectorOptions) => {
  await collector.close()
  collector = await startCollector({ port: 0, ...options })
}
const post = (body: unknown, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
  fetch(collector.endpoint, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) })
const listed = async (query = ''): Promise<CollectedEvent[]> => (await fetch(`${collector.url}/events${query}`)).json()

beforeEach(async () => {
  collector = await startCollector({ port: 0 })
})
afterEach(async () => {
  await collector.close()
})

describe('startCollector', () => {
  it('should listen on 127.0.0.1 and expose the endpoint when started on port 0', () => {
    expect(collector.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(collector.endpoint).toBe(`${collector.url}/api/v2`)
  })

  it('should answer 204 and list the event when it is valid', async () => {
    const response = await post(example('status-cart'))
    expect(response.status).toBe(204)
    const [event] = await listed()
    expect(event).toMatchObject({ id: 1, valid: true, issues: [], notes: [], eventName: 'StatusCart' })
    expect(event?.payload).toEqual(example('status-cart'))
    expect(event?.contentType).toBe('application/json')
  })

  it('should accept every reference example when posted', async () => {
    const names = ['add-to-wishlist', 'category-page', 'custom-event', 'customer-data', 'product-impressions']
    names.push('product-page', 'product-update', 'product-update-discount', 'purchased-items')
    names.push('purchased-items-one-click', 'search-request', 'status-cart', 'status-cart-empty')
    for (const name of names) expect([name, (await post(example(name))).status]).toEqual([name, 204])
  })

  it('should answer 400 with the issues by wire path when the event is invalid', async () => {
    const payload = example('status-cart')
    payload.StatusCart.Products[1].quantity = 'x'
    const response = await post(payload)
    expect(response.status).toBe(400)
    const body = (await response.json()) as { issues: { path: string }[] }
    expect(body.issues.map((issue) => issue.path)).toContain('StatusCart.Products[1].quantity')
    const [event] = await listed()
    expect(event).toMatchObject({ valid: false, eventName: 'StatusCart' })
    expect(event?.issues.map((issue) => issue.path)).toContain('StatusCart.Products[1].quantity')
  })

  it('should accept a text/plain body when a beacon sends it', async () => {
    const response = await post(example('product-page'), { 'Content-Type': 'text/plain;charset=UTF-8' })
    expect(response.status).toBe(204)
    expect((await listed())[0]).toMatchObject({ valid: true, contentType: 'text/plain;charset=UTF-8' })
  })

  it('should note where a valid value is not the strict wire form', async () => {
    const payload = example('status-cart')
    payload.StatusCart.Products[0].price = '201.95'
    expect((await post(payload)).status).toBe(204)
    expect((await listed())[0]?.notes).toEqual([
      'StatusCart.Products[0].price: sent as a string ("201.95"); the wire form is a number',
    ])
  })

  it('should answer a CORS preflight for any origin', async () => {
    const response = await fetch(collector.endpoint, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://shop.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,authorization',
      },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('http://shop.example')
    expect(response.headers.get('access-control-allow-methods')).toContain('POST')
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type,authorization')
    expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThan(0)
    expect(await listed()).toEqual([])
  })

  it('should allow the origin on the POST answer too when the page sends one', async () => {
    const response = await post(example('status-cart'), {
      'Content-Type': 'application/json',
      Origin: 'http://shop.example',
    })
    expect(response.headers.get('access-control-allow-origin')).toBe('http://shop.example')
  })

  it('should answer 400 and keep the raw text when the JSON is malformed', async () => {
    const response = await post('{"GeneralInfo": ', { 'Content-Type': 'text/plain' })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: string }).error).toBe('malformed JSON')
    expect((await listed())[0]).toMatchObject({ valid: false, raw: '{"GeneralInfo": ' })
  })

  it('should answer 413 when the body is above maxBodyBytes', async () => {
    await restart({ maxBodyBytes: 1000 })
    const response = await post({ GeneralInfo: { padding: 'x'.repeat(5000) } })
    expect(response.status).toBe(413)
    expect((await listed())[0]?.issues[0]?.message).toMatch(/above the limit of 1000 bytes/)
  })

  it('should record that an Authorization header came, never its credential, when one is sent', async () => {
    await post(example('product-update'), { 'Content-Type': 'application/json', Authorization: 'Basic OmtleQ==' })
    expect((await listed())[0]?.authorization).toBe('Basic (hidden)')
  })

  it('should filter by eventName and clear when asked over HTTP', async () => {
    await post(example('status-cart'))
    await post(example('product-page'))
    await post(example('status-cart-empty'))
    expect((await listed('?eventName=StatusCart')).map((event) => event.id)).toEqual([1, 3])
    expect(collector.events({ eventName: 'ProductPage' }).map((event) => event.id)).toEqual([2])
    expect((await fetch(`${collector.url}/events`, { method: 'DELETE' })).status).toBe(204)
    expect(await listed()).toEqual([])
  })

  it('should keep only the newest maxEvents when more arrive', async () => {
    await restart({ maxEvents: 2 })
    for (const name of ['status-cart', 'product-page', 'category-page']) await post(example(name))
    expect((await listed()).map((event) => event.eventName)).toEqual(['ProductPage', 'CategoryPage'])
  })

  it('should answer 404 for an unknown route', async () => {
    expect((await fetch(`${collector.url}/nope`)).status).toBe(404)
  })

  it('should answer HEAD / with the live page headers and no body', async () => {
    const response = await fetch(`${collector.url}/`, { method: 'HEAD' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/html')
    expect(await response.text()).toBe('')
  })

  it('should serve the live page with a strict CSP', async () => {
    const response = await fetch(`${collector.url}/`)
    expect(response.headers.get('content-type')).toContain('text/html')
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'; script-src 'nonce-/)
    expect(await response.text()).toContain('<title>es-tracker collector</title>')
  })

  it('should push each event on the event stream as it arrives', async () => {
    const abort = new AbortController()
    const response = await fetch(`${collector.url}/events/stream`, { signal: abort.signal })
    expect(response.headers.get('content-type')).toContain('text/event-stream')
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
    await post(example('category-page'))
    let text = ''
    while (!text.includes('event: collected')) text += (await reader.read()).value ?? ''
    abort.abort()
    const data = /event: collected\ndata: (.*)\n/.exec(text)?.[1]
    expect(JSON.parse(data ?? 'null')).toMatchObject({ id: 1, eventName: 'CategoryPage', valid: true })
  })
})

// The first-party endpoint against real servers: the collector as the tracker, a recording server
// where the bytes and headers on the wire matter, and the endpoint itself on node:http.
import { readFileSync } from 'node:fs'
import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import type { Collector } from '@es-tracker/collector'
import { startCollector } from '@es-tracker/collector'
import { createFirstPartyEndpoint, type FirstPartyEndpointOptions } from '@es-tracker/node'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

const sc = 'CDA68358-94FB-4D83-9655-3FEB3C4114A3'
const examplePath = new URL('../../../collector/test/examples/product-page.json', import.meta.url)
// Pretty-printed, with non-ASCII text: the tracker must get exactly these bytes.
const productPage = readFileSync(examplePath, 'utf8').replace('"754 USD"', '"754 USD"  ').replace('abc', 'абв ✓')

let collector: Collector
let site: Server | undefined
beforeEach(async () => {
  collector = await startCollector({ port: 0 })
})
afterEach(async () => {
  await collector.close()
  await new Promise((resolve) => (site ? site.close(resolve) : resolve(undefined)))
  site = undefined
})

const listen = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** The site: the endpoint on node:http, at /t/api/v2. */
async function startSite(options: FirstPartyEndpointOptions = {}): Promise<string> {
  const endpoint = createFirstPartyEndpoint({ endpoint: collector.endpoint, ...options })
  site = createServer((request, response) => endpoint.node(request, response))
  return `${await listen(site)}/t/api/v2`
}

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'text/plain;charset=UTF-8', ...headers } })

describe('createFirstPartyEndpoint on node:http', () => {
  it('should forward the exact bytes with only Content-Type and User-Agent of the site request', async () => {
    const seen: { body: Buffer; headers: Record<string, unknown> }[] = []
    const recorder = createServer((request, response) => {
      const chunks: Buffer[] = []
      request.on('data', (chunk: Buffer) => chunks.push(chunk))
      request.on('end', () => {
        seen.push({ body: Buffer.concat(chunks), headers: request.headers })
        response.writeHead(204).end()
      })
    })
    const upstream = await listen(recorder)
    try {
      const url = await startSite({ endpoint: `${upstream}/api/v2` })
      const answer = await post(url, productPage, {
        Cookie: `sc=${sc}; session=SECRET-SESSION; cart=42`,
        Authorization: 'Bearer site-token',
        'User-Agent': 'Visitor Browser/1.0',
        'X-Site-Internal': 'secret',
        Referer: 'https://shop.example/p/72354',
      })
      expect(answer.status).toBe(204)
      expect(seen).toHaveLength(1)
      expect(seen[0]!.body.equals(Buffer.from(productPage))).toBe(true)
      const headers = seen[0]!.headers
      expect(headers['content-type']).toBe('text/plain;charset=UTF-8')
      expect(headers['user-agent']).toBe('Visitor Browser/1.0')
      for (const name of ['cookie', 'authorization', 'x-site-internal', 'referer', 'origin', 'x-forwarded-for']) {
        expect([name, headers[name]]).toEqual([name, undefined])
      }
    } finally {
      await new Promise((resolve) => recorder.close(resolve))
    }
  })

  it('should deliver to the collector and pass its statuses and Retry-After through', async () => {
    const url = await startSite()
    expect((await post(url, productPage)).status).toBe(204)
    expect(collector.events()).toMatchObject([{ valid: true, eventName: 'ProductPage' }])
    for (const [status, retryAfter] of [
      [503, '7'],
      [429, '3'],
      [400, undefined],
    ] as const) {
      collector.faults.set({ failNext: 1, status, ...(retryAfter ? { retryAfter } : {}) })
      const answer = await post(url, productPage)
      expect([answer.status, answer.headers.get('retry-after')]).toEqual([status, retryAfter ?? null])
      expect(answer.headers.get('set-cookie')).toBeNull()
    }
  })

  it('should re-issue sc for a year, then not again while the day-long companion cookie is sent', async () => {
    const url = await startSite()
    const first = await post(url, productPage)
    expect(first.headers.getSetCookie()).toEqual([
      `sc=${sc}; Max-Age=31536000; Path=/; SameSite=Lax`,
      `sc_renewed=${sc}; Max-Age=86400; Path=/; SameSite=Lax; HttpOnly`,
    ])
    const sameDay = await post(url, productPage, { Cookie: `sc=${sc}; sc_renewed=${sc}` })
    expect(sameDay.status).toBe(204)
    expect(sameDay.headers.getSetCookie()).toEqual([])
    // Another visitor id on this browser since (reset, a new sc): renewed at once.
    const other = await post(url, productPage, { Cookie: 'sc_renewed=OLD-VISITOR' })
    expect(other.headers.getSetCookie()).toHaveLength(2)
  })

  it('should mark the cookies Secure behind https and give them the site domain when told', async () => {
    const url = await startSite({ cookieDomain: 'shop.example' })
    const answer = await post(url, productPage, { 'X-Forwarded-Proto': 'https' })
    expect(answer.headers.getSetCookie()[0]).toBe(
      `sc=${sc}; Max-Age=31536000; Path=/; SameSite=Lax; Secure; Domain=shop.example`,
    )
  })

  it('should set no cookie for an sc that could not be written safely into a header', async () => {
    const url = await startSite()
    const answer = await post(url, productPage.replace(sc, 'A; Domain=evil.example'))
    expect(answer.status).toBe(204)
    expect(answer.headers.getSetCookie()).toEqual([])
  })

  it('should answer 400 as the collector does and forward nothing when the event is invalid', async () => {
    const url = await startSite()
    const invalid = await post(url, productPage.replace('"72354"', '""'))
    expect(invalid.status).toBe(400)
    const body = (await invalid.json()) as { error: string; issues: { path: string }[] }
    expect(body.error).toBe('invalid ProductPage')
    expect(body.issues.map((issue) => issue.path)).toContain('ProductPage.Product.productKey')
    const malformed = await post(url, '{"GeneralInfo": ')
    expect(malformed.status).toBe(400)
    expect(((await malformed.json()) as { error: string }).error).toBe('malformed JSON')
    expect(collector.events({ includeFailed: true })).toEqual([])
  })

  it('should refuse another site when siteId is given', async () => {
    const url = await startSite({ siteId: 'OTHER01' })
    const answer = await post(url, productPage)
    expect(answer.status).toBe(400)
    expect(JSON.stringify(await answer.json())).toContain('GeneralInfo.siteId')
    expect(collector.events()).toEqual([])
  })

  it('should refuse a body above maxBodyBytes with 413 and stop reading a huge one', async () => {
    const url = await startSite({ maxBodyBytes: 4096 })
    const padded = productPage.replace('"72354"', `"72354", "padding": "${'x'.repeat(10_000)}"`)
    expect((await post(url, padded)).status).toBe(413)
    // 100 MB offered: the endpoint hangs up long before.
    let sent = 0
    const chunk = Buffer.alloc(1024 * 1024, 'a')
    const source = new Readable({
      read() {
        sent += 1
        this.push(sent <= 100 ? chunk : null)
      },
    })
    const outcome = await new Promise<string>((resolve) => {
      const request = httpRequest(url, { method: 'POST' }, (response) => {
        response.resume()
        resolve(`status ${response.statusCode}`)
      })
      request.on('error', () => resolve('connection dropped'))
      source.pipe(request)
    })
    expect(['status 413', 'connection dropped']).toContain(outcome)
    expect(sent).toBeLessThan(100)
    expect(collector.events({ includeFailed: true })).toEqual([])
  })

  it('should answer 502 when the tracker is down and 504 when it does not answer in time', async () => {
    const url = await startSite({ timeout: 300 })
    collector.faults.set({ latencyMs: 2000 })
    const slow = await post(url, productPage)
    expect(slow.status).toBe(504)
    await collector.close()
    const down = await post(url, productPage)
    expect(down.status).toBe(502)
    expect(((await down.json()) as { error: string }).error).toMatch(/the tracker could not be reached/)
  })

  it('should answer OPTIONS with what it allows and other methods with 405', async () => {
    const url = await startSite()
    expect((await fetch(url, { method: 'OPTIONS' })).headers.get('allow')).toBe('POST, OPTIONS')
    expect((await fetch(url)).status).toBe(405)
  })

  it('should forward a body a framework already read (express.raw, express.text)', async () => {
    const endpoint = createFirstPartyEndpoint({ endpoint: collector.endpoint })
    site = createServer((request, response) => {
      const chunks: Buffer[] = []
      request.on('data', (chunk: Buffer) => chunks.push(chunk))
      request.on('end', () => endpoint.node(Object.assign(request, { body: Buffer.concat(chunks) }), response))
    })
    const url = `${await listen(site)}/t/api/v2`
    expect((await post(url, productPage)).status).toBe(204)
    expect(collector.events()).toHaveLength(1)
  })
})

describe('createFirstPartyEndpoint as a fetch handler', () => {
  const request = (body: string, headers: Record<string, string> = {}, url = 'https://shop.example/t/api/v2') =>
    new Request(url, { method: 'POST', body, headers: { 'Content-Type': 'text/plain;charset=UTF-8', ...headers } })

  it('should forward a valid event and set the cookies Secure on an https request', async () => {
    const { fetch: handle } = createFirstPartyEndpoint({ endpoint: collector.endpoint })
    const answer = await handle(request(productPage))
    expect(answer.status).toBe(204)
    expect(answer.headers.getSetCookie()[0]).toBe(`sc=${sc}; Max-Age=31536000; Path=/; SameSite=Lax; Secure`)
    expect(collector.events()).toMatchObject([{ valid: true, eventName: 'ProductPage' }])
  })

  it('should answer 400, 413 and 405 without forwarding', async () => {
    const { fetch: handle } = createFirstPartyEndpoint({ endpoint: collector.endpoint, maxBodyBytes: 4096 })
    expect((await handle(request('{'))).status).toBe(400)
    expect((await handle(request('x'.repeat(5000)))).status).toBe(413)
    expect((await handle(new Request('https://shop.example/t/api/v2'))).status).toBe(405)
    expect(collector.events({ includeFailed: true })).toEqual([])
  })

  it('should answer 502 when the tracker is down', async () => {
    const { fetch: handle } = createFirstPartyEndpoint({ endpoint: collector.endpoint })
    await collector.close()
    expect((await handle(request(productPage))).status).toBe(502)
  })
})

describe('createFirstPartyEndpoint options', () => {
  it('should throw invalid_config naming the option when it is wrong', () => {
    expect(() => createFirstPartyEndpoint({ endpoint: 'http://tracker.example/api/v2' })).toThrow(/endpoint must be/)
    expect(() => createFirstPartyEndpoint({ cookieDomain: 'a; b' })).toThrow(/cookieDomain must be a host name/)
    expect(() => createFirstPartyEndpoint({ maxBodyBytes: 0 })).toThrow(/maxBodyBytes must be an integer/)
  })
})

// The first-party endpoint as the README mounts it in Express and Fastify, against the collector.
import { readFileSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Collector } from '@es-tracker/collector'
import { startCollector } from '@es-tracker/collector'
import { createFirstPartyEndpoint } from '@es-tracker/node'
import express from 'express'
import Fastify from 'fastify'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

const sc = 'CDA68358-94FB-4D83-9655-3FEB3C4114A3'
const productPage = readFileSync(new URL('../../../collector/test/examples/product-page.json', import.meta.url), 'utf8')

let collector: Collector
beforeEach(async () => {
  collector = await startCollector({ port: 0 })
})
afterEach(async () => {
  await collector.close()
})

const post = (url: string, body: string) =>
  fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'text/plain;charset=UTF-8' } })

/** What each framework must do: forward a valid event with the cookie, refuse an invalid one, answer 502 when down. */
async function checkMounted(url: string): Promise<void> {
  const accepted = await post(url, productPage)
  expect(accepted.status).toBe(204)
  expect(accepted.headers.getSetCookie()[0]).toBe(`sc=${sc}; Max-Age=31536000; Path=/; SameSite=Lax`)
  expect(collector.events()).toMatchObject([
    { valid: true, eventName: 'ProductPage', payload: JSON.parse(productPage) },
  ])
  expect((await post(url, '{"GeneralInfo":{}}')).status).toBe(400)
  expect(collector.events({ includeFailed: true })).toHaveLength(1)
  await collector.close()
  expect((await post(url, productPage)).status).toBe(502)
}

describe('createFirstPartyEndpoint in frameworks', () => {
  it('should work as an Express route mounted before the body parser', async () => {
    const firstParty = createFirstPartyEndpoint({ endpoint: collector.endpoint })
    const app = express()
    app.post('/t/api/v2', firstParty.node)
    app.use(express.json())
    const server: Server = await new Promise((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening))
    })
    try {
      await checkMounted(`http://127.0.0.1:${(server.address() as AddressInfo).port}/t/api/v2`)
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })

  it('should work in a Fastify scope that keeps the body as bytes', async () => {
    const firstParty = createFirstPartyEndpoint({ endpoint: collector.endpoint })
    const app = Fastify()
    await app.register(async (scope) => {
      scope.removeAllContentTypeParsers()
      scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body))
      scope.post('/t/api/v2', (request, reply) => {
        reply.hijack()
        firstParty.node(Object.assign(request.raw, { body: request.body }), reply.raw)
      })
    })
    const address = await app.listen({ port: 0, host: '127.0.0.1' })
    try {
      await checkMounted(`${address}/t/api/v2`)
    } finally {
      await app.close()
    }
  })
})

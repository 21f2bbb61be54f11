// The node tracker on a file store, for real: a real endpoint, real child processes killed with SIGKILL.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createFileStore, createNodeTracker, type TrackerError } from '@es-tracker/node'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { buildWorker } from '../../test/child/buildWorker'
import { spawnWorker, until } from '../../test/child/spawnWorker'
import { eventNameOf, expectDeliveredOnce } from '../../test/killCheck'
import { startTestServer, type TestServer } from '../../test/testServer'

const sc = 'CDA68358-94FB-4D83-9655-3FEB3C4114A3'
let server: TestServer
let dir: string
let errors: TrackerError[]
let worker: string

beforeAll(async () => {
  worker = await buildWorker()
}, 120_000)

beforeEach(async () => {
  server = await startTestServer()
  dir = mkdtempSync(join(tmpdir(), 'es-tracker-file-'))
  errors = []
})
afterEach(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

const tracker = (store = createFileStore({ dir }), options = {}) =>
  createNodeTracker({
    siteId: '8A412DC',
    endpoint: server.url,
    store,
    retry: { baseDelayMs: 5, maxDelayMs: 50 },
    onError: (error) => errors.push(error),
    ...options,
  })

describe('createNodeTracker with createFileStore', () => {
  it('should lose nothing when the process is killed with SIGKILL mid-delivery, and resend only what was in flight, byte for byte', async () => {
    const count = 600
    const concurrency = 8
    server.reply = () => ({ status: 204, delayMs: 20 })
    const first = spawnWorker(worker, {
      STORE: 'file',
      DIR: dir,
      ENDPOINT: server.url,
      COUNT: count,
      CONCURRENCY: concurrency,
      WORKER: 'killed',
    })
    await first.waitFor('written')
    await until(() => server.requests.length >= 100, '100 deliveries before the kill')
    first.child.kill('SIGKILL')
    expect(await first.exited).toBe('SIGKILL')
    expect(server.requests.length).toBeLessThan(count)

    const second = spawnWorker(worker, { STORE: 'file', DIR: dir, ENDPOINT: server.url, COUNT: 0, WORKER: 'next' })
    const names = Array.from({ length: count }, (_, n) => `e${n}`)
    await until(() => new Set(server.requests.map(eventNameOf)).size === count, 'every event delivered')
    second.child.kill('SIGTERM')
    await second.waitFor('closed')
    expect(await second.exited).toBe(0)
    // Write batches, not events, may be in flight too: up to two windows of `concurrency`.
    expectDeliveredOnce(server.requests, names, 2 * concurrency)
  }, 120_000)

  it('should leave what close() gives up on in the folder for the next tracker, which delivers it', async () => {
    server.reply = () => ({ status: 503 })
    const first = tracker()
    const pending = first.visitor({ sc }).customEvent({ name: 'kept' })
    await until(() => server.requests.length >= 1, 'a first attempt')
    await first.close(100)
    expect(await pending).toMatchObject({ ok: false, error: { code: 'closed' } })

    server.reply = () => ({ status: 204 })
    const before = server.requests.length
    const second = tracker()
    await until(() => server.requests.length > before, 'redelivery by the next tracker')
    await second.close(5000)
    const copies = server.requests.filter((request) => eventNameOf(request) === 'kept').map((request) => request.body)
    expect(new Set(copies).size).toBe(1)
    // Delivered: gone from the folder.
    const third = createFileStore({ dir })
    expect(third.takeOver()).toEqual([])
    await third.close?.()
  })

  it('should resolve queue_full and report it when the folder holds maxBytes of undelivered events', async () => {
    server.reply = () => ({ hang: true })
    // Each event is about 1.3 KB on disk: two fit in 3,000 bytes.
    const instance = tracker(createFileStore({ dir, maxBytes: 3000 }), { timeout: 60_000 })
    const visitor = instance.visitor({ sc })
    const results = [0, 1, 2, 3].map((n) => visitor.customEvent({ name: `${'x'.repeat(1000)}${n}` }))
    expect(await Promise.all(results.slice(2))).toEqual(
      Array(2).fill({ ok: false, error: expect.objectContaining({ code: 'queue_full' }) }),
    )
    expect(errors.map((error) => error.code)).toEqual(['queue_full', 'queue_full'])
    await until(() => server.requests.length === 2, 'the two that fit sent')
    await instance.close(50)
  })

  it('should refuse a transaction with invalid_config: a file cannot join a database transaction', async () => {
    const instance = tracker()
    const result = await instance.visitor({ sc }).customEvent({ name: 'x' }, { transaction: {} })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_config' } })
    await instance.close()
    expect(server.requests).toHaveLength(0)
  })
})

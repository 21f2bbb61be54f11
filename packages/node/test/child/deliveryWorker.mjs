// A server process for the kill tests: a node tracker on a durable store (file or Postgres) that
// queues COUNT events, says `written` once all of them are in the store, and on SIGTERM closes.
// Bundled by buildWorker.ts, then run as `node <bundle>` with its settings in the environment.
import { createFileStore, createNodeTracker } from '@es-tracker/node'
import { createPostgresStore } from '@es-tracker/node/postgres'

const env = process.env
const count = Number(env.COUNT ?? 0)
const store =
  env.STORE === 'postgres'
    ? createPostgresStore({
        connectionString: env.PG_URL,
        table: env.TABLE,
        leaseMs: Number(env.LEASE_MS ?? 30_000),
        pollIntervalMs: 100,
      })
    : createFileStore({ dir: env.DIR })

// Counts what the store has written, to tell the test when every event is in the store.
let written = 0
const add = store.add.bind(store)
store.add = async (...args) => {
  await add(...args)
  if (++written === count) console.log('written')
}

const tracker = createNodeTracker({
  siteId: '8A412DC',
  endpoint: env.ENDPOINT,
  store,
  concurrency: Number(env.CONCURRENCY ?? 8),
  maxQueue: 100_000,
  retry: { baseDelayMs: 20, maxDelayMs: 200 },
  onError: (error) => console.error(`${error.code}: ${error.message}`),
  // Tells the endpoint which process sent a request (the kill tests count what the killed one had in flight).
  fetch: (url, init) => fetch(url, { ...init, headers: { ...init.headers, 'x-worker': env.WORKER ?? '' } }),
})
process.on('SIGTERM', async () => {
  await tracker.close(Number(env.CLOSE_MS ?? 5000))
  console.log('closed')
  process.exit(0)
})
console.log('ready')
const visitor = tracker.visitor({ sc: 'CDA68358-94FB-4D83-9655-3FEB3C4114A3' })
for (let n = 0; n < count; n++) void visitor.customEvent({ name: `${env.PREFIX ?? 'e'}${n}` })

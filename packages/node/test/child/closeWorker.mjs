// A process for the close() tests: a node tracker that sends EVENTS events, awaits close(CLOSE_MS),
// prints `closed` and then its results, and then does nothing: it must exit on its own, with no
// process.exit to hide a socket or a timer the tracker left behind.
import { createNodeTracker } from '@es-tracker/node'

const env = process.env
const tracker = createNodeTracker({
  siteId: '8A412DC',
  endpoint: env.ENDPOINT,
  // Far longer than the test waits: what ends the process must not be this limit.
  timeout: 60_000,
  ...(env.TRANSPORT === 'fetch' ? { fetch: (url, init) => fetch(url, init) } : {}),
  onError: (error) => console.log(`error ${error.code}`),
})
const visitor = tracker.visitor({ sc: 'CDA68358-94FB-4D83-9655-3FEB3C4114A3' })
const results = Array.from({ length: Number(env.EVENTS ?? 1) }, (_, n) => visitor.customEvent({ name: `e${n}` }))
console.log('sent')
await tracker.close(Number(env.CLOSE_MS ?? 1000))
console.log('closed')
// An attempt in flight when close() gave up settles with its own outcome, after close() returned.
console.log(`results ${JSON.stringify(await Promise.all(results.map((result) => result.then((r) => r.ok))))}`)

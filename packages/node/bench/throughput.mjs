// Throughput: events per second delivered by the node tracker vs a plain `fetch` loop with the same
// concurrency, against the same local endpoint (its own process), alternating, three rounds each.
// The tracker runs with its default transport (ky) and with createFetchTransport().
// Run after `pnpm build`: node packages/node/bench/throughput.mjs [events per round] [concurrency]
import { createFetchTransport, createNodeTracker } from '../dist/index.js'
import { startEndpoint } from './startEndpoint.mjs'

// --json: one JSON line with the figures as well, for the team's benchmark table (e2e/bench/run.mjs).
const json = process.argv.includes('--json')
const positional = process.argv.slice(2).filter((arg) => !arg.startsWith('--'))
const events = Number(positional[0] ?? 10_000)
const concurrency = Number(positional[1] ?? 8)
const rounds = 3
const sc = 'CDA68358-94FB-4D83-9655-3FEB3C4114A3'

const endpoint = await startEndpoint()

/** What the tracker sends for `searchRequest({ search })`, built the way an integrator would by hand. */
const payload = (n) => ({
  GeneralInfo: { eventName: 'SearchRequest', siteId: '8A412DC', datetime: Date.now(), cookies: { sc } },
  SearchRequest: { search: `query ${n}` },
})

async function plainFetch() {
  let next = 0
  const worker = async () => {
    while (next < events) {
      const n = next++
      const response = await fetch(endpoint.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload(n)),
      })
      if (response.body) await response.arrayBuffer()
      if (response.status !== 204) throw new Error(`status ${response.status}`)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
}

const tracker = (transport) => async () => {
  const instance = createNodeTracker({
    siteId: '8A412DC',
    endpoint: endpoint.url,
    concurrency,
    maxQueue: events,
    ...(transport ? { transport } : {}),
    onError: (error) => {
      throw error
    },
  })
  const visitor = instance.visitor({ sc })
  const results = await Promise.all(
    Array.from({ length: events }, (_, n) => visitor.searchRequest({ search: `query ${n}` })),
  )
  if (!results.every((result) => result.ok)) throw new Error('an event was not delivered')
  await instance.close()
}

async function measure(run) {
  const before = await endpoint.count()
  const started = performance.now()
  const cpuBefore = process.cpuUsage()
  await run()
  const cpu = process.cpuUsage(cpuBefore)
  const seconds = (performance.now() - started) / 1000
  const delivered = (await endpoint.count()) - before
  if (delivered !== events) throw new Error(`expected ${events} requests, the endpoint got ${delivered}`)
  return { rate: events / seconds, cpu: (cpu.user + cpu.system) / events }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const show = ({ rate, cpu }) => `${Math.round(rate).toLocaleString('en-US')} ev/s (${cpu.toFixed(0)} µs CPU/event)`

const variants = { 'tracker (ky)': tracker(), 'tracker (fetch transport)': tracker(createFetchTransport()) }
// Warm up every path (JIT, connection pool) before measuring.
await measure(plainFetch)
for (const run of Object.values(variants)) await measure(run)

const measured = []
const ratios = Object.fromEntries(Object.keys(variants).map((name) => [name, { rate: [], cpu: [] }]))
console.log(`throughput: ${events} events per round, concurrency ${concurrency}, Node ${process.versions.node}`)
for (let round = 1; round <= rounds; round++) {
  for (const [name, run] of Object.entries(variants)) {
    const ours = await measure(run)
    const plain = await measure(plainFetch)
    ratios[name].rate.push(ours.rate / plain.rate)
    measured.push({ round, variant: name, trackerRate: ours.rate, fetchRate: plain.rate })
    // Client CPU per event is the steadier figure on a shared machine: wall-clock rates move with load.
    ratios[name].cpu.push(plain.cpu / ours.cpu)
    console.log(
      `round ${round}: ${name} ${show(ours)} vs plain fetch ${show(plain)}: ratio ${(ours.rate / plain.rate).toFixed(2)}`,
    )
  }
}
for (const [name, { rate, cpu }] of Object.entries(ratios)) {
  console.log(
    `${name}: median events/s ratio ${median(rate).toFixed(2)}, median CPU-efficiency ratio ${median(cpu).toFixed(2)} (target >= 0.80, aim 0.95)`,
  )
}
if (json) {
  const medians = Object.fromEntries(
    Object.entries(ratios).map(([name, { rate, cpu }]) => [name, { rateRatio: median(rate), cpuRatio: median(cpu) }]),
  )
  console.log(
    JSON.stringify({
      bench: 'throughput',
      node: process.versions.node,
      events,
      concurrency,
      rounds: measured,
      medians,
    }),
  )
}
await endpoint.stop()

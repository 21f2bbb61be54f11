// Memory: 100,000 events offered to the node tracker faster than a slow endpoint can take them,
// with maxQueue set. Prints peak RSS and how many events were delivered or refused (queue_full).
// Run after `pnpm build`: node --expose-gc packages/node/bench/memory.mjs [events] [maxQueue] [endpoint delay ms]
// Add --max-old-space-size=40 to see the working set rather than what V8 lets accumulate before it collects.
import { createNodeTracker } from '../dist/index.js'
import { startEndpoint } from './startEndpoint.mjs'

// --json: one JSON line with the figures as well, for the team's benchmark table (e2e/bench/run.mjs).
const json = process.argv.includes('--json')
const positional = process.argv.slice(2).filter((arg) => !arg.startsWith('--'))
const total = Number(positional[0] ?? 100_000)
const maxQueue = Number(positional[1] ?? 2_000)
const delayMs = Number(positional[2] ?? 10)
const concurrency = 8
const perTick = 500 // events offered every 100 ms: 5,000 events/s
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

const endpoint = await startEndpoint({ delayMs })
const counts = { delivered: 0, queue_full: 0, other: 0, reported: 0 }
const tracker = createNodeTracker({
  siteId: '8A412DC',
  endpoint: endpoint.url,
  concurrency,
  maxQueue,
  onError: () => {
    counts.reported++
  },
})

/** A purchase confirmation as a shop's server sends it, with two order lines. */
function confirmPurchase(n) {
  const visitor = tracker.visitor({
    sc: `SC-${n}-5A7D`,
    user: { email: `buyer${n}@example.com`, externalCustomerId: n },
  })
  return visitor.purchasedItems({
    orderNumber: `ORDER-${n}`,
    guid: '6F9619FF-8B86-D011-B42D-00CF4FC964FF',
    products: [
      { productKey: `SKU-${n}`, price: 201.95, quantity: 1 },
      { productKey: 'SKU-2', price: '341.80', quantity: 2 },
    ],
  })
}

// Results are tallied, not kept: a server drops each promise once it has its answer.
let outstanding = 0
let allSettled = () => {}
const tally = (result) => {
  if (result.ok) counts.delivered++
  else if (result.error.code === 'queue_full') counts.queue_full++
  else counts.other++
  if (--outstanding === 0) allSettled()
}

global.gc?.()
const baseline = process.memoryUsage().rss
let peak = baseline
let peakHeap = 0
const sampler = setInterval(() => {
  const usage = process.memoryUsage()
  peak = Math.max(peak, usage.rss)
  peakHeap = Math.max(peakHeap, usage.heapUsed)
}, 50)

const started = performance.now()
for (let offered = 0; offered < total; offered += perTick) {
  for (let n = offered; n < Math.min(total, offered + perTick); n++) {
    outstanding++
    confirmPurchase(n).then(tally)
  }
  await new Promise((resolve) => setTimeout(resolve, 100))
}
const offeredFor = (performance.now() - started) / 1000
await tracker.flush()
if (outstanding > 0)
  await new Promise((resolve) => {
    allSettled = resolve
  })
const seconds = (performance.now() - started) / 1000
clearInterval(sampler)
await tracker.close()
const received = await endpoint.count()
await endpoint.stop()

console.log(
  `memory: ${total.toLocaleString('en-US')} events offered over ${offeredFor.toFixed(1)} s to an endpoint answering after ${delayMs} ms`,
)
console.log(
  `  concurrency ${concurrency}, maxQueue ${maxQueue}, Node ${process.versions.node}, done in ${seconds.toFixed(1)} s`,
)
console.log(
  `  delivered ${counts.delivered.toLocaleString('en-US')} (endpoint received ${received.toLocaleString('en-US')}), queue_full ${counts.queue_full.toLocaleString('en-US')}, other failures ${counts.other}`,
)
console.log(`  reported through onError: ${counts.reported.toLocaleString('en-US')} (every refused event is reported)`)
global.gc?.()
const after = process.memoryUsage()
console.log(
  `  RSS baseline ${mb(baseline)}, peak ${mb(peak)} (+${mb(peak - baseline)}), peak heap used ${mb(peakHeap)}`,
)
console.log(`  after the run${global.gc ? ' and a GC' : ''}: RSS ${mb(after.rss)}, heap used ${mb(after.heapUsed)}`)
if (json) {
  console.log(
    JSON.stringify({
      bench: 'memory',
      node: process.versions.node,
      ...{ total, maxQueue, delayMs, concurrency, seconds, received, ...counts },
      rss: { baseline, peak, after: after.rss },
      peakHeapUsed: peakHeap,
    }),
  )
}
if (counts.delivered + counts.queue_full + counts.other !== total) throw new Error('some events have no result')
if (received !== counts.delivered) throw new Error('delivered count and endpoint count differ')

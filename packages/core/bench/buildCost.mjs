// Build + validate cost per event, beside `JSON.stringify` of the same payload: the events a page
// sends most (ProductPage, a 20-line StatusCart, PurchasedItems), `tracker.send` with a raw wire body,
// and a server's ProductUpdate batch. Runs against the BUILT core (dist/): `pnpm build` first.
//
//   node packages/core/bench/buildCost.mjs                    a table on stdout
//   node packages/core/bench/buildCost.mjs --json             one JSON line: { kinds: [...], node }
//   node packages/core/bench/buildCost.mjs --against <dir>    also times the core build in <dir> (a copy
//                                                             of an older packages/core/dist), rounds
//                                                             alternating, and prints both side by side
//
// Each figure is the median over many timed batches (so one GC pause does not move it) of the
// process's CPU time, per event.
// With --against, both builds must give byte-identical payloads, or the run stops.
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import * as current from '../dist/index.js'

const json = process.argv.includes('--json')
const againstAt = process.argv.indexOf('--against')
const baseline =
  againstAt > 0 ? await import(pathToFileURL(resolve(process.argv[againstAt + 1], 'index.js')).href) : null
const BATCH = 100
const BATCHES = 60
const WARMUP_BATCHES = 20

const context = {
  siteId: '8A412DC',
  sc: 'CDA68358-94FB-4D83-9655-3FEB3C4114A3',
  datetime: 1_700_000_000_000,
  identity: { email: 'ann@example.com', externalCustomerId: 'C-1001' },
  context: {
    s_location: 'https://shop.example.com/cart',
    referrer: 'https://shop.example.com/',
    screendim: { h: 1080, w: 1920 },
  },
}
const guid = '6F9619FF-8B86-D011-B42D-00CF4FC964FF'
const lines = Array.from({ length: 20 }, (_, index) => ({
  productKey: `SKU-${1000 + index}`,
  price: 19.9 + index,
  quantity: 1 + (index % 3),
}))
const cartLines = lines.map((line) => ({ ...line, currency: 'USD', discount: 2, tags: { color: ['red', 'dark'] } }))

/** The event kinds measured: what a storefront sends most, its largest events, and a server's catalog batch. */
const kinds = [
  {
    name: 'ProductPage',
    build: (core) =>
      core.buildEvent(
        'ProductPage',
        { product: { productKey: '72354', price: 754, currency: 'USD', isInStock: true }, tags: { brand: 'Acme' } },
        context,
      ),
  },
  {
    name: 'StatusCart (20 products)',
    build: (core) => core.buildEvent('StatusCart', { guid, products: cartLines, tags: { page: 'cart' } }, context),
  },
  {
    name: 'PurchasedItems (20 lines)',
    build: (core) =>
      core.buildEvent(
        'PurchasedItems',
        { orderNumber: 'A-100234', guid, products: lines, tags: { payment: 'card' } },
        context,
      ),
  },
  {
    name: 'send(StatusCart raw, 20 products)',
    build: (core) =>
      core.buildRawEvent(
        'StatusCart',
        {
          StatusCart: {
            GUID: guid,
            Products: lines.map(({ productKey, price, quantity }) => ({
              productKey,
              price,
              quantity,
              price_currency_code: 'USD',
            })),
          },
        },
        context,
      ),
  },
  {
    name: 'ProductUpdate (20 products)',
    build: (core) =>
      core.buildEvent(
        'ProductUpdate',
        lines.map((line) => ({
          productKey: line.productKey,
          isInStock: true,
          price: line.price,
          currency: 'USD',
          name: `Ethiopia Yirgacheffe ${line.productKey}`,
          description: 'Washed, light roast; notes of jasmine, bergamot and lemon.',
          imageUrl: `https://shop.example.com/img/${line.productKey}.jpg`,
          brand: 'Roast & Leaf',
          discountPercent: 10,
          oldPrice: line.price + 5,
          category: 'Coffee',
          categoryIds: ['12', '34'],
          tags: { origin: ['Ethiopia'] },
        })),
        { siteId: context.siteId },
      ),
  },
]

let sink = 0

/**
 * Times BATCH calls of `run`, in microseconds of this process's CPU time per call: on a machine shared
 * with other work, time spent waiting for a core is not counted, as wall-clock time would.
 */
function timeBatch(run) {
  const started = process.cpuUsage()
  for (let i = 0; i < BATCH; i++) run()
  const { user, system } = process.cpuUsage(started)
  return (user + system) / BATCH
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/**
 * Median time per call of each of `runs`, over BATCHES batches of BATCH calls after WARMUP_BATCHES;
 * the runs take turns batch by batch, so that the load of the machine falls on each alike.
 */
function timePerCall(runs) {
  const perCall = runs.map(() => [])
  for (let batch = 0; batch < WARMUP_BATCHES + BATCHES; batch++) {
    runs.forEach((run, index) => {
      const micros = timeBatch(run)
      if (batch >= WARMUP_BATCHES) perCall[index].push(micros)
    })
  }
  return perCall.map(median)
}

/** The payload a core build makes for a kind; stops the run when it does not build or validate. */
function payloadOf(core, kind) {
  const built = kind.build(core)
  if (!built.ok) throw new Error(`${kind.name} does not build: ${built.error.message}`)
  if (!core.validatePayload(built.payload).ok) throw new Error(`${kind.name} does not validate`)
  return built.payload
}

const results = kinds.map((kind) => {
  const payload = payloadOf(current, kind)
  const text = JSON.stringify(payload)
  if (baseline && JSON.stringify(payloadOf(baseline, kind)) !== text) {
    throw new Error(`${kind.name}: this build's payload differs from the baseline's`)
  }
  const builds = [() => (sink += kind.build(current).ok ? 1 : 0)]
  if (baseline) builds.push(() => (sink += kind.build(baseline).ok ? 1 : 0))
  const [buildMicros, baselineMicros] = timePerCall(builds)
  const [validateMicros] = timePerCall([() => (sink += current.validatePayload(payload).ok ? 1 : 0)])
  const [stringifyMicros] = timePerCall([() => (sink += JSON.stringify(payload).length)])
  return {
    kind: kind.name,
    bytes: text.length,
    buildMicros,
    ...(baseline && { baselineMicros }),
    validateMicros,
    stringifyMicros,
    ratio: buildMicros / stringifyMicros,
  }
})
if (sink === 0) console.error('unreachable: keeps the measured calls alive')

if (json) {
  console.log(JSON.stringify({ bench: 'buildCost', node: process.versions.node, kinds: results }))
} else {
  const micros = (value) => `${value.toFixed(1)} µs`
  console.log(
    `build + validate vs JSON.stringify, CPU time per call (median of ${BATCHES} x ${BATCH} calls), Node ${process.versions.node}`,
  )
  for (const row of results) {
    const against = baseline
      ? `  baseline ${micros(row.baselineMicros)} (now ${(row.buildMicros / row.baselineMicros).toFixed(2)}x)`
      : ''
    console.log(
      `${row.kind.padEnd(34)} ${String(row.bytes).padStart(6)} B  build+validate ${micros(row.buildMicros)}${against}` +
        `  validate only ${micros(row.validateMicros)}  JSON.stringify ${micros(row.stringifyMicros)}` +
        `  ratio ${row.ratio.toFixed(1)}x`,
    )
  }
}

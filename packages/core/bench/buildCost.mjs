// Build + validate cost per event against `JSON.stringify` of the same payload, for the largest
// event kinds. Runs against the BUILT core (dist/): `pnpm build` first.
//
//   node packages/core/bench/buildCost.mjs            a table on stdout
//   node packages/core/bench/buildCost.mjs --json     one JSON line: { kinds: [...], node }
//
// Each figure is the median over many timed batches (so one GC pause does not move it), per event.
import { buildEvent, validatePayload } from '../dist/index.js'

const json = process.argv.includes('--json')
const BATCH = 100
const BATCHES = 60
const WARMUP_BATCHES = 20

const context = {
  siteId: '8A412DC',
  sc: 'CDA68358-94FB-4D83-9655-3FEB3C4114A3',
  datetime: 1_700_000_000_000,
  identity: { email: 'ann@example.com', externalCustomerId: 'C-1001' },
  context: { s_location: 'https://shop.example.com/cart', referrer: 'https://shop.example.com/' },
}
const guid = '6F9619FF-8B86-D011-B42D-00CF4FC964FF'
const lines = Array.from({ length: 20 }, (_, index) => ({
  productKey: `SKU-${1000 + index}`,
  price: 19.9 + index,
  quantity: 1 + (index % 3),
}))

/** The event kinds measured: the largest ones a storefront or a server sends. */
const kinds = [
  {
    name: 'StatusCart (20 products)',
    eventName: 'StatusCart',
    input: {
      guid,
      products: lines.map((line) => ({ ...line, currency: 'USD', discount: 2, tags: { color: ['red', 'dark'] } })),
      tags: { page: 'cart' },
    },
    context,
  },
  {
    name: 'ProductUpdate (20 products)',
    eventName: 'ProductUpdate',
    input: lines.map((line) => ({
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
    context: { siteId: context.siteId },
  },
  {
    name: 'PurchasedItems (20 lines)',
    eventName: 'PurchasedItems',
    input: { orderNumber: 'A-100234', guid, products: lines, tags: { payment: 'card' } },
    context,
  },
]

/** Median time per call of `run`, in microseconds, over BATCHES batches of BATCH calls. */
function timePerCall(run) {
  const perCall = []
  for (let batch = 0; batch < WARMUP_BATCHES + BATCHES; batch++) {
    const started = process.hrtime.bigint()
    for (let i = 0; i < BATCH; i++) run()
    const micros = Number(process.hrtime.bigint() - started) / 1000 / BATCH
    if (batch >= WARMUP_BATCHES) perCall.push(micros)
  }
  perCall.sort((a, b) => a - b)
  return perCall[Math.floor(perCall.length / 2)]
}

let sink = 0
const results = kinds.map((kind) => {
  const built = buildEvent(kind.eventName, kind.input, kind.context)
  if (!built.ok) throw new Error(`${kind.name} does not build: ${built.error.message}`)
  const payload = built.payload
  if (!validatePayload(payload).ok) throw new Error(`${kind.name} does not validate`)
  const buildMicros = timePerCall(() => {
    sink += buildEvent(kind.eventName, kind.input, kind.context).ok ? 1 : 0
  })
  const validateMicros = timePerCall(() => {
    sink += validatePayload(payload).ok ? 1 : 0
  })
  const stringifyMicros = timePerCall(() => {
    sink += JSON.stringify(payload).length
  })
  return {
    kind: kind.name,
    bytes: JSON.stringify(payload).length,
    buildMicros,
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
    `build + validate vs JSON.stringify (median of ${BATCHES} x ${BATCH} calls), Node ${process.versions.node}`,
  )
  for (const row of results) {
    console.log(
      `${row.kind.padEnd(28)} ${String(row.bytes).padStart(6)} B  build+validate ${micros(row.buildMicros)}` +
        `  validate only ${micros(row.validateMicros)}  JSON.stringify ${micros(row.stringifyMicros)}` +
        `  ratio ${row.ratio.toFixed(1)}x`,
    )
  }
}

#!/usr/bin/env node
// Main-thread cost of one tracking call in real Chromium, from call to return: median and p95 over
// 1,000 calls each of productPage and statusCart with 20 products, through the script-tag build
// (dist/es-tracker.min.js; run `pnpm build` first). A benchmark that prints figures, not a test.
//
// The page is cross-origin isolated (COOP + COEP) so that performance.now() has 5 µs resolution
// rather than 100 µs. Each call's delivery to a local 204 endpoint is awaited before the next call,
// so that every call meets the steady state of a storefront (an empty queue), not a backlog.
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { findChromium } from '../../../e2e/support/chromium.mjs'

const calls = Number(process.env.BENCH_CALLS ?? 1000)
const warmup = 200
// BENCH_BUNDLE: another build of the script tag (an unminified one, to read a profile).
const bundle = readFileSync(
  process.env.BENCH_BUNDLE ?? fileURLToPath(new URL('../dist/es-tracker.min.js', import.meta.url)),
)
const profile = process.env.BENCH_PROFILE === '1'
// --json: one JSON line with the figures as well, for the team's benchmark table.
const json = process.argv.includes('--json')
const figures = {}
const { executablePath, problem } = findChromium()
if (problem) {
  console.error(problem)
  process.exit(1)
}

const page = `<!doctype html><meta charset="utf-8"><title>bench</title>
<script>
  window.esTracker = window.esTracker || function () { (esTracker.q = esTracker.q || []).push(arguments) };
  esTracker('init', { siteId: '8A412DC', endpoint: location.origin + '/api/v2' });
</script>
<script src="/es-tracker.min.js"></script>`

const server = createServer((request, response) => {
  const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' }
  if (request.method === 'POST') {
    request.resume()
    request.on('end', () => response.writeHead(204).end())
  } else if (request.url === '/es-tracker.min.js') {
    response.writeHead(200, { ...isolation, 'Content-Type': 'text/javascript' }).end(bundle)
  } else {
    response.writeHead(200, { ...isolation, 'Content-Type': 'text/html' }).end(page)
  }
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const origin = `http://127.0.0.1:${server.address().port}`

const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
})
try {
  const tab = await browser.newPage()
  await tab.goto(origin)
  await tab.waitForFunction(() => window.esTracker?.loaded === true)
  const isolated = await tab.evaluate(() => crossOriginIsolated)

  const scenarios = {
    productPage: [
      'productPage',
      { product: { productKey: '72354', price: 754, currency: 'USD', isInStock: true, tags: { color: ['red'] } } },
    ],
    'statusCart (20 products)': [
      'statusCart',
      {
        products: Array.from({ length: 20 }, (_, index) => ({
          productKey: `SKU-${index}`,
          price: 10 + index,
          quantity: 1 + (index % 3),
          currency: 'USD',
        })),
      },
    ],
  }

  console.log(
    `Chromium ${browser.version()}, ${calls} calls per event after ${warmup} warm-up calls, crossOriginIsolated: ${isolated}`,
  )
  console.log('event                       median ms   p95 ms   max ms   failed')
  const cdp = profile ? await tab.context().newCDPSession(tab) : undefined
  for (const [name, [method, input]] of Object.entries(scenarios)) {
    if (cdp) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 50 })
      await cdp.send('Profiler.start')
    }
    const { durations, failed } = await tab.evaluate(
      async ({ method, input, calls, warmup }) => {
        const durations = []
        let failed = 0
        for (let index = 0; index < warmup + calls; index++) {
          const start = performance.now()
          const result = window.esTracker(method, input)
          const elapsed = performance.now() - start
          if (index >= warmup) durations.push(elapsed)
          if (!(await result).ok) failed++
        }
        return { durations, failed }
      },
      { method, input, calls, warmup },
    )
    if (cdp) printProfile((await cdp.send('Profiler.stop')).profile)
    durations.sort((a, b) => a - b)
    const at = (quantile) => durations[Math.min(durations.length - 1, Math.floor(quantile * durations.length))]
    const format = (ms) => ms.toFixed(3).padStart(8)
    figures[name] = { medianMs: at(0.5), p95Ms: at(0.95), maxMs: durations.at(-1), calls, failed }
    console.log(
      `${name.padEnd(26)} ${format(at(0.5))} ${format(at(0.95))} ${format(durations.at(-1))} ${String(failed).padStart(8)}`,
    )
  }
  if (json) console.log(JSON.stringify({ chromium: browser.version(), crossOriginIsolated: isolated, figures }))
} finally {
  await browser.close()
  server.close()
}

/** Prints the functions that spent the most self time in a CPU profile (BENCH_PROFILE=1). */
function printProfile(cpuProfile) {
  const selfTime = new Map()
  const byId = new Map(cpuProfile.nodes.map((node) => [node.id, node]))
  const deltas = cpuProfile.timeDeltas
  cpuProfile.samples.forEach((id, index) => {
    const frame = byId.get(id).callFrame
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`
    selfTime.set(key, (selfTime.get(key) ?? 0) + (deltas[index] ?? 0))
  })
  const total = [...selfTime.values()].reduce((sum, value) => sum + value, 0)
  for (const [key, micros] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`  ${((micros / total) * 100).toFixed(1).padStart(5)}%  ${key}`)
  }
}

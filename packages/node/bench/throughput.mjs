// Throughput: events per second delivered by the node tracker against raw client loops with the same
// concurrency and the same local endpoint (its own process), over HTTP and over HTTPS (keep-alive,
// a self-signed certificate made at start), alternating every variant in each round, same run.
//   loops:    node:http keep-alive (the reference), undici request(), plain fetch
//   tracker:  its default transport (node:http), createFetchTransport(), createKyTransport(), each
//             given every event at once (a burst); and the default transport with `concurrency`
//             callers that each await one event's delivery before the next (as the loops post)
// The tracker is built as a user builds it (no transport given = the default); the certificate is
// trusted through NODE_EXTRA_CA_CERTS, as a user's private CA would be, so no client is configured
// differently for HTTPS.
// Run after `pnpm build`: node packages/node/bench/throughput.mjs [events per round] [concurrency] [rounds]
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generate } from 'selfsigned'
import { Agent, request as undiciRequest } from 'undici'
import { createFetchTransport, createKyTransport, createNodeTracker } from '../dist/index.js'
import { startEndpoint } from './startEndpoint.mjs'

// The first run makes the certificate and runs this file again with the certificate trusted.
if (!process.env.ES_TRACKER_BENCH_TLS) {
  const dir = mkdtempSync(join(tmpdir(), 'es-tracker-bench-'))
  const { private: key, cert } = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  })
  writeFileSync(join(dir, 'key.pem'), key)
  writeFileSync(join(dir, 'cert.pem'), cert)
  const env = { ...process.env, ES_TRACKER_BENCH_TLS: dir, NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem') }
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    env,
    stdio: 'inherit',
  })
  rmSync(dir, { recursive: true, force: true })
  process.exit(child.status ?? 1)
}

// --json: one JSON line with the figures as well, for the team's benchmark table (e2e/bench/run.mjs).
const json = process.argv.includes('--json')
const positional = process.argv.slice(2).filter((arg) => !arg.startsWith('--'))
const events = Number(positional[0] ?? 10_000)
const concurrency = Number(positional[1] ?? 8)
// More rounds make the median ratio steadier on a machine whose load changes from second to second.
const rounds = Number(positional[2] ?? 3)
const sc = 'CDA68358-94FB-4D83-9655-3FEB3C4114A3'
const tlsDir = process.env.ES_TRACKER_BENCH_TLS

/** What the tracker sends for `searchRequest({ search })`, built the way an integrator would by hand. */
const payload = (n) =>
  JSON.stringify({
    GeneralInfo: { eventName: 'SearchRequest', siteId: '8A412DC', datetime: Date.now(), cookies: { sc } },
    SearchRequest: { search: `query ${n}` },
  })

/** Runs `post(n)` for every event with `concurrency` workers. */
async function loop(post) {
  let next = 0
  const worker = async () => {
    while (next < events) {
      const status = await post(next++)
      if (status !== 204) throw new Error(`status ${status}`)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
}

/** The raw loops over one endpoint: each client as its documentation shows it, keep-alive on. */
function rawLoops(url) {
  const secure = url.startsWith('https:')
  const nodeAgent = new (secure ? https : http).Agent({ keepAlive: true })
  const nodeRequest = (secure ? https : http).request
  const undiciAgent = new Agent()
  const headers = { 'content-type': 'application/json' }
  return {
    'node:http loop': () =>
      loop(
        (n) =>
          new Promise((resolve, reject) => {
            const body = payload(n)
            const request = nodeRequest(
              url,
              { method: 'POST', agent: nodeAgent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
              (response) => {
                response.resume()
                response.on('end', () => resolve(response.statusCode))
              },
            )
            request.on('error', reject)
            request.end(body)
          }),
      ),
    'undici request() loop': () =>
      loop(async (n) => {
        const response = await undiciRequest(url, {
          method: 'POST',
          headers,
          body: payload(n),
          dispatcher: undiciAgent,
        })
        await response.body.dump()
        return response.statusCode
      }),
    'fetch loop': () =>
      loop(async (n) => {
        const response = await fetch(url, { method: 'POST', headers, body: payload(n) })
        await response.arrayBuffer()
        return response.status
      }),
  }
}

/**
 * The tracker with a given transport (none: its default), delivering every event once: all tracked at
 * once (a burst: every event queued in memory before most are sent), or with `callers` (the
 * concurrency) tracking one event after another each, awaiting its delivery, as the raw loops post.
 */
const tracker =
  (url, transport, { callers } = {}) =>
  async () => {
    const instance = createNodeTracker({
      siteId: '8A412DC',
      endpoint: url,
      concurrency,
      maxQueue: events,
      ...(transport ? { transport: transport() } : {}),
      onError: (error) => {
        throw error
      },
    })
    const visitor = instance.visitor({ sc })
    const track = async (n) => {
      if (!(await visitor.searchRequest({ search: `query ${n}` })).ok) throw new Error('an event was not delivered')
      return 204
    }
    if (callers) await loop(track)
    else await Promise.all(Array.from({ length: events }, (_, n) => track(n)))
    await instance.close()
  }

const variantsFor = (url) => ({
  ...rawLoops(url),
  'tracker, default transport (node:http)': tracker(url),
  'tracker, default transport, awaited one by one': tracker(url, undefined, { callers: concurrency }),
  'tracker, createFetchTransport()': tracker(url, createFetchTransport),
  'tracker, createKyTransport()': tracker(url, createKyTransport),
})

async function measure(endpoint, run) {
  const before = await endpoint.count()
  const started = performance.now()
  const cpuBefore = process.cpuUsage()
  await run()
  const cpu = process.cpuUsage(cpuBefore)
  const seconds = (performance.now() - started) / 1000
  const delivered = (await endpoint.count()) - before
  if (delivered !== events) throw new Error(`expected ${events} requests, the endpoint got ${delivered}`)
  return { rate: events / seconds, cpuMicros: (cpu.user + cpu.system) / events }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const reference = 'node:http loop'

console.log(`throughput: ${events} events per round, concurrency ${concurrency}, Node ${process.versions.node}`)
const protocols = {}
for (const protocol of ['http', 'https']) {
  const tls =
    protocol === 'https' ? { keyFile: join(tlsDir, 'key.pem'), certFile: join(tlsDir, 'cert.pem') } : undefined
  const endpoint = await startEndpoint({ tls })
  const variants = Object.entries(variantsFor(endpoint.url))
  // Warm up every path (JIT, connection pools) before measuring.
  for (const [, run] of variants) await measure(endpoint, run)
  const rows = []
  for (let round = 1; round <= rounds; round++) {
    // Each round starts one variant later, so that no variant always runs first or last, and every
    // other round goes backwards, so that no variant always follows the same one.
    const rotated = variants.map((_, index) => variants[(index + round - 1) % variants.length])
    const order = round % 2 ? rotated : rotated.reverse()
    const figures = {}
    for (const [name, run] of order) figures[name] = await measure(endpoint, run)
    // The machine's load over the last minute: a shared machine's figures move with it.
    const load = loadavg()[0]
    for (const [name, figure] of Object.entries(figures)) {
      const ratio = figure.rate / figures[reference].rate
      // The reference loop's CPU per event over this variant's: where the CPU is the limit (a loaded
      // machine), the rate ratio tends to it, and it moves less with the load than rates do.
      const cpuRatio = figures[reference].cpuMicros / figure.cpuMicros
      rows.push({ round, load, variant: name, ...figure, ratio, cpuRatio })
      console.log(
        `${protocol} round ${round} (load ${load.toFixed(1)}): ${name.padEnd(48)} ${Math.round(figure.rate).toLocaleString('en-US').padStart(7)} ev/s, ${figure.cpuMicros.toFixed(0)} µs CPU/event, ${ratio.toFixed(2)} of the node:http loop (CPU ${cpuRatio.toFixed(2)})`,
      )
    }
  }
  const medians = Object.fromEntries(
    variants.map(([name]) => {
      const mine = rows.filter((row) => row.variant === name)
      return [
        name,
        {
          rate: median(mine.map((row) => row.rate)),
          cpuMicros: median(mine.map((row) => row.cpuMicros)),
          ratio: median(mine.map((row) => row.ratio)),
          cpuRatio: median(mine.map((row) => row.cpuRatio)),
        },
      ]
    }),
  )
  const medianLoad = median(rows.map((row) => row.load))
  for (const [name, figure] of Object.entries(medians)) {
    console.log(
      `${protocol} median (load ${medianLoad.toFixed(1)}): ${name.padEnd(48)} ${Math.round(figure.rate).toLocaleString('en-US').padStart(7)} ev/s, ratio ${figure.ratio.toFixed(2)} of the node:http loop, CPU ratio ${figure.cpuRatio.toFixed(2)} (target for the default transport >= 0.80, aim 0.90)`,
    )
  }
  protocols[protocol] = { rounds: rows, medians, load: medianLoad }
  await endpoint.stop()
}
if (json) {
  console.log(
    JSON.stringify({
      bench: 'throughput',
      node: process.versions.node,
      events,
      concurrency,
      rounds,
      reference,
      protocols,
    }),
  )
}

// Throughput: events per second delivered by the node tracker against raw client loops with the same
// concurrency and the same local endpoint (its own process), over HTTP and over HTTPS (keep-alive,
// a self-signed certificate made at start), alternating every variant in each round, same run.
//   loops:    node:http keep-alive (the reference), undici request(), plain fetch
//   tracker:  its default transport (node:http), createFetchTransport(), createKyTransport()
// The tracker is built as a user builds it (no transport given = the default); the certificate is
// trusted through NODE_EXTRA_CA_CERTS, as a user's private CA would be, so no client is configured
// differently for HTTPS.
// Run after `pnpm build`: node packages/node/bench/throughput.mjs [events per round] [concurrency] [rounds]
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import { tmpdir } from 'node:os'
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

/** The tracker with a given transport (none: its default), delivering every event once. */
const tracker = (url, transport) => async () => {
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
  const results = await Promise.all(
    Array.from({ length: events }, (_, n) => visitor.searchRequest({ search: `query ${n}` })),
  )
  if (!results.every((result) => result.ok)) throw new Error('an event was not delivered')
  await instance.close()
}

const variantsFor = (url) => ({
  ...rawLoops(url),
  'tracker, default transport (node:http)': tracker(url),
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
    // Each round starts one variant later, so that no variant always runs first or last.
    const order = variants.map((_, index) => variants[(index + round - 1) % variants.length])
    const figures = {}
    for (const [name, run] of order) figures[name] = await measure(endpoint, run)
    for (const [name, figure] of Object.entries(figures)) {
      const ratio = figure.rate / figures[reference].rate
      rows.push({ round, variant: name, ...figure, ratio })
      console.log(
        `${protocol} round ${round}: ${name.padEnd(40)} ${Math.round(figure.rate).toLocaleString('en-US').padStart(7)} ev/s, ${figure.cpuMicros.toFixed(0)} µs CPU/event, ${ratio.toFixed(2)} of the node:http loop`,
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
        },
      ]
    }),
  )
  for (const [name, figure] of Object.entries(medians)) {
    console.log(
      `${protocol} median: ${name.padEnd(40)} ${Math.round(figure.rate).toLocaleString('en-US').padStart(7)} ev/s, ratio ${figure.ratio.toFixed(2)} of the node:http loop (target for the default transport >= 0.80, aim 0.90)`,
    )
  }
  protocols[protocol] = { rounds: rows, medians }
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

#!/usr/bin/env node
// `pnpm bench`: runs every benchmark of the repository, one after the other in its own process (so
// that none shares the CPU with another), and prints one table of figures against their budgets,
// with the machine they ran on. Writes the same table as Markdown to e2e/bench/latest.md.
// Run from the repository root after `pnpm build` (the root `bench` script builds first). Appends the
// headline figures of the run, with the commit, to e2e/bench/history.jsonl (one JSON line per run),
// and prints them beside the previous run's.
//
// The benchmarks it runs (each prints its own details, and one JSON line with --json):
//   packages/browser/scripts/checkSize.mjs   script-tag bundle sizes and SRI hash
//   packages/browser/bench/mainThread.mjs    main-thread cost of a tracking call in Chromium
//   e2e/bench/pageTaskTime.mjs               main-thread task time per event: script tag vs a bare fetch page
//   packages/node/bench/throughput.mjs       node tracker vs a plain fetch loop
//   packages/core/bench/buildCost.mjs        build + validate vs JSON.stringify
//   packages/node/bench/memory.mjs           peak RSS with a slow endpoint and maxQueue
//   packages/node/bench/stores.mjs           node tracker per queue store (file, Postgres ×1/2/4) vs memory; disk per event
import { execFileSync, spawn } from 'node:child_process'
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { findChromium } from '../support/chromium.mjs'
import { formatMarkdown, formatTable, rowsFrom } from './table.mjs'

const root = fileURLToPath(new URL('../../', import.meta.url))
const latestPath = fileURLToPath(new URL('./latest.md', import.meta.url))
const historyPath = fileURLToPath(new URL('./history.jsonl', import.meta.url))

/** The loader snippet of API.md ("Script tag"), as a storefront pastes it. */
const loaderSnippet = `<script>
  window.esTracker = window.esTracker || function () { (esTracker.q = esTracker.q || []).push(arguments) };
  esTracker('init', { siteId: '8A412DC' });
</script>
<script async src="/es-tracker.min.js"></script>`

/** The benchmarks, in the order they run; `args` after the script, `node` flags before it. */
const benchmarks = [
  { key: 'size', script: 'packages/browser/scripts/checkSize.mjs', args: [], allowFailure: true },
  { key: 'mainThread', script: 'packages/browser/bench/mainThread.mjs', args: [] },
  { key: 'pageTaskTime', script: 'e2e/bench/pageTaskTime.mjs', args: ['200', '7'] },
  { key: 'throughput', script: 'packages/node/bench/throughput.mjs', args: ['10000', '8', '5'] },
  { key: 'buildCost', script: 'packages/core/bench/buildCost.mjs', args: [] },
  { key: 'memory', script: 'packages/node/bench/memory.mjs', args: ['100000', '2000', '10'], node: ['--expose-gc'] },
  { key: 'stores', script: 'packages/node/bench/stores.mjs', args: ['5000', '8'] },
]

/** Runs one benchmark with --json; answers its JSON line (the last line that parses), or an error. */
function run({ script, args, node = [], allowFailure = false }) {
  return new Promise((resolve) => {
    const started = Date.now()
    // The machine's 1-minute load average at the start and the end: figures of a shared machine move with it.
    const loadAtStart = loadavg()[0]
    process.stderr.write(`\n── ${script} ${args.join(' ')} (load ${loadAtStart.toFixed(1)})\n`)
    const child = spawn(process.execPath, [...node, script, ...args, '--json'], { cwd: root })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
      process.stderr.write(chunk)
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
      process.stderr.write(chunk)
    })
    child.on('close', (code) => {
      const seconds = (Date.now() - started) / 1000
      const load = { start: loadAtStart, end: loadavg()[0] }
      const json = stdout
        .split('\n')
        .reverse()
        .map((line) => line.trim())
        .find((line) => line.startsWith('{') && parses(line))
      // checkSize exits 1 above its budget: the figures are still what the table needs.
      if (json && (code === 0 || allowFailure)) resolve({ ok: true, data: JSON.parse(json), seconds, load })
      else
        resolve({
          ok: false,
          error: `exit ${code}: ${(stderr || stdout).trim().split('\n').slice(-3).join(' / ')}`,
          seconds,
        })
    })
  })
}

function parses(line) {
  try {
    JSON.parse(line)
    return true
  } catch {
    return false
  }
}

function chromiumVersion(fromBench) {
  if (fromBench) return fromBench
  const { executablePath: executable } = findChromium()
  if (!executable) return 'unknown'
  try {
    return execFileSync(executable, ['--version'], { encoding: 'utf8' }).trim()
  } catch {
    return 'unknown'
  }
}

const startedAt = new Date()
const results = {}
for (const benchmark of benchmarks) results[benchmark.key] = await run(benchmark)

const snippetBytes = Buffer.byteLength(loaderSnippet)
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: totalmem() / 1024 ** 3,
  node: process.versions.node,
  chromium: chromiumVersion(results.mainThread.ok ? `Chromium ${results.mainThread.data.chromium}` : undefined),
  date: startedAt.toISOString().slice(0, 16).replace('T', ' '),
  seconds: (Date.now() - startedAt.getTime()) / 1000,
}
const rows = rowsFrom(results, { snippetBytes, snippetGzip: gzipSync(loaderSnippet, { level: 9 }).length })

console.log(`\n${formatTable(rows, machine)}`)
writeFileSync(latestPath, formatMarkdown(rows, machine, results))
// The repository's formatter formats Markdown too (aligned tables): write it as `pnpm lint` wants it.
try {
  execFileSync(join(root, 'node_modules/.bin/biome'), ['format', '--write', latestPath], { stdio: 'ignore' })
} catch {
  process.stderr.write('could not format latest.md with biome; run `pnpm biome format --write e2e/bench/latest.md`\n')
}
console.log(`\nwritten to ${latestPath.slice(root.length)}`)

/** The commit the run measured (`+` when the work tree has changes on top of it). */
function commit() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: root,
      encoding: 'utf8',
    })
    return dirty.trim() ? `${head}+` : head
  } catch {
    return 'unknown'
  }
}

/** The figures worth a trend, flat: `name -> number`. */
function headlineFigures() {
  const figures = {}
  const { size, mainThread, pageTaskTime, throughput, memory, stores } = results
  if (size.ok) {
    figures['gzip es-tracker.min.js'] = size.data.gzip
    for (const addon of size.data.addons ?? []) figures[`gzip ${addon.file}`] = addon.gzip
  }
  if (mainThread.ok) {
    for (const [event, figure] of Object.entries(mainThread.data.figures)) figures[`page ms ${event}`] = figure.medianMs
  }
  if (pageTaskTime.ok) {
    const { scriptTagMs, bareFetchMs, ratio } = pageTaskTime.data.figures
    figures['page task ms/event script tag'] = Number(scriptTagMs.toFixed(3))
    figures['page task ms/event bare fetch'] = Number(bareFetchMs.toFixed(3))
    figures['page task ratio script tag / bare fetch'] = Number(ratio.toFixed(3))
  }
  if (throughput.ok) {
    for (const [protocol, { medians }] of Object.entries(throughput.data.protocols)) {
      for (const [variant, figure] of Object.entries(medians)) {
        figures[`node ${protocol} ev/s ${variant}`] = Math.round(figure.rate)
        figures[`node ${protocol} ratio ${variant}`] = Number(figure.ratio.toFixed(3))
        figures[`node ${protocol} CPU µs/event ${variant}`] = Number(figure.cpuMicros.toFixed(1))
      }
    }
  }
  if (memory.ok) figures['node peak RSS MB'] = Number((memory.data.rss.peak / 1024 / 1024).toFixed(1))
  if (stores.ok) {
    for (const [variant, figure] of Object.entries(stores.data.medians)) {
      figures[`store ev/s ${variant}`] = Math.round(figure.rate)
      figures[`store ratio ${variant}`] = Number(figure.ratio.toFixed(3))
    }
    figures['store disk B/event file'] = Math.round(stores.data.disk.file.bytesPerEvent)
    figures['store disk B/event postgres'] = Math.round(stores.data.disk.postgres.bytesPerEvent)
  }
  return figures
}

const previous = existsSync(historyPath)
  ? readFileSync(historyPath, 'utf8').trim().split('\n').filter(Boolean).at(-1)
  : undefined
// Each benchmark's load average at its start and end, beside the figures it moves.
const loads = Object.fromEntries(
  Object.entries(results)
    .filter(([, result]) => result.load)
    .map(([key, { load }]) => [key, [Number(load.start.toFixed(2)), Number(load.end.toFixed(2))]]),
)
const entry = { date: startedAt.toISOString(), commit: commit(), machine, loads, figures: headlineFigures() }
appendFileSync(historyPath, `${JSON.stringify(entry)}\n`)
if (previous) {
  const before = JSON.parse(previous)
  console.log(`\nagainst the previous run (${before.commit}, ${before.date.slice(0, 16)}):`)
  for (const [name, value] of Object.entries(entry.figures)) {
    const was = before.figures?.[name]
    console.log(`  ${name}: ${value}${was === undefined ? '' : ` (was ${was})`}`)
  }
}
console.log(`appended to ${historyPath.slice(root.length)}`)
if (Object.values(results).some((result) => !result.ok)) process.exitCode = 1

#!/usr/bin/env node
// The script tag's budget check: prints the bundle's minified, gzip (-9) and brotli sizes and its
// Subresource Integrity hash, and the same for the Shopify pixel's script; fails when a bundle is over
// its budget (13,312 bytes gzip for the script tag, the 13 KiB), could break a strict CSP (`eval(` or `new Function`) or calls a library function
// newer than its ES2020 target (`Object.hasOwn`, ...). With `--deps` it also
// prints what each dependency costs, by rebuilding the bundle without it; with `--modules`, how many
// minified bytes each source file contributes (read from a source-mapped rebuild). Both use rollup
// and the root rollup.config.mjs, so run them from the repo.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const budgetBytes = 13_312
const aimBytes = 10_000
const bundlePath = fileURLToPath(new URL('../dist/es-tracker.min.js', import.meta.url))
/** The Shopify pixel script's budget: what it measured when it was added (13,4xx B), plus room to grow. */
const pixelBudgetBytes = 14_336
const pixelBundlePath = fileURLToPath(new URL('../dist/es-tracker.shopify.min.js', import.meta.url))

/** Minified, gzip and brotli sizes of a script. */
export function measure(code) {
  const bytes = Buffer.from(code)
  return {
    minified: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  }
}

/** Constructs that a strict Content-Security-Policy (no 'unsafe-eval') refuses. */
export function findEval(code) {
  return ['eval(', 'new Function'].filter((needle) => code.includes(needle))
}

/**
 * Library calls newer than ES2020 (the script tag's target: it still serves older browsers), which
 * transpiling does not lower and an editor's quick fix may bring in (`Object.hasOwn` for an own-key test).
 */
export function findNewerApis(code) {
  const calls = ['Object.hasOwn(', 'structuredClone(', '.at(', '.findLast(', '.findLastIndex(', '.replaceAll(']
  return calls.filter((needle) => code.includes(needle))
}

/** The `integrity` attribute value of a script. */
export function sriHash(code) {
  return `sha384-${createHash('sha384').update(code).digest('base64')}`
}

/**
 * What each dependency, and the eS.JS compatibility, costs: the bundle rebuilt with it replaced by an
 * empty stand-in (which keeps the bundle building), measured against the full one.
 */
async function dependencyCosts(full) {
  const { rollup } = await import('rollup')
  const configUrl = new URL('../../../rollup.config.mjs', import.meta.url)
  const { default: configs } = await import(configUrl.href)
  const config = configs.find((entry) => String(entry.output?.file ?? '').endsWith('es-tracker.min.js'))
  const empty = { code: 'export default {}', syntheticNamedExports: true }
  const parts = [
    ...['ky', 'js-cookie', 'nanoid', 'valibot', '@es-tracker/core'].map((name) => [name, name, empty]),
    ['eS.JS compatibility', './esjs/registerEsJsCommands', { code: 'export const registerEsJsCommands = () => {}' }],
  ]
  const costs = []
  for (const [dependency, source, standIn] of parts) {
    const stub = {
      name: 'stub',
      resolveId: (id) => (id === source ? '\0stub' : null),
      load: (id) => (id === '\0stub' ? standIn : null),
    }
    const bundle = await rollup({ input: config.input, plugins: [stub, ...config.plugins], onwarn: () => {} })
    const { output } = await bundle.generate({ ...config.output, file: undefined })
    const without = measure(output[0].code)
    costs.push({ dependency, gzip: full.gzip - without.gzip, minified: full.minified - without.minified })
  }
  return costs
}

/** Minified bytes of the script-tag bundle per source file, by its source map, largest first. */
async function moduleCosts() {
  const { rollup } = await import('rollup')
  const { TraceMap, originalPositionFor } = await import('@jridgewell/trace-mapping')
  const configUrl = new URL('../../../rollup.config.mjs', import.meta.url)
  const { default: configs } = await import(configUrl.href)
  const config = configs.find((entry) => String(entry.output?.file ?? '').endsWith('es-tracker.min.js'))
  const bundle = await rollup({ ...config, onwarn: () => {} })
  const { output } = await bundle.generate({ ...config.output, file: undefined, sourcemap: true })
  const { code: built, map } = output[0]
  const trace = new TraceMap(map)
  const bytes = new Map()
  built.split('\n').forEach((line, index) => {
    let source = '(rollup)'
    for (let column = 0; column < line.length; column++) {
      const found = originalPositionFor(trace, { line: index + 1, column }).source
      if (found) source = found.replace(/^(\.\.\/)+/, '').replace(/.*node_modules\//, '')
      bytes.set(source, (bytes.get(source) ?? 0) + 1)
    }
  })
  return [...bytes].sort((a, b) => b[1] - a[1])
}

const code = readFileSync(bundlePath, 'utf8')
const size = measure(code)
console.log(`dist/es-tracker.min.js: ${size.minified} B minified, ${size.gzip} B gzip -9, ${size.brotli} B brotli`)
console.log(`budget: ${budgetBytes} B gzip (aim under ${aimBytes} B): ${size.gzip <= budgetBytes ? 'within' : 'OVER'}`)
console.log(`integrity="${sriHash(code)}"`)
// The Shopify custom pixel's script (the adapter with the engine it runs on), checked the same way.
const pixelCode = readFileSync(pixelBundlePath, 'utf8')
const pixelSize = measure(pixelCode)
console.log(
  `dist/es-tracker.shopify.min.js: ${pixelSize.minified} B minified, ${pixelSize.gzip} B gzip -9, ${pixelSize.brotli} B brotli; budget ${pixelBudgetBytes} B gzip: ${pixelSize.gzip <= pixelBudgetBytes ? 'within' : 'OVER'}`,
)
console.log(`integrity="${sriHash(pixelCode)}"`)
if (process.argv.includes('--deps')) {
  // The ky and js-cookie lines are what kyLite and jsCookieLite cost: the bundle has them in those packages' places.
  for (const cost of await dependencyCosts(size)) {
    console.log(`  ${cost.dependency}: ${cost.gzip} B gzip, ${cost.minified} B minified`)
  }
}
if (process.argv.includes('--modules')) {
  // Minified bytes, not gzip: gzip is not additive over parts, but the shares are close.
  for (const [source, bytes] of await moduleCosts()) console.log(`  ${String(bytes).padStart(6)} B  ${source}`)
}
const evals = findEval(code + pixelCode)
// --json: one JSON line with the figures as well, for the team's benchmark table (e2e/bench/run.mjs).
if (process.argv.includes('--json')) {
  const shopify = { ...pixelSize, budgetBytes: pixelBudgetBytes }
  console.log(
    JSON.stringify({ bench: 'size', ...size, budgetBytes, aimBytes, integrity: sriHash(code), evals, shopify }),
  )
}
if (evals.length > 0) {
  console.error(`FAIL: the bundle contains ${evals.join(' and ')}, which a strict CSP refuses`)
  process.exitCode = 1
}
const newer = findNewerApis(code + pixelCode)
if (newer.length > 0) {
  console.error(`FAIL: the bundle calls ${newer.join(', ')}, newer than its ES2020 target`)
  process.exitCode = 1
}
if (pixelSize.gzip > pixelBudgetBytes) {
  console.error(`FAIL: the Shopify pixel script, ${pixelSize.gzip} B gzip, is over its ${pixelBudgetBytes} B budget`)
  process.exitCode = 1
}
if (size.gzip > budgetBytes) {
  console.error(`FAIL: ${size.gzip} B gzip is over the ${budgetBytes} B budget by ${size.gzip - budgetBytes} B`)
  process.exitCode = 1
}

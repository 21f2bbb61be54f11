#!/usr/bin/env node
// The script tag's budget check: prints the minified, gzip (-9) and brotli sizes and the Subresource
// Integrity hash of the script tag, of each add-on it loads and of the Shopify pixel's script, one line each; fails when a file is
// over its budget, could break a strict CSP (`eval(` or `new Function`) or calls a library function
// newer than its ES2020 target (`Object.hasOwn`, ...). With `--deps` it also
// prints what each dependency costs, by rebuilding the bundle without it; with `--modules`, how many
// minified bytes each source file contributes (read from a source-mapped rebuild). Both use rollup
// and the root rollup.config.mjs, so run them from the repo.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

/**
 * Each script file of dist with its gzip budget: the script tag, then the add-ons it loads when a page
 * uses them. `ceilingBytes`, where set, is a stopgap: the file is over its budget today (session 3
 * merged durable delivery, consent, first-party endpoints and the bridges into the engine the script
 * tag carries; issue 15 takes it back under 13,312 B and then 10,240 B). Over the budget the check
 * prints OVER and the miss; it fails the run only above the ceiling, so that growth still stops here.
 */
const budgets = [
  { file: 'es-tracker.min.js', budgetBytes: 13_312, aimBytes: 10_240, ceilingBytes: 16_384 },
  { file: 'es-tracker.esCompat.min.js', budgetBytes: 3_072, ceilingBytes: 3_328 },
  { file: 'es-tracker.dataLayer.min.js', budgetBytes: 4_608, aimBytes: 2_048 },
  { file: 'es-tracker.consentSignals.min.js', budgetBytes: 1_024 },
]
/**
 * The Shopify custom pixel's script, loaded by a pixel, not by the script tag: the adapter with the
 * whole engine it runs on, so it grows with the script tag's engine. 16,386 B gzip when this budget
 * was set.
 */
const pixelBudget = { file: 'es-tracker.shopify.min.js', budgetBytes: 17_408 }
const distPath = (file) => fileURLToPath(new URL(`../dist/${file}`, import.meta.url))

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
  const config = configs.find((entry) => String(entry.output?.file ?? '').endsWith('/es-tracker.min.js'))
  const empty = { code: 'export default {}', syntheticNamedExports: true }
  const parts = [
    ...['ky', 'js-cookie', 'nanoid', 'valibot', '@es-tracker/core'].map((name) => [name, name, empty]),
    [
      'eS.JS compatibility (its loading)',
      './esjs/registerEsJsCommands',
      { code: 'export const registerEsJsCommands = () => {}' },
    ],
    [
      'GA4 dataLayer bridge (its loading)',
      './bridges/dataLayer/registerDataLayerBridge',
      { code: 'export const registerDataLayerBridge = () => {}' },
    ],
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
  const config = configs.find((entry) => String(entry.output?.file ?? '').endsWith('/es-tracker.min.js'))
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

/** Checks one file against its budget; answers its figures, printing a line and failing the run as needed. */
function check({ file, budgetBytes, aimBytes, ceilingBytes }) {
  const code = readFileSync(distPath(file), 'utf8')
  const size = measure(code)
  const within = size.gzip <= budgetBytes
  const aim = aimBytes ? ` (aim under ${aimBytes} B)` : ''
  console.log(
    `dist/${file}: ${size.minified} B minified, ${size.gzip} B gzip -9, ${size.brotli} B brotli; budget ${budgetBytes} B gzip${aim}: ${within ? 'within' : 'OVER'}`,
  )
  console.log(`  integrity="${sriHash(code)}"`)
  // The build ships the hash beside the file (<file>.sri): it must be this file's.
  const shipped = readFileSync(distPath(`${file}.sri`), 'utf8').trim()
  if (shipped !== sriHash(code)) {
    console.error(`FAIL: dist/${file}.sri holds ${shipped}, not the file's ${sriHash(code)}`)
    process.exitCode = 1
  }
  const evals = findEval(code)
  if (evals.length > 0) {
    console.error(`FAIL: ${file} contains ${evals.join(' and ')}, which a strict CSP refuses`)
    process.exitCode = 1
  }
  const newer = findNewerApis(code)
  if (newer.length > 0) {
    console.error(`FAIL: ${file} calls ${newer.join(', ')}, newer than its ES2020 target`)
    process.exitCode = 1
  }
  if (!within) {
    const miss = `${file}: ${size.gzip} B gzip is over the ${budgetBytes} B budget by ${size.gzip - budgetBytes} B`
    if (ceilingBytes && size.gzip <= ceilingBytes) {
      console.log(`  MISS (not failing: under the ${ceilingBytes} B stopgap ceiling): ${miss}`)
    } else {
      console.error(`FAIL: ${miss}`)
      process.exitCode = 1
    }
  }
  return { file, ...size, budgetBytes, aimBytes, integrity: sriHash(code), evals, code }
}

const [base, ...addons] = budgets.map(check)
const shopify = check(pixelBudget)
if (process.argv.includes('--deps')) {
  // The ky and js-cookie lines are what kyLite and jsCookieLite cost: the bundle has them in those packages' places.
  for (const cost of await dependencyCosts(base)) {
    console.log(`  ${cost.dependency}: ${cost.gzip} B gzip, ${cost.minified} B minified`)
  }
}
if (process.argv.includes('--modules')) {
  // Minified bytes, not gzip: gzip is not additive over parts, but the shares are close.
  for (const [source, bytes] of await moduleCosts()) console.log(`  ${String(bytes).padStart(6)} B  ${source}`)
}
// --json: one JSON line with the figures as well, for the team's benchmark table (e2e/bench/run.mjs):
// the script tag's at the top level, each add-on's in `addons`, the Shopify pixel script's in `shopify`.
if (process.argv.includes('--json')) {
  const figures = ({ code: _, ...rest }) => rest
  console.log(
    JSON.stringify({ bench: 'size', ...figures(base), addons: addons.map(figures), shopify: figures(shopify) }),
  )
}

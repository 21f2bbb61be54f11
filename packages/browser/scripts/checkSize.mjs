#!/usr/bin/env node
// The script tag's budget check: prints the minified, gzip (-9) and brotli sizes and the Subresource
// Integrity hash of the script tag, of each add-on it loads and of the Shopify pixel's script, one line
// each, and under each what its areas take (model, engine, browser shell, eS.JS compatibility, read from
// the hidden source map the build writes beside it); fails when a file is over its budget, could break
// a strict CSP (`eval(` or `new Function`) or calls a library function newer than its ES2020 target
// (`Object.hasOwn`, ...). With `--modules` it also prints what each source file costs in each file
// (minified bytes, and the gzip bytes the file loses without it); with `--deps`, what each dependency
// costs the script tag, by rebuilding it without (with rollup and the root rollup.config.mjs: run it
// from the repo).
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { decodedMappings, TraceMap } from '@jridgewell/trace-mapping'

/**
 * Each script file of dist with its gzip budget: the script tag, then the add-ons it loads when a page
 * uses them. `ceilingBytes`, where set, is a stopgap: the file is over its budget today (session 3
 * merged durable delivery, consent, first-party endpoints and the bridges into the engine the script
 * tag carries; issue 15 takes it back under 13,312 B and then 10,240 B; the debug add-on took 15,960 to
 * 15,268 B, and the ceiling came down from 16,384 with it; session 4's shared option checks and the
 * engine's outage pacing, one back-off for the whole endpoint, brought it to 15,745 B, and the ceiling
 * to 15,872; session 5's shell, engine and model work took it to 14,863 B, and the ceiling to 14,976). Over the budget
 * the check prints OVER and the miss; it fails the run only above the ceiling, so that growth still
 * stops here.
 */
const budgets = [
  { file: 'es-tracker.min.js', budgetBytes: 13_312, aimBytes: 10_240, ceilingBytes: 14_976 },
  // With window.eS's set-up, which left the script tag for it (3,014 B gzip before).
  { file: 'es-tracker.esCompat.min.js', budgetBytes: 3_584 },
  // On the script tag's debug log since it stopped carrying its own (and the masking): 4,318 -> 3,408 B.
  { file: 'es-tracker.dataLayer.min.js', budgetBytes: 3_584, aimBytes: 2_048 },
  { file: 'es-tracker.consentSignals.min.js', budgetBytes: 1_024 },
  // Debug mode only (`debug: true`): the masking, and the wire model to note unknown fields with.
  { file: 'es-tracker.debug.min.js', budgetBytes: 6_144 },
]
/**
 * The Shopify custom pixel's script, loaded by a pixel, not by the script tag: the adapter with the
 * whole engine it runs on, so it grows with the script tag's engine. 16,386 B gzip when this budget
 * was set.
 */
const pixelBudget = { file: 'es-tracker.shopify.min.js', budgetBytes: 17_408 }
const distPath = (file) => fileURLToPath(new URL(`../dist/${file}`, import.meta.url))
const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url))

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

/** The `integrity` attribute value of a script (SHA-256, as the build writes it: see rollup.config.mjs). */
export function sriHash(code) {
  return `sha256-${createHash('sha256').update(code).digest('base64')}`
}

/**
 * What each dependency, and starting the add-ons, costs: the bundle rebuilt with it replaced by an
 * empty stand-in (which keeps the bundle building), measured against the full one.
 */
async function dependencyCosts(full) {
  const { rollup } = await import('rollup')
  const configUrl = new URL('../../../rollup.config.mjs', import.meta.url)
  const { default: configs } = await import(configUrl.href)
  const config = configs.find((entry) => String(entry.output?.file ?? '').endsWith('/es-tracker.min.js'))
  const empty = { code: 'export default {}', syntheticNamedExports: true }
  const parts = [
    ...['js-cookie', 'valibot', '@es-tracker/core'].map((name) => [name, name, empty]),
    [
      'add-ons started when used (esCompat, dataLayer, consentSignals: their loading)',
      './addons/startAddons',
      { code: 'export const startAddonsWhenUsed = () => {}' },
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

/**
 * The source files of a script, each with the minified code the build made of it: read from the hidden
 * source map the build writes beside the script (`<file>.map`, not in the package). A byte the map
 * gives no source for (rollup's wrapper, terser's glue) counts for the source before it on its line.
 */
export function codeBySource(code, map) {
  // Sources are relative to dist: named here from the repository's root (a dependency by its package).
  const sources = map.sources.map((source) =>
    relative(repositoryRoot, resolve(distPath('.'), source)).replace(
      /.*node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/,
      '',
    ),
  )
  const parts = new Map()
  const add = (source, text) => parts.set(source, (parts.get(source) ?? '') + text)
  const lines = code.split('\n')
  decodedMappings(new TraceMap(map)).forEach((segments, index) => {
    const line = lines[index] ?? ''
    let source = '(rollup)'
    let from = 0
    for (const [column, sourceIndex] of segments) {
      add(source, line.slice(from, column))
      if (sourceIndex !== undefined) source = sources[sourceIndex]
      from = column
    }
    add(source, `${line.slice(from)}\n`)
  })
  return parts
}

/**
 * The areas of the code (issue 14): each source file belongs to the first area whose test it passes, so
 * that growth shows where it happens. The model is core's payload model (schemas, validation, events,
 * errors, endpoints); the engine is core's delivery; the browser shell is the platform's code around them.
 */
export const areas = [
  {
    name: 'eS.JS compatibility',
    test: (source) =>
      /packages\/(core|browser)\/src\/esjs\/|\/fromEsJs\.ts$|\/lenientValues\.ts$|\/esJsBody\.ts$/.test(source),
  },
  { name: 'engine', test: (source) => source.startsWith('packages/core/src/engine/') },
  { name: 'model', test: (source) => source.startsWith('packages/core/src/') },
  { name: 'browser shell', test: (source) => source.startsWith('packages/browser/src/') },
  { name: 'other', test: () => true },
]

/**
 * Each area's share of a script: its minified bytes, and its gzip bytes alone (its code compressed
 * by itself; the areas' gzip sizes add up to more than the file's, as each loses the others' context).
 */
export function areaSizes(parts) {
  const code = new Map(areas.map(({ name }) => [name, '']))
  for (const [source, text] of parts) {
    const { name } = areas.find((area) => area.test(source))
    code.set(name, code.get(name) + text)
  }
  return [...code]
    .filter(([, text]) => text.length > 0)
    .map(([name, text]) => ({ area: name, minified: Buffer.byteLength(text), gzip: measure(text).gzip }))
}

/**
 * What each source file costs in a script, largest first: its minified bytes, and the gzip bytes the
 * file loses without them (the script compressed with that file's code cut out).
 */
export function sourceCosts(code, parts) {
  const total = measure(code).gzip
  return [...parts]
    .map(([source, text]) => {
      const without = [...parts].map(([other, otherText]) => (other === source ? '' : otherText)).join('')
      return { source, minified: Buffer.byteLength(text), gzip: total - measure(without).gzip }
    })
    .sort((a, b) => b.gzip - a.gzip)
}

const readMap = (file) => JSON.parse(readFileSync(distPath(`${file}.map`), 'utf8'))

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
  const parts = codeBySource(code, readMap(file))
  const sizes = areaSizes(parts)
  const figures = sizes.map(({ area, gzip, minified }) => `${area} ${gzip} B (${minified} B minified)`)
  console.log(`  by area, gzip alone: ${figures.join(' | ')}`)
  if (process.argv.includes('--modules')) {
    // Minified bytes, and the gzip bytes the file would lose without that source's code.
    for (const { source, minified, gzip } of sourceCosts(code, parts)) {
      console.log(`    ${String(gzip).padStart(6)} B gzip ${String(minified).padStart(6)} B minified  ${source}`)
    }
  }
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
  return { file, ...size, budgetBytes, aimBytes, areas: sizes, integrity: sriHash(code), evals, code }
}

const [base, ...addons] = budgets.map(check)
const shopify = check(pixelBudget)
if (process.argv.includes('--deps')) {
  // The js-cookie line is what jsCookieLite costs: the bundle has it in that package's place.
  for (const cost of await dependencyCosts(base)) {
    console.log(`  ${cost.dependency}: ${cost.gzip} B gzip, ${cost.minified} B minified`)
  }
}
// --json: one JSON line with the figures as well, for the team's benchmark table (e2e/bench/run.mjs):
// the script tag's at the top level, each add-on's in `addons`, the Shopify pixel script's in `shopify`.
if (process.argv.includes('--json')) {
  const figures = ({ code: _, ...rest }) => rest
  console.log(
    JSON.stringify({ bench: 'size', ...figures(base), addons: addons.map(figures), shopify: figures(shopify) }),
  )
}

// One build for every package: ESM + bundled .d.ts per package, plus the browser's script-tag IIFE.
// TypeScript is only transpiled here (isolated modules); `pnpm typecheck` does the type checking.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import nodeResolve from '@rollup/plugin-node-resolve'
import terser from '@rollup/plugin-terser'
import { dts } from 'rollup-plugin-dts'
import ts from 'typescript'

const root = (path) => fileURLToPath(new URL(path, import.meta.url))
const manifest = (name) => JSON.parse(readFileSync(root(`packages/${name}/package.json`), 'utf8'))

/** Transpiles .ts files with TypeScript's own compiler, one module at a time. */
function transpileTypeScript() {
  return {
    name: 'transpile-typescript',
    transform(code, id) {
      if (!id.endsWith('.ts') || id.endsWith('.d.ts')) return null
      const { outputText, sourceMapText } = ts.transpileModule(code, {
        fileName: id,
        compilerOptions: {
          target: ts.ScriptTarget.ES2020,
          module: ts.ModuleKind.ESNext,
          verbatimModuleSyntax: true,
          sourceMap: true,
        },
      })
      return { code: outputText, map: sourceMapText }
    },
  }
}

/** Resolves sibling workspace packages to their TypeScript source (used where they are bundled in). */
function workspaceSource() {
  return {
    name: 'workspace-source',
    resolveId(source) {
      if (source === '@es-tracker/core/internal') return root('packages/core/src/internal.ts')
      const match = /^@es-tracker\/(core|browser|node|collector)$/.exec(source)
      return match ? root(`packages/${match[1]}/src/index.ts`) : null
    },
  }
}

const isExternalFor = (name) => {
  const { dependencies = {}, peerDependencies = {} } = manifest(name)
  const names = [...Object.keys(dependencies), ...Object.keys(peerDependencies)]
  return (id) => id.startsWith('node:') || names.some((dep) => id === dep || id.startsWith(`${dep}/`))
}

/** ESM build for one package's entry points, and bundled declarations for those in `typed`. */
function packageBuild(name, entries = { index: 'src/index.ts' }, typed = ['index']) {
  const input = Object.fromEntries(
    Object.entries(entries).map(([key, file]) => [key, root(`packages/${name}/${file}`)]),
  )
  const external = isExternalFor(name)
  return [
    {
      input,
      external,
      plugins: [transpileTypeScript(), nodeResolve({ extensions: ['.ts', '.js'] })],
      output: {
        dir: root(`packages/${name}/dist`),
        format: 'esm',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
    {
      input: Object.fromEntries(typed.map((key) => [key, input[key]])),
      external,
      plugins: [dts({ tsconfig: root('tsconfig.base.json') })],
      output: {
        dir: root(`packages/${name}/dist`),
        format: 'esm',
        entryFileNames: '[name].d.ts',
        chunkFileNames: 'chunks/[name]-[hash].d.ts',
      },
    },
  ]
}

/** The script tag's add-ons: each `src/addons/<name>.ts` becomes `dist/es-tracker.<name>.min.js`. */
const addonNames = ['esCompat', 'consentSignals', 'debug', 'dataLayer']
const browserDist = (file) => root(`packages/browser/dist/${file}`)

/**
 * The `sha256-...` Subresource Integrity value of a file's bytes. SHA-256 rather than SHA-384: browsers
 * accept both (the SRI spec requires sha256, sha384 and sha512), and a pin is broken only by a second
 * file with the same hash (a second preimage, 2^256 work for SHA-256; no collision helps, as the file
 * pinned is ours), so the longer hash buys no protection; each hash the script tag carries for an
 * add-on is 20 characters shorter, and random, which gzip cannot shrink.
 */
const sriOf = (bytes) => `sha256-${createHash('sha256').update(bytes).digest('base64')}`

/**
 * Writes `<file>.sri` beside each script file: its `integrity` value, shipped in the package so that
 * whoever serves the file can pin it without running anything of this repository.
 */
function sriFile() {
  return {
    name: 'sri-file',
    writeBundle({ file }) {
      writeFileSync(`${file}.sri`, `${sriOf(readFileSync(file))}\n`)
    },
  }
}

/** A script-tag IIFE build: everything bundled, minified, no `eval`. */
function scriptBuild(input, file, plugins = []) {
  return {
    input: root(input),
    plugins: [
      ...plugins,
      workspaceSource(),
      // jsCookieLite takes js-cookie's place here: the subset the `sc` source uses, about 0.3 KB gzip
      // less (see jsCookieLite.ts).
      {
        name: 'lite-dependencies',
        resolveId: (source) => (source === 'js-cookie' ? root('packages/browser/src/visitor/jsCookieLite.ts') : null),
      },
      // A script build runs in a browser only (a page; a Shopify pixel's sandbox frame or worker, which
      // has `navigator` and `fetch`): isScriptTag is true here, so that what only Node or SSR reach goes
      // (see buildTarget.ts).
      {
        name: 'script-tag-target',
        load: (id) =>
          id === root('packages/browser/src/buildTarget.ts') ? 'export const isScriptTag: boolean = true\n' : null,
      },
      transpileTypeScript(),
      nodeResolve({ browser: true, extensions: ['.ts', '.js'] }),
      // passes 5: the same safe transforms run to a fixed point (3 -> 5 passes: about 90 B gzip less);
      // hoist_funs: function declarations first (about 20 B gzip less). No pure_getters (it may drop a
      // property read that throws on hostile input) and no property mangling.
      terser({
        ecma: 2020,
        compress: { passes: 5, unsafe_arrows: true, hoist_funs: true },
        format: { comments: false },
      }),
      sriFile(),
    ],
    // A hidden source map (no `sourceMappingURL` comment, not in the package): the size check reads it
    // to say how many bytes each area and source file takes (packages/browser/scripts/checkSize.mjs).
    output: { file: browserDist(file), format: 'iife', name: undefined, strict: true, sourcemap: 'hidden' },
  }
}

/**
 * Builds the add-ons' hashes into the script tag (addonIntegrity.ts), read from the add-on files the
 * builds before this one wrote: what the script tag pins is exactly what dist holds.
 */
function addonIntegrity() {
  const id = root('packages/browser/src/addons/addonIntegrity.ts')
  return {
    name: 'addon-integrity',
    load(loaded) {
      if (loaded !== id) return null
      const hashes = Object.fromEntries(
        addonNames.map((name) => {
          const file = browserDist(`es-tracker.${name}.min.js`)
          if (!existsSync(file)) this.error(`${file} is missing: the add-ons build before the script tag`)
          return [name, sriOf(readFileSync(file))]
        }),
      )
      return `export const addonIntegrity = ${JSON.stringify(hashes)}\n`
    },
  }
}

/** The add-ons, then the script tag that registers `window.esTracker` and loads them. */
const scriptTagBuilds = [
  ...addonNames.map((name) => scriptBuild(`packages/browser/src/addons/${name}.ts`, `es-tracker.${name}.min.js`)),
  scriptBuild('packages/browser/src/scriptTag.ts', 'es-tracker.min.js', [addonIntegrity()]),
]
/** The Shopify custom pixel's script: registers `esTrackerShopify` in the pixel's sandbox. */
const shopifyPixelBuild = scriptBuild('packages/browser/src/shopifyPixel.ts', 'es-tracker.shopify.min.js')

export default [
  ...packageBuild('core', { index: 'src/index.ts', internal: 'src/internal.ts' }, ['index', 'internal']),
  // `@es-tracker/browser/datalayer`: the GA4 bridge, an entry of its own so that the main one never carries it.
  // `@es-tracker/browser/shopify`: the Shopify web pixel adapter, likewise.
  ...packageBuild('browser', { index: 'src/index.ts', datalayer: 'src/datalayer.ts', shopify: 'src/shopify.ts' }, [
    'index',
    'datalayer',
    'shopify',
  ]),
  ...scriptTagBuilds,
  shopifyPixelBuild,
  // The Postgres store is a subpath of its own (`pg` is an optional peer dependency), and the relay a bin.
  ...packageBuild(
    'node',
    { index: 'src/index.ts', postgres: 'src/postgres/index.ts', relay: 'src/relay/relayCli.ts' },
    ['index', 'postgres'],
  ),
  ...packageBuild('collector', { index: 'src/index.ts', cli: 'src/cli.ts' }),
]

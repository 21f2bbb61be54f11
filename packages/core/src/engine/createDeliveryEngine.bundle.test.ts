// The page's engine as the script tag carries it: built with the script tag's own rollup plugins
// (minifier included), it must hold none of what createTrackerEngine composes in for a server.
import { fileURLToPath, pathToFileURL } from 'node:url'
import { rollup } from 'rollup'
import { describe, expect, it } from 'vitest'

const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url))
const engineModule = fileURLToPath(new URL('./createTrackerEngine.ts', import.meta.url))
const entryId = '\0page-engine-entry'

/** The page's engine, bundled and minified as in `dist/es-tracker.min.js`. */
async function bundlePageEngine(): Promise<string> {
  const { default: configs } = await import(pathToFileURL(`${repositoryRoot}rollup.config.mjs`).href)
  const scriptTag = configs.find((config: { output?: { file?: string } }) =>
    config.output?.file?.endsWith('/es-tracker.min.js'),
  )
  const entry = {
    name: 'page-engine-entry',
    resolveId: (source: string) => (source === entryId ? entryId : null),
    // Called once, as createBrowserTracker calls it, with options the bundle cannot see through.
    load: (id: string) =>
      id === entryId
        ? `import { createDeliveryEngine } from ${JSON.stringify(engineModule)}\nglobalThis.engine = createDeliveryEngine(globalThis.engineOptions)\n`
        : null,
  }
  const bundle = await rollup({
    ...scriptTag,
    input: entryId,
    plugins: [entry, ...scriptTag.plugins],
    onwarn: () => {},
  })
  const { output } = await bundle.generate({ format: 'iife', strict: true })
  await bundle.close()
  return output[0].code
}

describe('createDeliveryEngine', () => {
  it('should carry none of a server engine’s capabilities when the script tag bundles it', async () => {
    const code = await bundlePageEngine()
    // It is the engine: it sends, backs off and replays.
    expect(code).toContain('expired unsent')
    expect(code).toContain('.takeOver(')
    // The hooks a server's capabilities fill in (DeliveryExtension) are dropped with them ...
    expect(code).not.toMatch(/\.(persist|wrote|limit|measured|refuseRetry|resumed)\b/)
    // ... and so are their rules: transactions, asynchronous store writes, outage pacing, close.
    for (const serverOnly of ['createPostgresStore', 'the store could not write it', 'close() gave up', 'waitMs']) {
      expect(code).not.toContain(serverOnly)
    }
  }, 60_000)
})

import { fileURLToPath } from 'node:url'
import type { Plugin, RollupOptions } from 'rollup'
import { rollup } from 'rollup'
import { describe, expect, it } from 'vitest'

const source = (file: string) => fileURLToPath(new URL(`./${file}`, import.meta.url))

/** Bundles `code` as an app would, with the plugins and externals of the package's own ESM build. */
async function bundleApp(code: string): Promise<string> {
  const configUrl = new URL('../../../rollup.config.mjs', import.meta.url)
  const { default: configs } = (await import(configUrl.href)) as { default: RollupOptions[] }
  const esmBuild = configs.find((config) => Object.keys(Object(config.input)).includes('datalayer'))!
  const app: Plugin = {
    name: 'app',
    resolveId: (id) => (id === 'app' ? id : null),
    load: (id) => (id === 'app' ? code : null),
  }
  const bundle = await rollup({
    input: 'app',
    external: esmBuild.external,
    plugins: [app, ...(esmBuild.plugins as Plugin[])],
    onwarn: () => {},
  })
  const { output } = await bundle.generate({ format: 'esm' })
  return output.map((chunk) => ('code' in chunk ? chunk.code : '')).join('\n')
}

describe('@es-tracker/browser/datalayer', () => {
  it('should do nothing and throw nothing outside a page (Node, SSR)', async () => {
    const { bridgeDataLayer } = await import('./datalayer')
    const { createBrowserTracker } = await import('./index')
    const bridge = bridgeDataLayer(createBrowserTracker({ siteId: 'S' }))
    expect(() => bridge.stop()).not.toThrow()
    expect('dataLayer' in globalThis).toBe(false)
  })

  it('should be left out of a bundle that imports only the main entry, and be in one that imports it', async () => {
    const mainOnly = await bundleApp(
      `import { createBrowserTracker } from '${source('index.ts')}'\ncreateBrowserTracker({ siteId: 'S' })`,
    )
    const withBridge = await bundleApp(
      `import { createBrowserTracker } from '${source('index.ts')}'\nimport { bridgeDataLayer } from '${source('datalayer.ts')}'\nbridgeDataLayer(createBrowserTracker({ siteId: 'S' }))`,
    )
    expect(mainOnly).toContain('function createBrowserTracker')
    for (const part of ['view_search_results', 'function bridgeDataLayer', 'function createCartMirror'])
      expect([mainOnly.includes(part), withBridge.includes(part)]).toEqual([false, true])
    // Two whole rollup builds: seconds on a quiet machine, more on a loaded one.
  }, 90_000)
})

// `import '@es-tracker/browser/es-tracker.min.js'` in an app bundled with rollup (node-resolve reads
// the package's `sideEffects`, as webpack and esbuild do): the bundle keeps the script tag, and the
// bundled page tracks. With the file not listed in `sideEffects` the same build drops it silently.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import nodeResolve from '@rollup/plugin-node-resolve'
import { type Plugin, rollup } from 'rollup'
import { expect, test } from '../fixtures'
import { esTracker, openScriptTag, scriptTagUrl, watchPageErrors } from '../pages/browser/helpers'

const app = fileURLToPath(new URL('../pages/bundler/app.js', import.meta.url))
const scriptTag = readFileSync(
  fileURLToPath(new URL('../../packages/browser/dist/es-tracker.min.js', import.meta.url)),
  'utf8',
)

/** Bundles the app; `plugins` come first (to override what the package says). */
async function bundle(plugins: Plugin[] = []): Promise<string> {
  const build = await rollup({ input: app, plugins: [...plugins, nodeResolve({ browser: true })], onwarn: () => {} })
  const { output } = await build.generate({ format: 'iife' })
  return output[0].code
}

test.describe('bundling the script tag', () => {
  test('should keep the imported script tag in an app bundle, and the bundled page should track', async ({
    page,
    site,
    collector,
  }) => {
    const code = await bundle()
    // The whole script tag (rollup reformats it a little), not an empty module.
    expect(code.length).toBeGreaterThan(scriptTag.length * 0.95)
    expect(code).toContain("esTracker('init') called again; the first options stay")
    // Control: the same build with the package's file treated as side-effect free drops it.
    const dropped = await bundle([
      {
        name: 'side-effect-free',
        async resolveId(source, importer) {
          if (!source.endsWith('es-tracker.min.js')) return null
          const resolved = await this.resolve(source, importer, { skipSelf: true })
          return resolved && { ...resolved, moduleSideEffects: false }
        },
      },
    ])
    expect(dropped.length).toBeLessThan(1000)

    // The README's script-tag page, with the app bundle served where the script tag would be.
    const pageErrors = watchPageErrors(page)
    await page.route('**/dist/es-tracker.min.js', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: code }),
    )
    await openScriptTag(page, scriptTagUrl(site, collector))
    expect(await esTracker(page, 'categoryPage', { categoryKey: 'Bundled' })).toEqual({ ok: true })
    const [event] = await collector.waitForEvents(1)
    expect(event?.eventName).toBe('CategoryPage')
    expect(event?.valid).toBe(true)
    expect(pageErrors).toEqual([])
  })
})

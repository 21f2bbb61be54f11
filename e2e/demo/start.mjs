// `npm run demo` (`pnpm demo:serve` after a build): the collector and the demo storefront, side by side, until Ctrl-C.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { startCollector } from '@es-tracker/collector'
import { demoConfigScript } from '../support/demoConfig.mjs'
import { startStaticServer } from '../support/staticServer.mjs'

const demoDir = fileURLToPath(new URL('./', import.meta.url))
const browserDist = fileURLToPath(new URL('../../packages/browser/dist/', import.meta.url))
const host = process.env.DEMO_HOST ?? '127.0.0.1'
const TRIES = 20

if (!existsSync(`${browserDist}es-tracker.min.js`)) {
  console.error('packages/browser/dist/es-tracker.min.js is missing: run `pnpm build` first (or `pnpm demo`).')
  process.exit(1)
}

/** Starts a server on `port`, or on the next free port up to TRIES later, saying which port it took instead. */
async function onFreePort(port, start, what) {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const server = await start(port + attempt)
      if (attempt > 0) console.log(`  port ${port} is taken: the ${what} uses port ${port + attempt} instead`)
      return server
    } catch (error) {
      if (error?.code !== 'EADDRINUSE' || attempt >= TRIES - 1) throw error
    }
  }
}

const collector = await onFreePort(
  Number(process.env.COLLECTOR_PORT ?? 4700),
  (port) => startCollector({ port, host }),
  'collector',
)
const config = (mode) => () => demoConfigScript({ endpoint: collector.endpoint, collectorUrl: collector.url, mode })
const shop = await onFreePort(
  Number(process.env.DEMO_PORT ?? 4800),
  (port) =>
    startStaticServer({
      port,
      host,
      // The same shop twice: calling the tracker itself at /, and only pushing GA4 events at /ga4/.
      mounts: [
        { prefix: '/', dir: demoDir },
        { prefix: '/ga4/', dir: demoDir },
        { prefix: '/dist/', dir: browserDist },
      ],
      routes: { '/config.js': config('direct'), '/ga4/config.js': config('ga4') },
    }),
  'storefront',
)

console.log(`
  es-tracker demo is running

    Storefront       ${shop.origin}/
    GA4 storefront   ${shop.origin}/ga4/   (GA4 dataLayer pushes only, read by the dataLayer option)
    Collector page   ${collector.url}/
    Endpoint         ${collector.endpoint}

  Click through the shop and watch each event arrive on the collector page.
  Press Ctrl-C to stop.
`)

// Ctrl-C reaches every process of the terminal's job (npm, pnpm, their shells, this one): this one
// closes both servers and exits 0. The package scripts start it with `exec` (`demo:serve`) so that
// no shell waits in between: Debian's sh (dash) dies of the SIGINT itself even when its child exits
// 0, and pnpm then prints `ELIFECYCLE Command failed` (e2e/tests/firstRun.spec.ts).
let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  await Promise.all([shop.close(), collector.close()])
  console.log('  demo stopped')
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)

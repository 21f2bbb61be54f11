// Seeded random soak of the built script tag (issue 17): tabs opening and closing, reloads, half the
// answers failing (503s and resets), wall-clock jumps, against the collector on its own origin. Every
// event carries an id; at the end the endpoint recovers, one tab stays open, and the soak prints how
// many events were lost and how many arrived twice. Bounded: EVENTS events (default 1,200), then at
// most 3 minutes of recovery. Not part of the test run: `pnpm soak` (builds first).
//
//   node bench/soak.mjs [--events 1200] [--seed 17]
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { startCollector } from '@es-tracker/collector'
import { chromium } from '@playwright/test'
import { startStaticServer } from '../support/staticServer.mjs'

const { values } = parseArgs({ options: { events: { type: 'string' }, seed: { type: 'string' } } })
const EVENTS = Number(values.events ?? 1200)
const SEED = Number(values.seed ?? 17)
const MAX_TABS = 4
const RECOVERY_MS = 180_000

/** Mulberry32: the soak's moves repeat for one seed (the browser's timing does not). */
function seeded(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const random = seeded(SEED)
const pick = (n) => Math.floor(random() * n)
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

const collector = await startCollector({ port: 0 })
const site = await startStaticServer({
  mounts: [
    { prefix: '/', dir: fileURLToPath(new URL('../', import.meta.url)) },
    { prefix: '/dist/', dir: fileURLToPath(new URL('../../packages/browser/dist/', import.meta.url)) },
  ],
})
const executablePath =
  process.env.ES_TRACKER_CHROMIUM || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] })
const context = await browser.newContext()
const url = (visit) =>
  site.url(
    `/pages/hostile/script-tag.html?${new URLSearchParams({ endpoint: collector.endpoint, siteId: 'SOAK1', visit })}`,
  )

const ready = (page) => page.waitForFunction(() => window.esTracker?.loaded === true, null, { timeout: 30_000 })
async function openTab() {
  const page = await context.newPage()
  await page.goto(url(`open-${pick(1e6)}`))
  await ready(page)
  return page
}
/** Moves the page's wall clock (Date.now); performance.now and timers run on. */
const jumpClock = (page, ms) =>
  page.evaluate((ms) => {
    window.realNow ??= Date.now.bind(Date)
    window.wallOffset = (window.wallOffset ?? 0) + ms
    Date.now = () => window.realNow() + window.wallOffset
  }, ms)

const sent = []
const moves = { track: 0, open: 0, close: 0, reload: 0, navigate: 0, clockJump: 0 }
const started = Date.now()
collector.faults.set({ failRate: 0.5, seed: SEED })
const tabs = [await openTab(), await openTab()]
let next = 0
while (next < EVENTS) {
  const roll = random()
  try {
    if (roll < 0.6 || tabs.length === 0) {
      if (tabs.length === 0) tabs.push(await openTab())
      const tab = tabs[pick(tabs.length)]
      const ids = Array.from({ length: Math.min(1 + pick(12), EVENTS - next) }, () => `S-${next++}`)
      await tab.evaluate((ids) => {
        for (const id of ids) void window.esTracker('customEvent', { name: 'soak', tags: { id } })
      }, ids)
      sent.push(...ids)
      moves.track++
    } else if (roll < 0.7 && tabs.length < MAX_TABS) {
      tabs.push(await openTab())
      moves.open++
    } else if (roll < 0.8 && tabs.length > 1) {
      const [tab] = tabs.splice(pick(tabs.length), 1)
      await tab.close()
      moves.close++
    } else if (roll < 0.88) {
      const tab = tabs[pick(tabs.length)]
      await tab.reload()
      await ready(tab)
      moves.reload++
    } else if (roll < 0.94) {
      const tab = tabs[pick(tabs.length)]
      await tab.goto(url(`nav-${pick(1e6)}`))
      await ready(tab)
      moves.navigate++
    } else {
      // A day forward or back, or a week forward: no event may expire or change hands for it.
      const tab = tabs[pick(tabs.length)]
      await jumpClock(tab, [86_400_000, -86_400_000, 7 * 86_400_000][pick(3)])
      moves.clockJump++
    }
  } catch (error) {
    console.error(`move failed (${String(error).split('\n')[0]}); going on`)
  }
  await sleep(50 + pick(400))
}
const trackedMs = Date.now() - started

// The endpoint recovers; one tab stays (or opens) and delivers what is left.
collector.faults.clear()
if (tabs.length === 0) tabs.push(await openTab())
for (const tab of tabs.slice(1)) await tab.close()
const survivor = tabs[0]
await survivor.evaluate(() => dispatchEvent(new Event('online')))
const idOf = (event) => event.payload?.CustomEvent?.Tags?.id?.[0]
const deadline = Date.now() + RECOVERY_MS
const sentSet = new Set(sent)
for (;;) {
  const got = new Set(collector.events().map(idOf))
  if ([...sentSet].every((id) => got.has(id)) || Date.now() > deadline) break
  await sleep(500)
}
// Late duplicates (a replay of something delivered) would arrive by now.
await sleep(5_000)
const ids = collector.events().map(idOf)
const counts = new Map()
for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1)
const lost = sent.filter((id) => !counts.has(id))
const duplicated = [...counts.values()].reduce((sum, count) => sum + Math.max(0, count - 1), 0)
const failed = collector.faults.state().failed
console.log(
  JSON.stringify({
    seed: SEED,
    sent: sent.length,
    delivered: counts.size,
    lost: lost.length,
    duplicated,
    injectedFailures: failed,
    moves,
    trackingSeconds: Math.round(trackedMs / 1000),
    totalSeconds: Math.round((Date.now() - started) / 1000),
  }),
)
console.log(`soak: sent ${sent.length}, lost ${lost.length}, duplicated ${duplicated}`)
if (lost.length) console.log(`lost: ${lost.slice(0, 50).join(' ')}`)
await browser.close()
await site.close()
await collector.close()
process.exitCode = lost.length === 0 ? 0 : 1

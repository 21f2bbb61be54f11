#!/usr/bin/env node
// Total main-thread time per event in real Chromium: everything the page's main thread does for one
// tracked event (the call, the deferred build and checks, storage, the request and its answer), read
// from Chrome's own task accounting (CDP `Performance.getMetrics` TaskDuration, in the main thread's
// CPU time). Three pages, each
// warmed up, then measured in alternating rounds of the same run:
//   empty page        the driver alone: it calls a function that does nothing
//   bare fetch page   one `fetch` POST of the same JSON per event (keepalive, as the tracker sends)
//   script-tag page   the README's script tag (dist/es-tracker.min.js), `productPage` per event
// The cost per event of a page is its task time minus the empty page's, over the same number of
// events; the figure is the script tag's cost against the bare fetch's (target: at most 1.3x).
// Each event's delivery to the local 204 endpoint is awaited before the next, as a storefront's
// events come one at a time. Each round prints the machine's load average beside its figures (a
// shared machine's load moves the figures; the ratio, within a round, much less), and the figures
// are the medians of the rounds.
// BENCH_COMPARE_BUNDLE=<file>: a fourth page, the script tag of another build (e.g. the one before a
// change, copied aside), measured in the same alternating rounds: a before/after in one run.
// Run after `pnpm build`: node e2e/bench/pageTaskTime.mjs [events] [rounds]
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'
import { findChromium } from '../support/chromium.mjs'
import { pages, warmupEvents } from './pages.mjs'

const json = process.argv.includes('--json')
const positional = process.argv.slice(2).filter((arg) => !arg.startsWith('--'))
const events = Number(positional[0] ?? 200)
const rounds = Number(positional[1] ?? 7)
const target = 1.3
const bundle = readFileSync(fileURLToPath(new URL('../../packages/browser/dist/es-tracker.min.js', import.meta.url)))
const compareBundle = process.env.BENCH_COMPARE_BUNDLE ? readFileSync(process.env.BENCH_COMPARE_BUNDLE) : undefined
const comparePage = 'script tag (compare)'
const pagesRun = compareBundle
  ? { ...pages, [comparePage]: pages['script tag'].replace('/es-tracker.min.js', '/compare.min.js') }
  : pages

const server = createServer((request, response) => {
  if (request.method === 'POST') {
    request.resume()
    request.on('end', () => response.writeHead(204).end())
  } else if (request.url === '/es-tracker.min.js' || (compareBundle && request.url === '/compare.min.js')) {
    const script = request.url === '/es-tracker.min.js' ? bundle : compareBundle
    response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script)
  } else {
    const name = decodeURIComponent(request.url.slice(1))
    const body = pagesRun[name]
    if (body === undefined) response.writeHead(404).end()
    else response.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html><title>${name}</title>${body}`)
  }
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const origin = `http://127.0.0.1:${server.address().port}`

const { executablePath, problem } = findChromium()
if (problem) {
  console.error(problem)
  process.exit(1)
}
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
})

/** Runs `count` events on a tab, one after the other; answers the main thread's task time they took, in ms. */
async function run(tab, count) {
  const before = await taskSeconds(tab)
  const delivered = await tab.page.evaluate(async (count) => {
    let delivered = 0
    for (let index = 0; index < count; index++) if (await window.trackOne()) delivered++
    return delivered
  }, count)
  if (delivered !== count) throw new Error(`${tab.name}: ${count - delivered} of ${count} events not delivered`)
  // Work a page leaves for later (a deferred build, storage writes) belongs to the events too.
  await tab.page.waitForTimeout(300)
  return ((await taskSeconds(tab)) - before) * 1000
}

async function taskSeconds(tab) {
  const { metrics } = await tab.cdp.send('Performance.getMetrics')
  return metrics.find((metric) => metric.name === 'TaskDuration').value
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

try {
  const tabs = []
  for (const name of Object.keys(pagesRun)) {
    // browser.newPage() gives each page a context of its own: no page sees another's localStorage or
    // its `storage` events, so that one tracker page's writes cost no other page anything.
    const page = await browser.newPage()
    await page.goto(`${origin}/${encodeURIComponent(name)}`)
    await page.waitForFunction(() => typeof window.trackOne === 'function')
    const cdp = await page.context().newCDPSession(page)
    // Thread ticks: the main thread's CPU time, so that time spent descheduled on a loaded machine
    // is not counted as the page's work.
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' })
    tabs.push({ name, page, cdp })
  }
  for (const tab of tabs) await run(tab, warmupEvents)

  console.log(
    `Chromium ${browser.version()}: main-thread task time per event, ${rounds} alternating rounds x ${events} events per page`,
  )
  const perRound = []
  for (let round = 1; round <= rounds; round++) {
    // Half way, the two script-tag tabs swap builds (each loads the other's page and warms up again):
    // a tab (its renderer process) of its own can be steadily faster or slower than another.
    if (compareBundle && round === Math.floor(rounds / 2) + 1) {
      const [mine, other] = [
        tabs.find((tab) => tab.name === 'script tag'),
        tabs.find((tab) => tab.name === comparePage),
      ]
      ;[mine.name, other.name] = [other.name, mine.name]
      for (const tab of [mine, other]) {
        await tab.page.goto(`${origin}/${encodeURIComponent(tab.name)}`)
        await tab.page.waitForFunction(() => typeof window.trackOne === 'function')
        await run(tab, warmupEvents)
      }
      console.log('the two script-tag tabs swapped builds')
    }
    // Each round starts with another page, so that none always runs first, and every other round goes
    // backwards, so that no page always follows the same one (a page's work can spill into the next).
    const rotated = tabs.map((_, index) => tabs[(index + round - 1) % tabs.length])
    const order = round % 2 ? rotated : rotated.reverse()
    const ms = {}
    for (const tab of order) ms[tab.name] = await run(tab, events)
    const net = (name) => (ms[name] - ms.empty) / events
    const [scriptTag, bareFetch] = [net('script tag'), net('bare fetch')]
    const load = loadavg()[0]
    const row = { round, load, empty: ms.empty / events, scriptTag, bareFetch, ratio: scriptTag / bareFetch }
    if (compareBundle) Object.assign(row, { compare: net(comparePage), compareRatio: net(comparePage) / bareFetch })
    perRound.push(row)
    console.log(
      `round ${round} (load ${load.toFixed(1)}): script tag ${scriptTag.toFixed(3)} ms/event, bare fetch ${bareFetch.toFixed(3)} ms/event ` +
        `(both net of the empty page's ${row.empty.toFixed(3)}), ratio ${row.ratio.toFixed(2)}` +
        (compareBundle
          ? `; compare build ${row.compare.toFixed(3)} ms/event, ratio ${row.compareRatio.toFixed(2)}`
          : ''),
    )
  }
  const figures = {
    scriptTagMs: median(perRound.map((row) => row.scriptTag)),
    bareFetchMs: median(perRound.map((row) => row.bareFetch)),
    emptyMs: median(perRound.map((row) => row.empty)),
    ratio: median(perRound.map((row) => row.ratio)),
    load: median(perRound.map((row) => row.load)),
  }
  console.log(
    `median (load ${figures.load.toFixed(1)}): script tag ${figures.scriptTagMs.toFixed(3)} ms/event vs bare fetch ${figures.bareFetchMs.toFixed(3)} ms/event, ` +
      `ratio ${figures.ratio.toFixed(2)} (target <= ${target})`,
  )
  if (compareBundle) {
    console.log(
      `median: compare build ${median(perRound.map((row) => row.compare)).toFixed(3)} ms/event, ` +
        `ratio ${median(perRound.map((row) => row.compareRatio)).toFixed(2)} (${process.env.BENCH_COMPARE_BUNDLE})`,
    )
  }
  if (json) {
    console.log(
      JSON.stringify({ bench: 'pageTaskTime', chromium: browser.version(), events, rounds, target, figures, perRound }),
    )
  }
} finally {
  await browser.close()
  server.close()
}

#!/usr/bin/env node
// Where the main thread's time per event goes on the script-tag page of pageTaskTime.mjs (or the bare
// fetch page): a CPU profile (CDP Profiler, 50 µs samples) over `events` events, each awaited as
// there, and the work left for later; self time per function, mapped through the bundle's hidden
// source map to the source file and line, plus the main thread's task time and task count (CDP
// Performance metrics) per event. A tool to read, not a row of `pnpm bench`.
// Run after `pnpm build`: node e2e/bench/profilePage.mjs [events] [page: script tag | bare fetch]
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping'
import { chromium } from '@playwright/test'
import { findChromium } from '../support/chromium.mjs'
import { pages, warmupEvents } from './pages.mjs'

const events = Number(process.argv[2] ?? 500)
const pageName = process.argv[3] ?? 'script tag'
// BENCH_BUNDLE: another build of the script tag (its source map beside it, `<file>.map`).
const bundlePath =
  process.env.BENCH_BUNDLE ?? fileURLToPath(new URL('../../packages/browser/dist/es-tracker.min.js', import.meta.url))
const bundle = readFileSync(bundlePath)
const sourceMap = new TraceMap(readFileSync(`${bundlePath}.map`, 'utf8'))

const server = createServer((request, response) => {
  if (request.method === 'POST') {
    request.resume()
    request.on('end', () => response.writeHead(204).end())
  } else if (request.url === '/es-tracker.min.js') {
    response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(bundle)
  } else {
    const body = pages[decodeURIComponent(request.url.slice(1))]
    if (body === undefined) response.writeHead(404).end()
    else response.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html>${body}`)
  }
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const { executablePath } = findChromium()
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
})

/** `name file:line` of a profile node's frame, through the source map where it is the bundle's. */
function where(frame) {
  if (!frame.url.endsWith('/es-tracker.min.js')) {
    return `${frame.functionName || '(anonymous)'}${frame.url ? ` ${frame.url.split('/').pop()}:${frame.lineNumber + 1}` : ''}`
  }
  const original = originalPositionFor(sourceMap, { line: frame.lineNumber + 1, column: frame.columnNumber })
  const file = original.source?.split('/src/').pop() ?? '?'
  return `${original.name ?? frame.functionName ?? '(anonymous)'} ${file}:${original.line}`
}

try {
  const page = await browser.newPage()
  await page.goto(`http://127.0.0.1:${server.address().port}/${encodeURIComponent(pageName)}`)
  await page.waitForFunction(() => typeof window.trackOne === 'function')
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' })
  const runEvents = (count) =>
    page.evaluate(async (count) => {
      for (let index = 0; index < count; index++) await window.trackOne()
    }, count)
  await runEvents(warmupEvents)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 })
  const metrics = async () =>
    Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map(({ name, value }) => [name, value]))
  const before = await metrics()
  await cdp.send('Profiler.start')
  await runEvents(events)
  await page.waitForTimeout(300)
  const { profile } = await cdp.send('Profiler.stop')
  const after = await metrics()
  const perEvent = (name, scale = 1) => (((after[name] - before[name]) * scale) / events).toFixed(3)
  console.log(
    `${pageName}: ${events} events; per event: task time ${perEvent('TaskDuration', 1000)} ms, ` +
      `script ${perEvent('ScriptDuration', 1000)} ms, tasks ${perEvent('TaskCount' in after ? 'TaskCount' : 'TaskDuration')}`,
  )

  const selfMicros = new Map()
  // Self time by package folder of the bundle (core/src/engine, browser/src/storage, ...), native calls by name.
  const byArea = new Map()
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  profile.samples.forEach((id, index) => {
    const { callFrame } = byId.get(id)
    const key = where(callFrame)
    const micros = profile.timeDeltas[index] ?? 0
    selfMicros.set(key, (selfMicros.get(key) ?? 0) + micros)
    const file = key.split(' ').at(-1)
    const area = callFrame.url.endsWith('/es-tracker.min.js')
      ? `bundle: ${file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : file.split(':')[0]}`
      : key.startsWith('(')
        ? key
        : callFrame.url
          ? 'page script'
          : `native: ${key}`
    byArea.set(area, (byArea.get(area) ?? 0) + micros)
  })
  const idle = selfMicros.get('(idle)') ?? 0
  const busy = [...selfMicros.values()].reduce((sum, value) => sum + value, 0) - idle
  console.log(`sampled busy time ${(busy / 1000 / events).toFixed(3)} ms/event (idle excluded); self time per event:`)
  console.log('self time per event by area:')
  for (const [area, micros] of [...byArea].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    if (area === '(idle)') continue
    console.log(
      `  ${(micros / events).toFixed(1).padStart(6)} µs  ${((micros / busy) * 100).toFixed(1).padStart(5)}%  ${area}`,
    )
  }
  console.log('self time per event by function:')
  for (const [key, micros] of [...selfMicros].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
    if (key === '(idle)') continue
    console.log(
      `  ${(micros / events).toFixed(1).padStart(6)} µs  ${((micros / busy) * 100).toFixed(1).padStart(5)}%  ${key}`,
    )
  }
} finally {
  await browser.close()
  server.close()
}

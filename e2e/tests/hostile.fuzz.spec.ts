// Hostile world, browser side: fast-check drives every public method of the browser tracker in real
// Chromium (the ESM tracker object, and the script tag's commands) with arbitrary values, in batches
// of calls per page.evaluate. Nothing may throw, reject, hang or raise a page error, and every event
// the collector receives is valid and was answered `ok` once.
import type { Page } from '@playwright/test'
import fc from 'fast-check'
import { type CollectorFixture, expect, type SiteFixture, test } from '../fixtures'
import {
  anyValue,
  type CallSpec,
  hostileInputs,
  type InputArbitraries,
  materialize,
  plausibleInputs,
  trackerMethods,
  type ValueSpec,
  withOneLie,
} from './hostileInputs'

const BATCH = 100
const SEED = 20_261_127

/** What the page's harness answers for one batch (e2e/pages/hostile/harness.js). */
interface BatchReport {
  thrown: unknown[]
  rejected: unknown[]
  malformed: unknown[]
  hung: string[]
  ok: number
  codes: Record<string, number>
}

const consent = fc.oneof(fc.constantFrom<ValueSpec>('granted', 'pending', 'denied'), anyValue)

/** Every public method of a browser tracker, with generated arguments. */
function browserCalls(inputs: InputArbitraries, lie: boolean): fc.Arbitrary<CallSpec> {
  const args = (method: string) => (lie ? withOneLie(inputs.argsFor(method)) : inputs.argsFor(method))
  const call = (method: string, list: fc.Arbitrary<ValueSpec[]>) => list.map((a): CallSpec => ({ method, args: a }))
  const identify = lie ? withOneLie(inputs.identity.map((id) => [id])) : inputs.identity.map((id) => [id])
  return fc.oneof(
    { weight: 24, arbitrary: fc.constantFrom(...trackerMethods).chain((method) => call(method, args(method))) },
    {
      weight: 3,
      arbitrary: call(
        'identify',
        fc.oneof({ weight: 5, arbitrary: identify }, { weight: 1, arbitrary: fc.array(anyValue, { maxLength: 2 }) }),
      ),
    },
    { weight: 1, arbitrary: call('reset', fc.constant([])) },
    { weight: 1, arbitrary: call('flush', fc.constant([])) },
    {
      weight: 1,
      arbitrary: call(
        'setConsent',
        consent.map((value) => [value]),
      ),
    },
    { weight: 1, arbitrary: call('cartGuid', fc.constant([])) },
  )
}

/** Script-tag commands: the tracker's, the eS.JS ones, and names that are no command at all. */
const commandCalls: fc.Arbitrary<CallSpec> = fc.oneof(
  { weight: 8, arbitrary: browserCalls(hostileInputs, false) },
  {
    weight: 2,
    arbitrary: fc
      .record({ method: fc.constantFrom('sendEvent', 'sendEventWithTags'), args: hostileInputs.sendArgs })
      .map((call): CallSpec => call),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        method: fc.oneof(
          fc.constantFrom('init', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'q', 'loaded', ''),
          fc.string({ maxLength: 12 }),
        ),
        args: fc.array(anyValue, { maxLength: 3 }),
      })
      .map((call): CallSpec => call),
  },
)

/** Opens a hostile page, with the spec's value builder installed and page errors collected. */
async function openPage(page: Page, url: string, ready: () => boolean): Promise<Error[]> {
  const pageErrors: Error[] = []
  page.on('pageerror', (error) => pageErrors.push(error))
  await page.addInitScript(`window.__materialize = ${materialize.toString()}`)
  await page.goto(url)
  await page.waitForFunction(ready)
  return pageErrors
}

function pageUrl(site: SiteFixture, collector: CollectorFixture, file: string, options: object): string {
  const params = new URLSearchParams({ endpoint: collector.endpoint, options: JSON.stringify(options) })
  return site.url(`/pages/hostile/${file}?${params}`)
}

/** Runs `batches` generated batches in the page; each must come back clean. Answers how many said ok. */
async function fuzzBatches(
  page: Page,
  calls: fc.Arbitrary<CallSpec>,
  batches: number,
  via: 'method' | 'command',
): Promise<number> {
  let ok = 0
  await fc.assert(
    fc.asyncProperty(fc.array(calls, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
      // As JSON: the specs are plain data, and a string crosses into the page fastest.
      const report = await page.evaluate(
        ([json, how]) =>
          (
            window as unknown as { hostileHarness: { run(c: unknown, o: unknown): Promise<BatchReport> } }
          ).hostileHarness.run(JSON.parse(json), { via: how }),
        [JSON.stringify(batch), via] as const,
      )
      expect(report.thrown).toEqual([])
      expect(report.rejected).toEqual([])
      expect(report.malformed).toEqual([])
      expect(report.hung).toEqual([])
      ok += report.ok
    }),
    { numRuns: batches, seed: SEED, endOnFailure: true },
  )
  return ok
}

/** Waits until the collector holds `count` events and no more arrive, then checks they are all valid. */
async function expectDeliveredValid(collector: CollectorFixture, count: number): Promise<void> {
  const received = await collector.waitForEvents(count, {}, 30_000)
  await new Promise((resolve) => setTimeout(resolve, 500))
  const all = await collector.events()
  expect(
    all.filter((event) => !event.valid).map((event) => ({ issues: event.issues, payload: event.payload })),
  ).toEqual([])
  expect(all).toHaveLength(received.length)
  expect(all).toHaveLength(count)
}

test.describe('browser tracker (hostile input)', () => {
  test.describe.configure({ timeout: 180_000 })

  test('should never throw, reject or hang, and send only valid events, when the ESM tracker gets arbitrary values', async ({
    page,
    site,
    collector,
  }) => {
    const options = { debug: true, retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 50 }, maxQueue: 5000 }
    const url = pageUrl(site, collector, 'esm.html', options)
    const pageErrors = await openPage(page, url, () => document.body.dataset.ready === 'true')
    const ok = await fuzzBatches(page, browserCalls(hostileInputs, false), 20, 'method')
    await page.evaluate(() => (window as unknown as { tracker: { flush(): Promise<void> } }).tracker.flush())
    expect(pageErrors).toEqual([])
    expect(ok).toBeGreaterThan(250)
    await expectDeliveredValid(collector, ok)
  })

  test('should send exactly what it validated when an input object lies (toJSON, a getter that changes)', async ({
    page,
    site,
    collector,
  }) => {
    const url = pageUrl(site, collector, 'esm.html', { retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 50 } })
    const pageErrors = await openPage(page, url, () => document.body.dataset.ready === 'true')
    const ok = await fuzzBatches(page, browserCalls(plausibleInputs, true), 10, 'method')
    await page.evaluate(() => (window as unknown as { tracker: { flush(): Promise<void> } }).tracker.flush())
    expect(pageErrors).toEqual([])
    expect(ok).toBeGreaterThan(100)
    await expectDeliveredValid(collector, ok)
  })

  test('should never throw into the page, and send only valid events, when script-tag commands get arbitrary values', async ({
    page,
    site,
    collector,
  }) => {
    const options = { debug: true, retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 50 }, maxQueue: 5000 }
    const url = pageUrl(site, collector, 'script-tag.html', options)
    const pageErrors = await openPage(
      page,
      url,
      () => (window as unknown as { esTracker?: { loaded?: boolean } }).esTracker?.loaded === true,
    )
    const ok = await fuzzBatches(page, commandCalls, 10, 'command')
    await page.evaluate(() => (window as unknown as { esTracker(name: string): Promise<void> }).esTracker('flush'))
    expect(pageErrors).toEqual([])
    expect(ok).toBeGreaterThan(100)
    await expectDeliveredValid(collector, ok)
  })
})

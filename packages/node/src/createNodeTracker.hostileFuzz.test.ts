// Hostile world, node side: fast-check drives every public method of the node tracker with
// arbitrary values against a real local collector. Nothing may throw, nothing may reject, every
// result is a SendResult, and every event the collector receives is valid (and received once).
import type { Collector } from '@es-tracker/collector'
import { startCollector } from '@es-tracker/collector'
import { createNodeTracker, type NodeTracker } from '@es-tracker/node'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  anyValue,
  type CallSpec,
  hostileInputs,
  materialize,
  plausibleInputs,
  trackerMethods,
  type ValueSpec,
  withOneLie,
} from '../../../e2e/tests/hostileInputs'

const HOSTILE_RUNS = 5_000
const LYING_RUNS = 1_000
const SEED = 20_261_127

const sc = 'CDA68358-94FB-4D83-9655-3FEB3C4114A3'
const object = (entries: [string, ValueSpec][]): ValueSpec => ({ $: 'object', entries })
const pageContext = fc
  .record({
    s_location: fc.webUrl(),
    referrer: fc.webUrl(),
    screendim: fc.record({ h: fc.nat(4000), w: fc.nat(4000) }),
  })
  .map(({ screendim, ...rest }) =>
    object([
      ...Object.entries(rest),
      [
        'screendim',
        object([
          ['h', screendim.h],
          ['w', screendim.w],
        ]),
      ],
    ]),
  )

/** A visitor as a server scopes one: `{ sc, user?, datetime?, context? }`, from `inputs`. */
const visitorFrom = (inputs: typeof hostileInputs, any: fc.Arbitrary<ValueSpec>) =>
  fc
    .record({
      sc: fc.oneof({ weight: 9, arbitrary: fc.constant<ValueSpec>(sc) }, { weight: 1, arbitrary: any }),
      user: fc.option(inputs.identity, { nil: undefined }),
      datetime: fc.option(fc.oneof(fc.integer({ min: 1e12, max: 2e12 }), any), { nil: undefined }),
      context: fc.option(fc.oneof(pageContext, any), { nil: undefined }),
    })
    .map(({ sc: visitorSc, ...rest }) =>
      object([
        ['sc', visitorSc],
        ...Object.entries(rest).flatMap(([key, value]) =>
          value === undefined ? [] : [[key, value] as [string, ValueSpec]],
        ),
      ]),
    )

/** Every public method: the visitor's tracker methods, the tracker's productUpdate and flush. */
function callsFrom(
  inputs: typeof hostileInputs,
  visitor: fc.Arbitrary<ValueSpec>,
  lie = false,
): fc.Arbitrary<CallSpec> {
  const args = (method: string) => (lie ? withOneLie(inputs.argsFor(method)) : inputs.argsFor(method))
  return fc.oneof(
    {
      weight: 20,
      arbitrary: fc
        .constantFrom(...trackerMethods)
        .chain((method) => fc.record<CallSpec>({ method: fc.constant(method), args: args(method), visitor })),
    },
    {
      weight: 1,
      arbitrary: args('productUpdate').map((list): CallSpec => ({ method: 'tracker.productUpdate', args: list })),
    },
    { weight: 1, arbitrary: fc.constant<CallSpec>({ method: 'tracker.flush', args: [] }) },
  )
}

const hostileCalls = callsFrom(hostileInputs, visitorFrom(hostileInputs, anyValue))
// Lies in a visitor's context too: GeneralInfo copies its fields as given.
const lyingVisitor = withOneLie(visitorFrom(plausibleInputs, fc.constant(sc)).map((v) => [v])).map(([v]) => v!)
const lyingCalls = callsFrom(plausibleInputs, lyingVisitor, true)

const isSendResult = (value: unknown): boolean => {
  if (typeof value !== 'object' || value === null) return false
  const result = value as { ok?: unknown; error?: { code?: unknown; name?: unknown } }
  if (result.ok === true) return Object.keys(result).length === 1
  return result.ok === false && typeof result.error?.code === 'string' && result.error.name === 'TrackerError'
}

let collector: Collector
let unhandled: unknown[]
const onUnhandled = (reason: unknown) => unhandled.push(reason)

beforeEach(async () => {
  collector = await startCollector({ port: 0, maxEvents: 50_000 })
  unhandled = []
  process.on('unhandledRejection', onUnhandled)
})
afterEach(async () => {
  process.off('unhandledRejection', onUnhandled)
  await collector.close()
})

/** Calls one generated method; throws (fails the property) if the tracker throws or answers no promise. */
function call(tracker: NodeTracker, spec: CallSpec): Promise<unknown> {
  const args = spec.args.map(materialize)
  if (spec.method === 'tracker.productUpdate')
    return (tracker.productUpdate as (...a: unknown[]) => Promise<unknown>)(...args)
  if (spec.method === 'tracker.flush') return tracker.flush()
  const visitor = tracker.visitor(materialize(spec.visitor) as never) as unknown as Record<string, unknown>
  return (visitor[spec.method] as (...a: unknown[]) => Promise<unknown>)(...args)
}

/** Runs `runs` generated calls against a tracker on the collector and checks every promise and the wire. */
async function fuzz(calls: fc.Arbitrary<CallSpec>, runs: number): Promise<void> {
  const tracker = createNodeTracker({
    siteId: 'FUZZ01',
    endpoint: collector.endpoint,
    concurrency: 8,
    maxQueue: runs,
    retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
    onError: () => {},
    onWarning: () => {},
  })
  const made: { spec: CallSpec; result: Promise<unknown> }[] = []
  fc.assert(
    fc.property(calls, (spec) => {
      const result = call(tracker, spec)
      expect(result).toBeInstanceOf(Promise)
      made.push({ spec, result })
    }),
    { numRuns: runs, seed: SEED, endOnFailure: true },
  )

  const settled = await Promise.allSettled(made.map(({ result }) => result))
  const rejected = settled.flatMap((outcome, index) =>
    outcome.status === 'rejected' ? [{ spec: made[index]!.spec, reason: String(outcome.reason) }] : [],
  )
  expect(rejected).toEqual([])
  const results = settled.flatMap((outcome, index) =>
    made[index]!.spec.method === 'tracker.flush' ? [] : [(outcome as PromiseFulfilledResult<unknown>).value],
  )
  expect(results.filter((value) => !isSendResult(value))).toEqual([])
  await tracker.close()

  const received = collector.events({ includeFailed: true })
  const invalid = received.filter((event) => !event.valid)
  expect(invalid.map((event) => ({ issues: event.issues, payload: event.payload ?? event.raw }))).toEqual([])
  // Every call that said `ok` was delivered once, and nothing else was.
  const delivered = results.filter((value) => (value as { ok: boolean }).ok).length
  expect(received).toHaveLength(delivered)
  // The generated calls reached the wire, not only refusals.
  expect(delivered).toBeGreaterThan(runs / 10)
  expect(unhandled).toEqual([])
}

describe('createNodeTracker (hostile input)', () => {
  it('should never throw or reject and send only valid events when every method gets arbitrary values', async () => {
    await fuzz(hostileCalls, HOSTILE_RUNS)
  }, 90_000)

  it('should send exactly what it validated when an input object lies (toJSON, a getter that changes)', async () => {
    await fuzz(lyingCalls, LYING_RUNS)
  }, 60_000)

  it('should refuse every event with code closed when called after close', async () => {
    const tracker = createNodeTracker({
      siteId: 'FUZZ01',
      endpoint: collector.endpoint,
      onError: () => {},
      onWarning: () => {},
    })
    await tracker.close()
    await fc.assert(
      fc.asyncProperty(hostileCalls, async (spec) => {
        const result = await call(tracker, spec)
        if (spec.method === 'tracker.flush') return
        expect((result as { error?: { code: string } }).error?.code).toMatch(/^(closed|invalid_event)$/)
      }),
      { numRuns: 200, seed: SEED },
    )
    expect(collector.events({ includeFailed: true })).toEqual([])
  })
})

import { type SendResult, TrackerError } from '@es-tracker/core'
import { describe, expect, it } from 'vitest'
import { createCommandDispatcher } from '../commandQueue'
import { createDebugLog } from '../debug/debugLog'
import type { BrowserTracker } from '../types'
import type { AddonLoader } from './loadAddon'
import { startAddonsWhenUsed } from './startAddons'
import type { AddonContext, AddonExports, AddonName } from './types'

/** An in-process add-on loader: each add-on's exports as given (or the load's error), after a few ms. */
function setUp(addons: Partial<Record<AddonName, AddonExports[AddonName] | TrackerError>>) {
  const loaded: string[] = []
  const loadAddon = (async (name: AddonName) => {
    loaded.push(name)
    await new Promise((resolve) => setTimeout(resolve, 5))
    return addons[name] ?? new TrackerError('network_error', `no ${name} here`)
  }) as AddonLoader
  const tracked: string[] = []
  const create = () =>
    ({
      categoryPage: (input: { categoryKey: string }) => {
        tracked.push(input.categoryKey)
        return Promise.resolve<SendResult>({ ok: true })
      },
    }) as unknown as BrowserTracker
  const dispatcher = createCommandDispatcher(create, createDebugLog)
  startAddonsWhenUsed(dispatcher, loadAddon)
  const errors: TrackerError[] = []
  const init = (options: Record<string, unknown> = {}) =>
    dispatcher.call(['init', { siteId: 'S', onError: (error: TrackerError) => errors.push(error), ...options }])
  return { dispatcher, init, loaded, tracked, errors }
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 20))

describe('startAddonsWhenUsed', () => {
  it('should start an add-on once, with the tracker and its options, when both init and a command ask for it', async () => {
    const started: AddonContext[] = []
    const esCompat = {
      start(context: AddonContext) {
        started.push(context)
        return { sendEvent: () => 'sent', sendEventWithTags: () => 'sent with tags' }
      },
    }
    const { dispatcher, init, loaded } = setUp({ esCompat })
    init({ esCompat: true })
    await expect(dispatcher.call(['sendEvent', 'X', {}])).resolves.toBe('sent')
    expect(dispatcher.call(['sendEventWithTags', 'X', {}])).toBe('sent with tags')
    expect(loaded).toEqual(['esCompat'])
    expect(started).toHaveLength(1)
    expect(started[0]?.options).toMatchObject({ siteId: 'S', esCompat: true })
    expect(typeof started[0]?.shared.buildRawEvent).toBe('function')
  })

  it('should load only what the options ask for', async () => {
    const { init, loaded } = setUp({})
    init({ consent: 'tcf', dataLayer: false, esCompat: 'yes' })
    await settled()
    expect(loaded).toEqual(['consentSignals'])
  })

  it('should report once when an add-on without commands fails to load or to start', async () => {
    const failing = setUp({})
    failing.init({ dataLayer: true })
    await settled()
    expect(failing.errors.map((error) => error.message)).toEqual(['no dataLayer here'])
    const throwing = setUp({
      consentSignals: {
        start() {
          throw new Error('boom')
        },
      },
    })
    throwing.init({ consent: 'gcm' })
    await settled()
    expect(throwing.errors.map((error) => [error.code, error.message])).toEqual([
      ['unsupported', 'the consentSignals add-on failed to start: Error: boom'],
    ])
  })

  it('should answer the calls of a command the add-on did not provide with an error, and go on with the rest', async () => {
    const { dispatcher, init, tracked, errors } = setUp({ esCompat: { start: () => ({ sendEvent: () => 'sent' }) } })
    init()
    const missing = dispatcher.call(['sendEventWithTags', 'X', {}])
    const after = dispatcher.call(['categoryPage', { categoryKey: 'after' }])
    await expect(missing).resolves.toMatchObject({
      ok: false,
      error: { code: 'unsupported', message: 'esTracker("sendEventWithTags"): its add-on did not provide it' },
    })
    await expect(after).resolves.toEqual({ ok: true })
    expect(tracked).toEqual(['after'])
    expect(errors).toHaveLength(1)
  })

  it("should set eS to the vendor snippet's queue stub at init with esCompat: true, only where the page has none", async () => {
    const page = globalThis as { eS?: ((...args: unknown[]) => unknown) & { q?: unknown[] } }
    try {
      const { init } = setUp({})
      init({ esCompat: true })
      // Called before the add-on has loaded (it never does here): queued, wrapped as the snippet wraps each call.
      expect(page.eS?.('sendEvent', 'MainPage')).toBeUndefined()
      expect(page.eS?.q).toEqual([[['sendEvent', 'MainPage']]])

      const own = Object.assign(() => 'the page', { q: [] })
      page.eS = own
      setUp({}).init({ esCompat: true })
      expect(page.eS).toBe(own)

      delete page.eS
      setUp({}).init({ esCompat: false })
      expect(page.eS).toBeUndefined()
    } finally {
      delete page.eS
    }
  })
})

// @vitest-environment happy-dom
import type { SendResult } from '@es-tracker/core'
import { TrackerError } from '@es-tracker/core'
import { describe, expect, it, vi } from 'vitest'
import type { AddonLoader } from '../addons/loadAddon'
import { startAddonsWhenUsed } from '../addons/startAddons'
import type { AddonContext } from '../addons/types'
import { createCommandDispatcher } from '../commandQueue'
import { createDebugLog } from '../debug/debugLog'
import type { BrowserTracker, BrowserTrackerOptions } from '../types'
import { startEsCompat } from './startEsCompat'

/** A fake tracker factory recording each raw send, identify and page method call. */
function fakeCreate() {
  const calls: Array<[string, unknown[]]> = []
  const create = (_options: BrowserTrackerOptions) => {
    const tracker: Record<string, (...args: unknown[]) => unknown> = {}
    for (const name of ['send', 'identify', 'cartGuid', 'productPage', 'categoryPage']) {
      tracker[name] = (...args: unknown[]) => {
        if (name === 'cartGuid') return undefined
        calls.push([name, args])
        return Promise.resolve<SendResult>({ ok: true })
      }
    }
    return tracker as unknown as BrowserTracker
  }
  return { create, calls }
}

const sends = (calls: Array<[string, unknown[]]>) => calls.filter(([name]) => name === 'send')

/** Lets the add-on's (faked) load, 5 ms, come to an end. */
const loadTime = () => new Promise((resolve) => setTimeout(resolve, 10))

/**
 * The add-on loader the script tag gets, with the add-on's exports in-process (e2e loads the real
 * file), whose `start` installs window.eS on `target`.
 */
function fakeLoader(answer: 'loads' | TrackerError = 'loads') {
  const loads: string[] = []
  let target: Record<string, unknown> = {}
  const load = (async (name: string) => {
    loads.push(name)
    await new Promise((resolve) => setTimeout(resolve, 5))
    return answer === 'loads' ? { start: (context: AddonContext) => startEsCompat(context, target) } : answer
  }) as AddonLoader
  return { load, loads, installOn: (page: Record<string, unknown>) => (target = page) }
}

function setup(init: Record<string, unknown>, eS?: unknown, loader = fakeLoader()) {
  const { create, calls } = fakeCreate()
  const dispatcher = createCommandDispatcher(create, createDebugLog)
  const target: Record<string, unknown> = eS === undefined ? {} : { eS }
  loader.installOn(target)
  startAddonsWhenUsed(dispatcher, loader.load)
  return {
    dispatcher,
    target,
    calls,
    loads: loader.loads,
    init: () => dispatcher.call(['init', { siteId: 'S', ...init }]),
  }
}

describe('startEsCompat, started by the script tag (startAddonsWhenUsed)', () => {
  it('should convert esTracker sendEvent calls, also those made before init, into raw sends', async () => {
    const { dispatcher, calls, init } = setup({})
    const early = dispatcher.call(['sendEvent', 'CategoryPage', { CategoryPage: { categoryKey: 'A' } }])
    init()
    await expect(early).resolves.toEqual({ ok: true })
    await dispatcher.call(['sendEventWithTags', 'ProductImpression', { ProductImpression: { Products: [] } }])
    expect(sends(calls)).toEqual([
      ['send', ['CategoryPage', { CategoryPage: { Category: { categoryKey: 'A' } } }]],
      ['send', ['ProductImpressions', { ProductImpression: { Products: [] } }]],
    ])
  })

  it('should leave window.eS alone and load no add-on when esCompat is not set', () => {
    const { target, init, loads } = setup({})
    init()
    expect(target.eS).toBeUndefined()
    expect(loads).toEqual([])
  })

  it('should load the add-on at init when it sets esCompat, then answer window.eS and replay the stub queue', async () => {
    const stub = Object.assign((..._args: unknown[]) => undefined, {
      q: [[['sendEvent', 'SearchRequest', { SearchRequest: { search: 'x' } }]]],
    })
    const { target, calls, init, loads } = setup({ esCompat: true, TRACKING: false, RECOMS: true }, stub)
    init()
    expect(loads).toEqual(['esCompat'])
    // Until the add-on runs, the vendor snippet's stub keeps queueing.
    expect(target.eS).toBe(stub)
    await loadTime()
    expect(target.eS).not.toBe(stub)
    const eS = target.eS as (...args: unknown[]) => Promise<unknown>
    await expect(eS('sendEvent', 'CategoryPage', { CategoryPage: { categoryKey: 'B' } })).resolves.toEqual({
      ok: true,
    })
    expect(sends(calls)).toEqual([
      ['send', ['SearchRequest', { SearchRequest: { search: 'x' } }]],
      ['send', ['CategoryPage', { CategoryPage: { Category: { categoryKey: 'B' } } }]],
    ])
  })

  it('should keep the calls made while the add-on loads in order with the ones that need it', async () => {
    const { dispatcher, calls, init, loads } = setup({})
    init()
    const first = dispatcher.call(['sendEvent', 'CategoryPage', { CategoryPage: { categoryKey: 'A' } }])
    const second = dispatcher.call(['productPage', { product: { productKey: '1', price: 1 } }])
    const third = dispatcher.call(['sendEvent', 'SearchRequest', { SearchRequest: { search: 'x' } }])
    expect(calls).toEqual([])
    await Promise.all([first, second, third])
    expect(loads).toEqual(['esCompat'])
    expect(calls.map(([name, args]) => [name, args[0]])).toEqual([
      ['send', 'CategoryPage'],
      ['productPage', { product: { productKey: '1', price: 1 } }],
      ['send', 'SearchRequest'],
    ])
  })

  it('should report and resolve each call that needed the add-on with the load error when it fails to load', async () => {
    const failure = new TrackerError('network_error', 'the esCompat add-on (es-tracker.esCompat.min.js) did not load')
    const onError = vi.fn()
    const { dispatcher, calls, init } = setup({ onError }, undefined, fakeLoader(failure))
    init()
    const first = dispatcher.call(['sendEvent', 'CategoryPage', { CategoryPage: { categoryKey: 'A' } }])
    const other = dispatcher.call(['categoryPage', { categoryKey: 'B' }])
    const second = dispatcher.call(['sendEventWithTags', 'SearchRequest', {}])
    await expect(first).resolves.toEqual({ ok: false, error: failure })
    await expect(second).resolves.toEqual({ ok: false, error: failure })
    await expect(other).resolves.toEqual({ ok: true })
    expect(onError.mock.calls).toEqual([[failure], [failure]])
    expect(calls.map(([name]) => name)).toEqual(['categoryPage'])
  })

  it('should log why nothing was sent in debug mode when the event is script-only', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {})
    const { dispatcher, calls, init } = setup({ debug: true })
    init()
    await dispatcher.call(['sendEvent', 'NotFound'])
    expect(sends(calls)).toEqual([])
    expect(info).toHaveBeenCalledWith(
      '[es-tracker]',
      expect.stringContaining('NotFound: eS.JS-only event, nothing sent'),
    )
    info.mockRestore()
  })
})

import type { SendResult, TrackerError } from '@es-tracker/core'
import { describe, expect, it, vi } from 'vitest'
import { createCommandDispatcher, installCommandQueue } from './commandQueue'
import { createDebugLog } from './debug/debugLog'
import type { BrowserTracker, BrowserTrackerOptions } from './types'

/** The commands a browser tracker answers: each of its own methods. */
const methodNames = [
  ...['productPage', 'addToWishlist', 'statusCart', 'purchasedItems', 'productImpressions', 'categoryPage'],
  ...['customerData', 'customEvent', 'searchRequest', 'productUpdate', 'send'],
  ...['identify', 'reset', 'flush', 'setConsent', 'cartGuid'],
]

/** A fake tracker factory recording each call made on the tracker it creates. */
function fakeCreate() {
  const calls: Array<[string, unknown[]]> = []
  const created: BrowserTrackerOptions[] = []
  const create = (options: BrowserTrackerOptions) => {
    created.push(options)
    const tracker: Record<string, (...args: unknown[]) => unknown> = {}
    for (const name of methodNames) {
      tracker[name] = (...args: unknown[]) => {
        calls.push([name, args])
        return name === 'cartGuid' ? 'GUID' : Promise.resolve<SendResult>({ ok: true })
      }
    }
    return tracker as unknown as BrowserTracker
  }
  return { create, calls, created }
}

describe('createCommandDispatcher', () => {
  it('should keep calls made before init and run them in order right after it', async () => {
    const { create, calls, created } = fakeCreate()
    const dispatcher = createCommandDispatcher(create, createDebugLog)
    const early = dispatcher.call(['productPage', { product: { productKey: '1', price: 1 } }])
    dispatcher.call(['identify', { email: 'a@b.c' }])
    expect(calls).toEqual([])
    dispatcher.call(['init', { siteId: 'S' }])
    expect(created).toEqual([{ siteId: 'S' }])
    expect(calls.map(([name]) => name)).toEqual(['productPage', 'identify'])
    await expect(early).resolves.toEqual({ ok: true })
  })

  it('should refuse calls past 500 before init with queue_full, say so once, and report them at init', async () => {
    const { create, calls } = fakeCreate()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const onError = vi.fn()
    const dispatcher = createCommandDispatcher(create, createDebugLog)
    const results = Array.from({ length: 600 }, (_, index) =>
      dispatcher.call([index < 550 ? 'customEvent' : 'categoryPage', { name: `e${index}` }]),
    ) as Array<Promise<SendResult>>
    expect(results.every((result) => result instanceof Promise)).toBe(true)
    const refused = await Promise.all(results.slice(500))
    expect(refused.map((result) => !result.ok && result.error.code)).toEqual(Array(100).fill('queue_full'))
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0])).toContain("500 calls already wait for esTracker('init')")
    dispatcher.call(['init', { siteId: 'S', onError }])
    expect(calls).toHaveLength(500)
    expect(calls[499]?.[1]).toEqual([{ name: 'e499' }])
    await expect(Promise.all(results.slice(0, 500))).resolves.toEqual(Array(500).fill({ ok: true }))
    const [error] = onError.mock.calls.map(([reported]) => reported as TrackerError)
    expect([error?.code, error?.message]).toEqual([
      'queue_full',
      `100 calls made before esTracker('init') were dropped (at most 500 wait for it): "customEvent" x50, "categoryPage" x50`,
    ])
    warn.mockRestore()
  })

  it('should call the tracker method of the same name when initialised', async () => {
    const { create, calls } = fakeCreate()
    const dispatcher = createCommandDispatcher(create, createDebugLog)
    dispatcher.call(['init', { siteId: 'S' }])
    for (const name of ['statusCart', 'purchasedItems', 'customerData', 'send', 'reset', 'flush', 'setConsent']) {
      dispatcher.call([name, 1, 2])
    }
    expect(dispatcher.call(['cartGuid'])).toBe('GUID')
    expect(calls.map(([name]) => name)).toEqual([
      'statusCart',
      'purchasedItems',
      'customerData',
      'send',
      'reset',
      'flush',
      'setConsent',
      'cartGuid',
    ])
    expect(calls[0]?.[1]).toEqual([1, 2])
  })

  it('should keep the first options and report, not throw, when init is called again', () => {
    const { create, created } = fakeCreate()
    const onError = vi.fn()
    const dispatcher = createCommandDispatcher(create, createDebugLog)
    dispatcher.call(['init', { siteId: 'S', onError }])
    expect(dispatcher.call(['init', { siteId: 'OTHER' }])).toBeUndefined()
    expect(created).toEqual([{ siteId: 'S', onError }])
    const error = onError.mock.calls[0]?.[0] as TrackerError
    expect([error.code, error.message]).toEqual([
      'invalid_config',
      "esTracker('init') called again; the first options stay",
    ])
  })

  it('should report an unknown command through onError and resolve, not throw', async () => {
    const { create } = fakeCreate()
    const onError = vi.fn()
    const dispatcher = createCommandDispatcher(create, createDebugLog)
    dispatcher.call(['init', { siteId: 'S', onError }])
    const result = (await dispatcher.call(['sendEvnt', 'ProductPage', {}])) as SendResult
    expect(result.ok).toBe(false)
    expect(onError).toHaveBeenCalledTimes(1)
    const error = onError.mock.calls[0]?.[0] as TrackerError
    expect(error.code).toBe('unsupported')
    expect(error.message).toContain('"sendEvnt"')
    expect(error.message).toContain('known: init, productPage')
    expect(() => dispatcher.call([{ not: 'a name' }])).not.toThrow()
    expect(() => dispatcher.call(['toString'])).not.toThrow()
    expect(onError).toHaveBeenCalledTimes(3)
  })

  it('should report a second init and keep the first tracker', () => {
    const { create, created } = fakeCreate()
    const onError = vi.fn()
    const dispatcher = createCommandDispatcher(create, createDebugLog)
    dispatcher.call(['init', { siteId: 'S', onError }])
    dispatcher.call(['init', { siteId: 'T' }])
    expect(created).toHaveLength(1)
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'invalid_config' }))
  })

  it('should run registered commands and init hooks when extended', () => {
    const { create } = fakeCreate()
    const dispatcher = createCommandDispatcher(create, createDebugLog)
    const hook = vi.fn()
    dispatcher.onInit(hook)
    dispatcher.register('sendEvent', ({ options }, args) => `${options.siteId}:${args.join(',')}`)
    dispatcher.call(['init', { siteId: 'S' }])
    expect(hook).toHaveBeenCalledTimes(1)
    expect(dispatcher.call(['sendEvent', 'ProductPage', 'x'])).toBe('S:ProductPage,x')
  })

  it('should report and resolve when a command throws', async () => {
    const { create } = fakeCreate()
    const onError = vi.fn()
    const dispatcher = createCommandDispatcher(create, createDebugLog)
    dispatcher.register('broken', () => {
      throw new Error('boom')
    })
    dispatcher.call(['init', { siteId: 'S', onError }])
    await expect(dispatcher.call(['broken'])).resolves.toMatchObject({ ok: false })
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'invalid_event' }))
  })

  it('should create the tracker even when init has no options, leaving the complaint to it', () => {
    const { create, created } = fakeCreate()
    const dispatcher = createCommandDispatcher(create, createDebugLog)
    expect(() => dispatcher.call(['init'])).not.toThrow()
    expect(created).toEqual([undefined])
  })
})

describe('installCommandQueue', () => {
  it('should run a queued call that claims 2^32-1 arguments by its first few, not walk them all', () => {
    const { create, calls, created } = fakeCreate()
    const hostile = { 0: 'customEvent', 1: { name: 'x' }, length: 2 ** 32 - 1 }
    const target: Record<string, unknown> = {
      esTracker: Object.assign(() => {}, { q: [['init', { siteId: 'S' }], hostile] }),
    }
    installCommandQueue(target, createCommandDispatcher(create, createDebugLog))
    expect(created).toEqual([{ siteId: 'S' }])
    expect(calls.map(([name, args]) => [name, args[0]])).toEqual([['customEvent', { name: 'x' }]])
  })

  it('should replace the loader stub and replay its queued calls including init', () => {
    const { create, calls, created } = fakeCreate()
    const target: Record<string, unknown> = {}
    // The loader snippet of the README, run against `target` instead of window.
    const stub = function (this: unknown, ..._args: unknown[]) {
      const queued = stub as unknown as { q?: unknown[] }
      queued.q = queued.q || []
      // biome-ignore lint/complexity/noArguments: the snippet queues the arguments object itself
      queued.q.push(arguments)
    }
    target.esTracker = stub
    ;(target.esTracker as (...args: unknown[]) => void)('init', { siteId: 'S' })
    ;(target.esTracker as (...args: unknown[]) => void)('categoryPage', { categoryKey: 'Babies' })
    installCommandQueue(target, createCommandDispatcher(create, createDebugLog))
    expect(created).toEqual([{ siteId: 'S' }])
    expect(calls).toEqual([['categoryPage', [{ categoryKey: 'Babies' }]]])
    ;(target.esTracker as (...args: unknown[]) => void)('customEvent', { name: 'after' })
    expect(calls).toHaveLength(2)
  })

  it('should leave a loaded esTracker alone when the script runs twice', () => {
    const target: Record<string, unknown> = {}
    installCommandQueue(target, createCommandDispatcher(fakeCreate().create, createDebugLog))
    const first = target.esTracker
    installCommandQueue(target, createCommandDispatcher(fakeCreate().create, createDebugLog))
    expect(target.esTracker).toBe(first)
  })

  it('should install on an empty global when there is no stub', () => {
    const target: Record<string, unknown> = {}
    installCommandQueue(target, createCommandDispatcher(fakeCreate().create, createDebugLog))
    expect(typeof target.esTracker).toBe('function')
  })
})

// @vitest-environment happy-dom
import type { SendResult, TrackerError } from '@es-tracker/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AddonLoader } from '../../addons/loadAddon'
import { startAddonsWhenUsed } from '../../addons/startAddons'
import { createCommandDispatcher } from '../../commandQueue'
import { createDebugLog } from '../../debug/debugLog'
import type { BrowserTracker } from '../../types'
import { startDataLayerBridge } from './startDataLayerBridge'

const page = window as unknown as Record<string, unknown>
const viewItem = { event: 'view_item', ecommerce: { currency: 'USD', items: [{ item_id: 'SKU-1', price: '9.50' }] } }

/**
 * The script tag's dispatcher with its add-ons started on an in-process dataLayer add-on (the real
 * bridge: e2e loads the real file), over a tracker that records the calls the bridge makes.
 */
function setUp() {
  const loaded: string[] = []
  const loadAddon = (async (name: string) => {
    loaded.push(name)
    return { start: startDataLayerBridge }
  }) as unknown as AddonLoader
  const calls: Array<[string, unknown]> = []
  const create = () =>
    new Proxy({} as BrowserTracker, {
      get: (_target, name) => (input: unknown) => {
        calls.push([String(name), input])
        return Promise.resolve<SendResult>({ ok: true })
      },
      ownKeys: () => [],
    })
  const dispatcher = createCommandDispatcher(create, createDebugLog)
  startAddonsWhenUsed(dispatcher, loadAddon)
  const errors: TrackerError[] = []
  const init = async (options: Record<string, unknown>) => {
    dispatcher.call(['init', { siteId: 'S', onError: (error: TrackerError) => errors.push(error), ...options }])
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  return { init, loaded, calls, errors }
}

afterEach(() => {
  for (const name of ['dataLayer', 'shopLayer', 'gtm4wp']) delete page[name]
  localStorage.clear()
})

describe('startDataLayerBridge, started by the script tag (startAddonsWhenUsed)', () => {
  it('should load nothing when init does not ask for the bridge', async () => {
    for (const dataLayer of [undefined, false]) {
      const { init, loaded, errors } = setUp()
      await init({ dataLayer })
      expect(loaded).toEqual([])
      expect(errors).toEqual([])
      expect(page.dataLayer).toBeUndefined()
    }
  })

  it('should load the add-on and bridge window.dataLayer when dataLayer is true, reading earlier pushes', async () => {
    page.dataLayer = [viewItem]
    const { init, loaded, calls } = setUp()
    await init({ dataLayer: true })
    expect(loaded).toEqual(['dataLayer'])
    expect(calls).toEqual([
      ['productPage', expect.objectContaining({ product: expect.objectContaining({ productKey: 'SKU-1' }) })],
    ])
  })

  it("should keep the bridge's state under the tracker's storageKey", async () => {
    const { init } = setUp()
    await init({ dataLayer: true, storageKey: 'shop' })
    ;(page.dataLayer as unknown[]).push({
      event: 'add_to_cart',
      ecommerce: { items: [{ item_id: 'SKU-1', price: 2 }] },
    })
    expect(localStorage.getItem('shop:dataLayer:cart')).toContain('SKU-1')
  })

  it("should read the data layer's name, or the bridge's options, from the option", async () => {
    const named = setUp()
    await named.init({ dataLayer: 'shopLayer' })
    ;(page.shopLayer as unknown[]).push(viewItem)
    expect(named.calls.map(([name]) => name)).toEqual(['productPage'])
    const withOptions = setUp()
    await withOptions.init({ dataLayer: { dataLayerName: 'gtm4wp', isInStock: () => false } })
    ;(page.gtm4wp as unknown[]).push(viewItem)
    expect(withOptions.calls).toEqual([
      ['productPage', expect.objectContaining({ product: expect.objectContaining({ isInStock: false }) })],
    ])
    expect(page.dataLayer).toBeUndefined()
  })

  it("should report what the bridge skips through the tracker's onError, and log in its debug mode", async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {})
    const { init, errors } = setUp()
    await init({ dataLayer: true, debug: true })
    const layer = page.dataLayer as unknown[]
    layer.push({ event: 'view_item', ecommerce: { items: [{ item_name: 'no id', price: 1 }] } })
    layer.push({ event: 'purchase', ecommerce: { items: [{ item_id: 'SKU-1', price: 1 }] } })
    expect(errors.map((error) => error.code)).toEqual(['invalid_event'])
    expect(errors[0]?.message).toContain('item_id')
    expect(info).toHaveBeenCalledWith('[es-tracker]', 'GA4 purchase without transaction_id: nothing sent')
    info.mockRestore()
  })

  it("should report a malformed option through the tracker's onError and bridge nothing", async () => {
    const { init, errors } = setUp()
    await init({ dataLayer: 42 })
    expect(errors.map((error) => [error.code, error.message])).toEqual([
      ['invalid_config', "dataLayer must be true, the data layer's name or the bridge's options; got 42"],
    ])
    expect(page.dataLayer).toBeUndefined()
  })
})

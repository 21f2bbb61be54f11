import type { TrackerError } from '@es-tracker/core'
import { describe, expect, it } from 'vitest'
import type { AddonLoader } from '../../addons/loadAddon'
import { createCommandDispatcher } from '../../commandQueue'
import { createBrowserTracker } from '../../createBrowserTracker'
import { createDebugLog } from '../../debug/debugLog'
import { registerDataLayerBridge } from './registerDataLayerBridge'

/** A dispatcher with the bridge registered on an add-on loader that records what is loaded and bridged. */
function setUp() {
  const loaded: string[] = []
  const bridged: unknown[] = []
  const loadAddon = (async (name: string) => {
    loaded.push(name)
    return { bridgeDataLayer: (_tracker: unknown, options: unknown) => bridged.push(options) }
  }) as unknown as AddonLoader
  const dispatcher = createCommandDispatcher(createBrowserTracker, createDebugLog)
  registerDataLayerBridge(dispatcher, loadAddon)
  const errors: TrackerError[] = []
  const init = async (options: Record<string, unknown>) => {
    dispatcher.call(['init', { siteId: 'S', onError: (error: TrackerError) => errors.push(error), ...options }])
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  return { init, loaded, bridged, errors }
}

describe('registerDataLayerBridge', () => {
  it('should load nothing when init does not ask for the bridge', async () => {
    for (const dataLayer of [undefined, false]) {
      const { init, loaded, errors } = setUp()
      await init({ dataLayer })
      expect(loaded).toEqual([])
      expect(errors).toEqual([])
    }
  })

  it("should load the add-on and bridge with the tracker's storage key, onError and debug when dataLayer is true", async () => {
    const { init, loaded, bridged } = setUp()
    await init({ dataLayer: true, storageKey: 'shop', debug: false })
    expect(loaded).toEqual(['dataLayer'])
    expect(bridged).toEqual([{ storageKey: 'shop', onError: expect.any(Function), debug: false }])
  })

  it("should read the data layer's name, or the bridge's options, from the option", async () => {
    const named = setUp()
    await named.init({ dataLayer: 'shopLayer' })
    expect(named.bridged).toEqual([expect.objectContaining({ dataLayerName: 'shopLayer' })])
    const isInStock = () => false
    const withOptions = setUp()
    await withOptions.init({ dataLayer: { dataLayerName: 'gtm4wp', isInStock, categoryPage: true } })
    expect(withOptions.bridged).toEqual([
      expect.objectContaining({ dataLayerName: 'gtm4wp', isInStock, categoryPage: true }),
    ])
  })

  it('should report a malformed option and load nothing', async () => {
    const { init, loaded, errors } = setUp()
    await init({ dataLayer: 42 })
    expect(loaded).toEqual([])
    expect(errors.map((error) => [error.code, error.message])).toEqual([
      ['invalid_config', "dataLayer must be true, the data layer's name or the bridge's options; got 42"],
    ])
  })
})

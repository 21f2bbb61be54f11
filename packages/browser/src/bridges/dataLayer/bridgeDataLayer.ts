import { TrackerError } from '@es-tracker/core'
import { mustBe } from '@es-tracker/core/internal'
import { createDebugLog, type DebugLog } from '../../debug/debugLog'
import { createSafeStorage } from '../../storage/safeStorage'
import { trackerStorage } from '../../storage/trackerStorage'
import type { BridgeStorage } from '../bridgeStorage'
import { createCartMirror } from '../cartMirror'
import { createOrderLedger } from '../orderLedger'
import { connectDataLayer } from './connectDataLayer'
import { createGa4Handler } from './createGa4Handler'
import { readGa4Push } from './readGa4Push'
import type { BridgedTracker, DataLayerBridge, DataLayerBridgeOptions } from './types'

/**
 * Turns the page's GA4 ecommerce pushes (`dataLayer.push({ event, ecommerce })` and
 * `gtag('event', ...)`) into tracker calls: `view_item` a productPage, lists and search results
 * impressions, cart changes whole-cart StatusCarts, `purchase` one PurchasedItems per
 * `transaction_id` (also across reloads and tabs), and so on. Pushes made before the call are read
 * too, each once. The page's `push` keeps working and keeps its return value; an item the tracker
 * cannot send is skipped and reported through `onError`; nothing is thrown into the page. The cart
 * mirror and the orders sent are kept with the tracker's own records: for a tracker of
 * `createBrowserTracker`, nothing is written to storage before its consent is granted.
 *
 * @example
 * import { createBrowserTracker } from '@es-tracker/browser'
 * import { bridgeDataLayer } from '@es-tracker/browser/datalayer'
 *
 * const tracker = createBrowserTracker({ siteId: '8A412DC' })
 * bridgeDataLayer(tracker, { onError: (error) => console.warn(error.message) })
 */
export function bridgeDataLayer(tracker: BridgedTracker, options: DataLayerBridgeOptions = {}): DataLayerBridge {
  return bridgeDataLayerWith(tracker, options, createDebugLog(options), trackerStorage(tracker))
}

/**
 * {@link bridgeDataLayer} with a given log for what it reports and says: the ES module's own debug log
 * of the bridge's options, or the script tag's (its `onError`, and debug mode's masked console lines,
 * which come with the debug add-on), so that the dataLayer add-on carries no second one; and with
 * the tracker's consent-aware storage for the cart mirror and the orders sent (`undefined`, a tracker
 * of another kind: the page's localStorage).
 */
export function bridgeDataLayerWith(
  tracker: BridgedTracker,
  options: DataLayerBridgeOptions,
  { report, log }: Pick<DebugLog, 'report' | 'log'>,
  storage: BridgeStorage | undefined,
): DataLayerBridge {
  const stopped: DataLayerBridge = { stop() {} }
  // Outside a page (Node, SSR) there is no data layer to read.
  if (typeof window === 'undefined') return stopped
  const { dataLayerName = 'dataLayer', storageKey = 'es-tracker' } = Object(options) as DataLayerBridgeOptions
  if (typeof dataLayerName !== 'string' || dataLayerName === '') {
    report(mustBe('dataLayerName', 'a non-empty string', dataLayerName))
    return stopped
  }
  try {
    const records = storage ?? createSafeStorage()
    const handle = createGa4Handler({
      tracker,
      mirror: createCartMirror(records, `${storageKey}:dataLayer:cart`),
      orders: createOrderLedger(records, `${storageKey}:dataLayer:orders`),
      options,
      report,
      log,
    })
    const onPush = (pushed: unknown) => {
      const push = readGa4Push(pushed)
      if (push) handle(push)
    }
    return connectDataLayer(window as unknown as Record<string, unknown>, dataLayerName, onPush, report)
  } catch (cause) {
    // A data layer whose `push` cannot be replaced (a frozen array), say.
    report(new TrackerError('invalid_config', `the data layer could not be bridged: ${String(cause)}`, { cause }))
    return stopped
  }
}

import { type BridgeStorage, readStoredJson, writeStoredJson } from './bridgeStorage'

/** The orders a bridge has already sent, so that a purchase goes out once however often its page shows. */
export interface OrderLedger {
  /**
   * Records an order id: `true` the first time it is seen (send the purchase), `false` when it was
   * already recorded, on this page, an earlier load of it or another tab.
   */
  claim(orderId: string): boolean
}

/** How many order ids a ledger remembers: the most recent ones. */
export const orderLedgerSize = 50

/**
 * Creates the ledger kept under `key` in `storage`: the last {@link orderLedgerSize} order ids,
 * oldest first. Platform-free (the GA4 bridge and the Shopify pixel share it); every claim reads
 * the storage first, so tabs and reloads share one ledger.
 *
 * @example
 * const orders = createOrderLedger(createSafeStorage(), 'es-tracker:dataLayer:orders')
 * if (orders.claim('1001')) tracker.purchasedItems({ orderNumber: '1001', products })
 */
export function createOrderLedger(storage: BridgeStorage, key: string, size = orderLedgerSize): OrderLedger {
  return {
    claim(orderId) {
      const stored = readStoredJson(storage, key)
      const ids = Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : []
      if (ids.includes(orderId)) return false
      writeStoredJson(storage, key, [...ids, orderId].slice(-size))
      return true
    },
  }
}

import { describe, expect, it } from 'vitest'
import { createSafeStorage } from '../storage/safeStorage'
import type { BridgeStorage } from './bridgeStorage'
import { createOrderLedger, orderLedgerSize } from './orderLedger'

const mapStorage = (): BridgeStorage & { values: Map<string, string> } => {
  const values = new Map<string, string>()
  return { values, get: (key) => values.get(key), set: (key, value) => void values.set(key, value) }
}

describe('createOrderLedger', () => {
  it('should answer true the first time an order id is claimed and false after', () => {
    const ledger = createOrderLedger(mapStorage(), 'orders')
    expect(ledger.claim('1001')).toBe(true)
    expect(ledger.claim('1001')).toBe(false)
    expect(ledger.claim('1002')).toBe(true)
  })

  it('should answer false when another page or tab on the same storage claimed the order first', () => {
    const storage = createSafeStorage(() => undefined)
    expect(createOrderLedger(storage, 'orders').claim('1001')).toBe(true)
    // A reload of the thank-you page, twice, and a second tab: each a new ledger on the same storage.
    for (let reload = 0; reload < 3; reload++) expect(createOrderLedger(storage, 'orders').claim('1001')).toBe(false)
  })

  it(`should remember the last ${orderLedgerSize} order ids and forget older ones`, () => {
    const storage = mapStorage()
    const ledger = createOrderLedger(storage, 'orders')
    for (let order = 1; order <= orderLedgerSize + 1; order++) ledger.claim(String(order))
    expect(JSON.parse(storage.values.get('orders')!)).toHaveLength(orderLedgerSize)
    expect(ledger.claim(String(orderLedgerSize + 1))).toBe(false)
    expect(ledger.claim('2')).toBe(false)
    // The oldest was forgotten: it counts as new again.
    expect(ledger.claim('1')).toBe(true)
  })

  it('should start empty when what is stored is unreadable, and keep only string ids', () => {
    const storage = mapStorage()
    storage.values.set('orders', '{broken')
    expect(createOrderLedger(storage, 'orders').claim('1001')).toBe(true)
    storage.values.set('orders', JSON.stringify([1001, null, '1002']))
    expect(createOrderLedger(storage, 'orders').claim('1001')).toBe(true)
    expect(createOrderLedger(storage, 'orders').claim('1002')).toBe(false)
  })

  it('should never throw when the storage throws', () => {
    const broken: BridgeStorage = {
      get: () => {
        throw new Error('SecurityError')
      },
      set: () => {
        throw new Error('QuotaExceededError')
      },
    }
    expect(createOrderLedger(broken, 'orders').claim('1001')).toBe(true)
  })
})

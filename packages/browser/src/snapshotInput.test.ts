import { describe, expect, it } from 'vitest'
import { snapshotInput } from './snapshotInput'

describe('snapshotInput', () => {
  it('should copy plain objects and arrays so that later changes by the page do not reach it', () => {
    const products = [{ productKey: '1', price: 1 }]
    const input = [{ products, tags: { color: ['red'] } }]
    const snapshot = snapshotInput(input)
    products.push({ productKey: '2', price: 2 })
    products[0]!.price = 99
    input[0]!.tags.color.push('blue')
    expect(snapshot).toEqual([{ products: [{ productKey: '1', price: 1 }], tags: { color: ['red'] } }])
  })

  it('should keep other values as they are, cycles as cycles, and an own __proto__ key as a key', () => {
    const date = new Date(0)
    const cyclic: Record<string, unknown> = { date }
    cyclic.self = cyclic
    const snapshot = snapshotInput(cyclic)
    expect(snapshot).not.toBe(cyclic)
    expect(snapshot.self).toBe(snapshot)
    expect(snapshot.date).toBe(date)
    const hostile = snapshotInput(JSON.parse('{"__proto__":{"polluted":true}}'))
    expect(Object.getPrototypeOf(hostile)).toBe(Object.prototype)
    expect(Object.keys(hostile)).toEqual(['__proto__'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('should do bounded work on an input that shares each level twice', () => {
    let shared: Record<string, unknown> = { leaf: true }
    for (let level = 0; level < 40; level++) shared = { left: shared, right: shared }
    const started = performance.now()
    const snapshot = snapshotInput(shared)
    expect(performance.now() - started).toBeLessThan(1000)
    expect(snapshot.left).toBe(snapshot.right)
  })

  it('should throw what a throwing getter throws, for the caller to handle', () => {
    const hostile = Object.defineProperty({}, 'product', {
      enumerable: true,
      get() {
        throw new Error('no')
      },
    })
    expect(() => snapshotInput([hostile])).toThrow('no')
  })
})

import type { TrackerError } from '@es-tracker/core'
import { describe, expect, it } from 'vitest'
import { connectDataLayer } from './connectDataLayer'

function setUp(target: Record<string, unknown> = {}, name = 'dataLayer') {
  const read: unknown[] = []
  const errors: TrackerError[] = []
  const bridge = connectDataLayer(
    target,
    name,
    (pushed) => read.push(pushed),
    (error) => errors.push(error),
  )
  return { target, read, errors, bridge, layer: () => target[name] as unknown[] }
}

describe('connectDataLayer', () => {
  it('should create the data layer when the page has none, and read each later push once', () => {
    const { layer, read } = setUp()
    expect(Array.isArray(layer()) && layer().length).toBe(0)
    const first = { event: 'a' }
    expect(layer().push(first, { event: 'b' })).toBe(2)
    expect(layer().push({ event: 'c' })).toBe(3)
    expect(read).toEqual([first, { event: 'b' }, { event: 'c' }])
    expect(layer()[0]).toBe(first)
  })

  it('should read the pushes made before it, each once, then the later ones', () => {
    const target = { shopLayer: [{ event: 'early' }] }
    const { layer, read } = setUp(target, 'shopLayer')
    layer().push({ event: 'late' })
    expect(read).toEqual([{ event: 'early' }, { event: 'late' }])
  })

  it("should run the page's own push first and keep its return value", () => {
    const layer = [] as unknown as { push: (...items: unknown[]) => unknown }
    const order: string[] = []
    layer.push = function (this: unknown[], ...items: unknown[]) {
      order.push('page')
      Array.prototype.push.apply(this, items)
      return 'page result'
    }
    const target = { dataLayer: layer }
    connectDataLayer(
      target,
      'dataLayer',
      () => order.push('bridge'),
      () => {},
    )
    expect(target.dataLayer.push({ event: 'x' })).toBe('page result')
    expect(order).toEqual(['page', 'bridge'])
  })

  it('should keep reading and keep the return value when GTM wraps push after it', () => {
    const { layer, read } = setUp()
    // What GTM does when it loads: wrap the push it finds and answer its own value.
    const found = layer().push
    let gtmSaw = 0
    ;(layer() as unknown as { push: unknown }).push = function (this: unknown[], ...items: unknown[]) {
      found.apply(this, items)
      gtmSaw += items.length
      return true
    }
    expect(layer().push({ event: 'after GTM' })).toBe(true)
    expect(read).toEqual([{ event: 'after GTM' }])
    expect(gtmSaw).toBe(1)
    expect(layer()).toHaveLength(1)
  })

  it("should report what reading throws and never throw into the page's push", () => {
    const errors: TrackerError[] = []
    const target: Record<string, unknown> = {}
    connectDataLayer(
      target,
      'dataLayer',
      () => {
        throw new Error('boom')
      },
      (error) => errors.push(error),
    )
    const layer = target.dataLayer as unknown[]
    expect(layer.push({ event: 'a' })).toBe(1)
    expect(Array.from(layer)).toEqual([{ event: 'a' }])
    expect(errors.map((error) => error.message)).toEqual(['A dataLayer push could not be read: Error: boom'])
  })

  it('should let the page push’s own error through unchanged, as before the bridge', () => {
    const broken = new Error('page push failed')
    const layer = Object.assign([] as unknown[], {
      push: (..._items: unknown[]): number => {
        throw broken
      },
    })
    const { read } = setUp({ dataLayer: layer })
    expect(() => layer.push({ event: 'x' })).toThrow(broken)
    expect(read).toEqual([])
  })

  it('should report and read nothing when the data layer is not an array or is bridged already', () => {
    const notArray = setUp({ dataLayer: { push() {} } })
    expect(notArray.errors.map((error) => error.code)).toEqual(['invalid_config'])
    const target: Record<string, unknown> = { dataLayer: [{ event: 'early' }] }
    const first = setUp(target)
    const second = setUp(target)
    ;(target.dataLayer as unknown[]).push({ event: 'late' })
    expect(first.read).toHaveLength(2)
    expect(second.read).toEqual([])
    expect(second.errors[0]!.message).toBe('window.dataLayer is bridged already; this bridge reads nothing')
  })

  it('should stop reading and put the page’s push back when stopped', () => {
    const { layer, read, bridge, target } = setUp()
    bridge.stop()
    layer().push({ event: 'after stop' })
    expect(read).toEqual([])
    expect(Object.hasOwn(layer(), 'push')).toBe(false)
    // Bridging again works once stopped.
    const again = setUp(target)
    layer().push({ event: 'again' })
    expect(again.read).toEqual([{ event: 'after stop' }, { event: 'again' }])
  })
})

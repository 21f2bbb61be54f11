import { describe, expect, it } from 'vitest'
import { createDeferredCalls } from './deferredCalls'

const aTaskLater = () => new Promise((resolve) => setTimeout(resolve, 20))

describe('createDeferredCalls', () => {
  it('should run deferred work in a later task, in order, when the caller returns', async () => {
    const later = createDeferredCalls()
    const order: string[] = []
    later.defer(() => order.push('first'))
    later.defer(() => order.push('second'))
    await Promise.resolve()
    expect(order).toEqual([])
    await aTaskLater()
    expect(order).toEqual(['first', 'second'])
  })

  it('should run everything pending at once, in order, when drained, and not again later', async () => {
    const later = createDeferredCalls()
    const order: string[] = []
    later.defer(() => order.push('first'))
    later.defer(() => {
      order.push('second')
      later.defer(() => order.push('queued while draining'))
    })
    later.drain()
    expect(order).toEqual(['first', 'second', 'queued while draining'])
    await aTaskLater()
    expect(order).toHaveLength(3)
  })

  it('should run the rest when one piece of work throws', async () => {
    const later = createDeferredCalls()
    const order: string[] = []
    later.defer(() => {
      throw new Error('boom')
    })
    later.defer(() => order.push('after'))
    await aTaskLater()
    expect(order).toEqual(['after'])
  })
})

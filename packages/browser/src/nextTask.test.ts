import { describe, expect, it } from 'vitest'
import { nextTask } from './nextTask'

describe('nextTask', () => {
  it('should run callbacks in order in a later task when scheduled together', async () => {
    const order: string[] = []
    nextTask(() => order.push('first'))
    nextTask(() => order.push('second'))
    await Promise.resolve()
    expect(order).toEqual([])
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(order).toEqual(['first', 'second'])
  })
})

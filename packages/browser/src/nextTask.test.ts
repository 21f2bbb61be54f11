import { afterEach, describe, expect, it, vi } from 'vitest'

// nextTask finds its way of posting on first use: each test imports a fresh copy.
const freshNextTask = async () => {
  vi.resetModules()
  return (await import('./nextTask')).nextTask
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('nextTask', () => {
  it('should run callbacks in order in a later task when scheduled together', async () => {
    const nextTask = await freshNextTask()
    const order: string[] = []
    nextTask(() => order.push('first'))
    nextTask(() => order.push('second'))
    await Promise.resolve()
    expect(order).toEqual([])
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(order).toEqual(['first', 'second'])
  })

  it("should not use a page's own scheduler.postTask, which might never run the task", async () => {
    const postTask = vi.fn(async () => {})
    vi.stubGlobal('scheduler', { postTask })
    const nextTask = await freshNextTask()
    const ran = new Promise((resolve) => nextTask(() => resolve('ran')))
    expect(await ran).toBe('ran')
    expect(postTask).not.toHaveBeenCalled()
  })

  it('should fall back to a message when reading scheduler throws', async () => {
    vi.stubGlobal('scheduler', undefined)
    Object.defineProperty(globalThis, 'scheduler', {
      configurable: true,
      get() {
        throw new Error('hostile')
      },
    })
    const nextTask = await freshNextTask()
    try {
      expect(await new Promise((resolve) => nextTask(() => resolve('ran')))).toBe('ran')
    } finally {
      Reflect.deleteProperty(globalThis, 'scheduler')
    }
  })
})

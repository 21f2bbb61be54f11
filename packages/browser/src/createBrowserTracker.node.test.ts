import { describe, expect, it, vi } from 'vitest'

describe('createBrowserTracker', () => {
  it('should import without side effects when there is no document (Node, SSR)', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch')
    const module = await import('./index')
    expect(typeof module.createBrowserTracker).toBe('function')
    expect(fetch).not.toHaveBeenCalled()
  })

  it('should give an inert tracker resolving unsupported when there is no document', async () => {
    const { createBrowserTracker } = await import('./index')
    const tracker = createBrowserTracker({ siteId: 'S', endpoint: 'http://127.0.0.1:1/api/v2' })
    const result = await tracker.productPage({ product: { productKey: '1', price: 1 } })
    expect(result.ok === false && result.error.code).toBe('unsupported')
    expect(tracker.cartGuid()).toBeUndefined()
    expect(() => tracker.identify({ email: 'a@b.c' })).not.toThrow()
  })
})

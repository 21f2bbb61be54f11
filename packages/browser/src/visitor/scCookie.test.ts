import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CookieJar } from './scCookie'
import { createScSource } from './scCookie'

function fakeJar(initial?: string) {
  const values = new Map<string, string>()
  if (initial) values.set('sc', initial)
  const writes: Array<{ value: string; attributes: unknown }> = []
  const jar: CookieJar = {
    get: (name) => values.get(name),
    set: (name, value, attributes) => {
      writes.push({ value, attributes })
      values.set(name, value)
    },
  }
  return { jar, values, writes }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('createScSource', () => {
  it('should answer the existing cookie when the site has one', async () => {
    const { jar, writes } = fakeJar('ABC')
    const source = createScSource({ createScCookie: true }, { secure: true, newId: () => 'NEW', cookies: jar })
    expect(await source.get()).toBe('ABC')
    expect(writes).toEqual([])
  })

  it('should set a first-party cookie for a year when the site has none', async () => {
    const { jar, writes } = fakeJar()
    const source = createScSource({ createScCookie: true }, { secure: true, newId: () => 'NEW-ID', cookies: jar })
    expect(await source.get()).toBe('NEW-ID')
    expect(writes).toEqual([
      { value: 'NEW-ID', attributes: { expires: 365, path: '/', sameSite: 'Lax', secure: true } },
    ])
    expect(await source.get()).toBe('NEW-ID')
    expect(writes).toHaveLength(1)
  })

  it('should keep one id for the page when cookies are blocked', async () => {
    let calls = 0
    const jar: CookieJar = { get: () => undefined, set: () => {} }
    const source = createScSource(
      { createScCookie: true },
      { secure: false, newId: () => `ID-${++calls}`, cookies: jar },
    )
    expect(await source.get()).toBe('ID-1')
    expect(await source.get()).toBe('ID-1')
  })

  it('should wait for the cookie when creating is off and the site sets it later', async () => {
    vi.useFakeTimers()
    const { jar, values, writes } = fakeJar()
    const source = createScSource({ createScCookie: false }, { secure: true, newId: () => 'NEW', cookies: jar })
    const first = source.get()
    const second = source.get()
    let settled = false
    void Promise.resolve(first).then(() => {
      settled = true
    })
    await vi.advanceTimersByTimeAsync(3000)
    expect(settled).toBe(false)
    values.set('sc', 'SITE-SC')
    await vi.advanceTimersByTimeAsync(1000)
    expect(await first).toBe('SITE-SC')
    expect(await second).toBe('SITE-SC')
    expect(writes).toEqual([])
    expect(vi.getTimerCount()).toBe(0)
  })

  it('should release waiting events at the next event when the cookie appears in between', async () => {
    vi.useFakeTimers()
    const { jar, values } = fakeJar()
    const source = createScSource({ createScCookie: false }, { secure: true, newId: () => 'NEW', cookies: jar })
    const waiting = source.get()
    values.set('sc', 'SITE-SC')
    expect(await source.get()).toBe('SITE-SC')
    expect(await waiting).toBe('SITE-SC')
    expect(vi.getTimerCount()).toBe(0)
  })

  it('should resolve a timeout error when the cookie never appears', async () => {
    vi.useFakeTimers()
    const source = createScSource(
      { createScCookie: false, scWaitTimeoutMs: 5000 },
      { secure: true, newId: () => 'N', cookies: fakeJar().jar },
    )
    const waiting = source.get()
    await vi.advanceTimersByTimeAsync(5000)
    const result = await waiting
    expect(result).toMatchObject({ code: 'timeout' })
    expect(vi.getTimerCount()).toBe(0)
  })

  it('should refuse events past the waiting limit with queue_full', async () => {
    vi.useFakeTimers()
    const source = createScSource(
      { createScCookie: false },
      { secure: true, newId: () => 'N', cookies: fakeJar().jar, maxWaiting: 1 },
    )
    void source.get()
    expect(await source.get()).toMatchObject({ code: 'queue_full' })
  })

  it('should answer undefined-safe when reading the cookie throws', async () => {
    const jar: CookieJar = {
      get: () => {
        throw new Error('sandboxed')
      },
      set: () => {
        throw new Error('sandboxed')
      },
    }
    const source = createScSource({ createScCookie: true }, { secure: true, newId: () => 'PAGE-ID', cookies: jar })
    expect(await source.get()).toBe('PAGE-ID')
  })
})

// @vitest-environment happy-dom
import Cookies from 'js-cookie'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createScSource, documentCookieJar, type ScCookieJar } from './scCookie'

const uuidV4 = /^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/

/** Records the tracker's cookie writes (still written to the page's cookies). */
const spyOnWrites = () => vi.spyOn(Cookies, 'set')

beforeEach(() => {
  Cookies.remove('sc', { path: '/' })
})

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  Cookies.remove('sc', { path: '/' })
})

describe('createScSource', () => {
  it('should answer the existing cookie when the site has one', async () => {
    Cookies.set('sc', 'ABC', { path: '/' })
    const writes = spyOnWrites()
    const source = createScSource({ createScCookie: true }, documentCookieJar)
    expect(await source()).toBe('ABC')
    expect(writes).not.toHaveBeenCalled()
  })

  it('should read the cookie once per event when no event waits for it', () => {
    Cookies.set('sc', 'ABC', { path: '/' })
    const reads = vi.spyOn(Cookies, 'get')
    const source = createScSource({ createScCookie: true }, documentCookieJar)
    expect([source(), source(), source()]).toEqual(['ABC', 'ABC', 'ABC'])
    expect(reads).toHaveBeenCalledTimes(3)
  })

  it('should set a first-party cookie for a year when the site has none', async () => {
    const writes = spyOnWrites()
    const source = createScSource({}, documentCookieJar)
    const sc = await source()
    expect(sc).toMatch(uuidV4)
    expect(Cookies.get('sc')).toBe(sc)
    expect(writes.mock.calls).toEqual([['sc', sc, { expires: 365, path: '/', sameSite: 'Lax', secure: false }]])
    expect(await source()).toBe(sc)
    expect(writes).toHaveBeenCalledTimes(1)
  })

  it('should mark the created cookie Secure when the page is served over https', async () => {
    vi.stubGlobal('location', { protocol: 'https:' })
    const writes = vi.spyOn(Cookies, 'set').mockImplementation(() => undefined)
    await createScSource({}, documentCookieJar)()
    expect(writes.mock.calls[0]?.[2]).toMatchObject({ secure: true })
  })

  it('should keep one id for the page when cookies are blocked', async () => {
    const writes = vi.spyOn(Cookies, 'set').mockImplementation(() => undefined)
    const source = createScSource({ createScCookie: true }, documentCookieJar)
    const sc = await source()
    expect(sc).toMatch(uuidV4)
    expect(await source()).toBe(sc)
    expect(writes).toHaveBeenCalledTimes(1)
  })

  it('should wait for the cookie when creating is off and the site sets it later', async () => {
    vi.useFakeTimers()
    const writes = spyOnWrites()
    const source = createScSource({ createScCookie: false }, documentCookieJar)
    const first = source()
    const second = source()
    let settled = false
    void Promise.resolve(first).then(() => {
      settled = true
    })
    await vi.advanceTimersByTimeAsync(3000)
    expect(settled).toBe(false)
    Cookies.set('sc', 'SITE-SC', { path: '/' })
    writes.mockClear()
    await vi.advanceTimersByTimeAsync(1000)
    expect(await first).toBe('SITE-SC')
    expect(await second).toBe('SITE-SC')
    expect(writes).not.toHaveBeenCalled()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('should release waiting events at the next event when the cookie appears in between', async () => {
    vi.useFakeTimers()
    const source = createScSource({ createScCookie: false }, documentCookieJar)
    const waiting = source()
    Cookies.set('sc', 'SITE-SC', { path: '/' })
    expect(await source()).toBe('SITE-SC')
    expect(await waiting).toBe('SITE-SC')
    expect(vi.getTimerCount()).toBe(0)
  })

  it('should resolve a timeout error when the cookie never appears', async () => {
    vi.useFakeTimers()
    const source = createScSource({ createScCookie: false, scWaitTimeoutMs: 5000 }, documentCookieJar)
    const waiting = source()
    await vi.advanceTimersByTimeAsync(5000)
    const result = await waiting
    expect(result).toMatchObject({ code: 'timeout' })
    expect(vi.getTimerCount()).toBe(0)
  })

  it('should refuse events past the waiting limit (100) with queue_full', async () => {
    vi.useFakeTimers()
    const source = createScSource({ createScCookie: false }, documentCookieJar)
    const waiting = Array.from({ length: 100 }, () => source())
    expect(waiting.every((result) => result instanceof Promise)).toBe(true)
    expect(await source()).toMatchObject({ code: 'queue_full' })
  })

  it('should answer a page-long id, not throw, when reading and writing the cookie throw', async () => {
    const sandboxed = () => {
      throw new Error('sandboxed')
    }
    vi.spyOn(Cookies, 'get').mockImplementation(sandboxed)
    vi.spyOn(Cookies, 'set').mockImplementation(sandboxed)
    const source = createScSource({ createScCookie: true }, documentCookieJar)
    const sc = await source()
    expect(sc).toMatch(uuidV4)
    expect(await source()).toBe(sc)
  })
})

describe('createScSource with a jar that answers later (a Shopify pixel)', () => {
  /** A cookie jar like the pixel's `browser.cookie`: each read and write answers a task later. */
  const asyncJar = (initial?: string, { blocked = false } = {}) => {
    let value = initial
    const later = <T>(result: () => T) => new Promise<T>((resolve) => setTimeout(() => resolve(result()), 1))
    const jar: ScCookieJar & { creates: string[] } = {
      creates: [],
      read: () => later(() => value),
      create(id) {
        jar.creates.push(id)
        return later(() => {
          if (!blocked) value = id
        })
      },
    }
    return jar
  }

  it('should answer the existing cookie and never replace it', async () => {
    const jar = asyncJar('EXISTING')
    const source = createScSource({}, jar)
    expect(await Promise.all([source(), source()])).toEqual(['EXISTING', 'EXISTING'])
    expect(jar.creates).toEqual([])
  })

  it('should create one cookie for events that come while the first look is under way', async () => {
    const jar = asyncJar()
    const source = createScSource({}, jar)
    const answers = await Promise.all([source(), source(), source(), source()])
    expect(jar.creates).toHaveLength(1)
    expect(answers).toEqual(Array(4).fill(jar.creates[0]))
    expect(jar.creates[0]).toMatch(uuidV4)
    // Later events read the cookie created.
    expect(await source()).toBe(jar.creates[0])
    expect(jar.creates).toHaveLength(1)
  })

  it('should keep one id for the page when the cookie write does not take', async () => {
    const jar = asyncJar(undefined, { blocked: true })
    const source = createScSource({}, jar)
    const sc = await source()
    expect(sc).toBe(jar.creates[0])
    expect(await source()).toBe(sc)
    expect(jar.creates).toHaveLength(1)
  })
})

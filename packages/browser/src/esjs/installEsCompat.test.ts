import type { SendResult, TrackerError } from '@es-tracker/core'
import { describe, expect, it, vi } from 'vitest'
import type { EsJsHandler } from './createEsJsHandler'
import { installEsCompat } from './installEsCompat'

/** The vendor snippet's stub: each call's arguments are pushed wrapped once more (`eS.q[i][0]`). */
function vendorStub() {
  const f = function (this: unknown, ..._args: unknown[]) {
    // biome-ignore lint/complexity/noArguments: the vendor snippet pushes the arguments object itself
    f.c(arguments)
  } as ((...args: unknown[]) => void) & { q: unknown[]; c: (...args: unknown[]) => void }
  f.q = []
  f.c = function (..._args: unknown[]) {
    // biome-ignore lint/complexity/noArguments: as the vendor snippet does
    f.q.push(arguments)
  }
  return f
}

/** An integration's flat stub: each call's arguments are pushed as they are (`eS.q[i]`). */
function flatStub() {
  const f = function (..._args: unknown[]) {
    // biome-ignore lint/complexity/noArguments: as such integrations do
    f.q.push(arguments)
  } as ((...args: unknown[]) => void) & { q: unknown[] }
  f.q = []
  return f
}

const noScripts = { querySelectorAll: () => [] as unknown as NodeListOf<Element> }

function setup(eS?: unknown, document = noScripts) {
  const calls: Array<[string, unknown[]]> = []
  const handle: EsJsHandler = (command, args) => {
    calls.push([command, [...args]])
    return Promise.resolve<SendResult>({ ok: true })
  }
  const report = vi.fn<(error: TrackerError) => void>()
  const log = vi.fn()
  const target: Record<string, unknown> = eS === undefined ? {} : { eS }
  const installed = installEsCompat(target, { handle, report, log, document })
  return { target, calls, report, log, installed }
}

describe('installEsCompat', () => {
  it("should replay the vendor snippet's wrapped queue in order when the stub queued calls", () => {
    const stub = vendorStub()
    stub('init', { TRACKING: false, RECOMS: true })
    stub('sendEvent', 'MainPage')
    stub('sendEvent', 'ProductPage', { ProductPage: { productKey: '1' } })
    const { calls, installed, report } = setup(stub)
    expect(installed).toBe(true)
    expect(calls).toEqual([
      ['sendEvent', ['MainPage']],
      ['sendEvent', ['ProductPage', { ProductPage: { productKey: '1' } }]],
    ])
    expect(report).not.toHaveBeenCalled()
  })

  it('should replay a flat queue when an integration pushed the arguments as they are', () => {
    const stub = flatStub()
    stub('sendEventWithTags', 'ProductImpression', { ProductImpression: { Products: [] } })
    stub('sendEvent', 'CategoryPage', { CategoryPage: { categoryKey: 'A' } }, { user_email: 'a@example.com' })
    const { calls } = setup(stub)
    expect(calls).toEqual([
      ['sendEventWithTags', ['ProductImpression', { ProductImpression: { Products: [] } }]],
      ['sendEvent', ['CategoryPage', { CategoryPage: { categoryKey: 'A' } }, { user_email: 'a@example.com' }]],
    ])
  })

  it('should answer later eS calls directly and return the send promise when installed', async () => {
    const { target, calls } = setup()
    const eS = target.eS as (...args: unknown[]) => unknown
    await expect(eS('sendEvent', 'SearchRequest', { SearchRequest: { search: 'x' } })).resolves.toEqual({ ok: true })
    expect(calls).toEqual([['sendEvent', ['SearchRequest', { SearchRequest: { search: 'x' } }]]])
  })

  it("should accept the vendor's init and ignore it", () => {
    const { target, calls, report } = setup()
    ;(target.eS as (...args: unknown[]) => unknown)('init', { TRACKING: false, RECOMS: true, language: 'uk' })
    expect(calls).toEqual([])
    expect(report).not.toHaveBeenCalled()
  })

  it('should report an unknown eS command and not throw', () => {
    const { target, report } = setup()
    expect(() => (target.eS as (...args: unknown[]) => unknown)('getRecoms', 1)).not.toThrow()
    expect(report.mock.calls[0]?.[0]).toMatchObject({ code: 'unsupported' })
  })

  it("should leave the page alone when the vendor's script tag is on it", () => {
    const stub = vendorStub()
    stub('sendEvent', 'MainPage')
    const scripts = {
      querySelectorAll: () => [{ src: 'https://cdn.esputnik.com/scripts/0000.js' }] as unknown as NodeListOf<Element>,
    }
    const { target, calls, installed, log } = setup(stub, scripts)
    expect(installed).toBe(false)
    expect(target.eS).toBe(stub)
    expect(stub.q).toHaveLength(1)
    expect(calls).toEqual([])
    expect(log).toHaveBeenCalledWith(expect.stringContaining("vendor's eS.JS is on this page"))
  })

  it("should leave the page alone when eS is the vendor's real function or something else", () => {
    const real = () => undefined
    expect(setup(real).installed).toBe(false)
    expect(setup(real).target.eS).toBe(real)
    expect(setup({ some: 'object' }).installed).toBe(false)
  })

  it('should keep its own eS when installed twice', () => {
    const { target } = setup()
    const ours = target.eS
    expect(installEsCompat(target, { handle: () => Promise.resolve({ ok: true }), report: () => {} })).toBe(true)
    expect(target.eS).toBe(ours)
  })

  it('should skip a queued entry that cannot be read and run the rest', () => {
    const stub = flatStub()
    stub.q.push(null, 5, {
      length: 1,
      get 0() {
        throw new Error('boom')
      },
    })
    stub('sendEvent', 'MainPage')
    const { calls } = setup(stub)
    expect(calls).toEqual([['sendEvent', ['MainPage']]])
  })
})

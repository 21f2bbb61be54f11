// @vitest-environment happy-dom
import type { SendResult } from '@es-tracker/core'
import { describe, expect, it, vi } from 'vitest'
import { createCommandDispatcher } from '../commandQueue'
import type { BrowserTracker, BrowserTrackerOptions } from '../types'
import { registerEsJsCommands } from './registerEsJsCommands'

/** A fake tracker factory recording each raw send and identify. */
function fakeCreate() {
  const calls: Array<[string, unknown[]]> = []
  const create = (_options: BrowserTrackerOptions) =>
    new Proxy({} as BrowserTracker, {
      get:
        (_target, name) =>
        (...args: unknown[]) => {
          calls.push([String(name), args])
          return name === 'cartGuid' ? undefined : Promise.resolve<SendResult>({ ok: true })
        },
    })
  return { create, calls }
}

const sends = (calls: Array<[string, unknown[]]>) => calls.filter(([name]) => name === 'send')

function setup(init: Record<string, unknown>, eS?: unknown) {
  const { create, calls } = fakeCreate()
  const dispatcher = createCommandDispatcher(create)
  const target: Record<string, unknown> = eS === undefined ? {} : { eS }
  registerEsJsCommands(dispatcher, target)
  return { dispatcher, target, calls, init: () => dispatcher.call(['init', { siteId: 'S', ...init }]) }
}

describe('registerEsJsCommands', () => {
  it('should convert esTracker sendEvent calls, also those made before init, into raw sends', async () => {
    const { dispatcher, calls, init } = setup({})
    const early = dispatcher.call(['sendEvent', 'CategoryPage', { CategoryPage: { categoryKey: 'A' } }])
    init()
    await expect(early).resolves.toEqual({ ok: true })
    dispatcher.call(['sendEventWithTags', 'ProductImpression', { ProductImpression: { Products: [] } }])
    expect(sends(calls)).toEqual([
      ['send', ['CategoryPage', { CategoryPage: { Category: { categoryKey: 'A' } } }]],
      ['send', ['ProductImpressions', { ProductImpression: { Products: [] } }]],
    ])
  })

  it('should leave window.eS alone when esCompat is not set', () => {
    const { target, init } = setup({})
    init()
    expect(target.eS).toBeUndefined()
  })

  it('should answer window.eS and replay its stub queue when init sets esCompat', () => {
    const stub = Object.assign((..._args: unknown[]) => undefined, {
      q: [[['sendEvent', 'SearchRequest', { SearchRequest: { search: 'x' } }]]],
    })
    const { target, calls, init } = setup({ esCompat: true, TRACKING: false, RECOMS: true }, stub)
    init()
    expect(target.eS).not.toBe(stub)
    expect(sends(calls)).toEqual([['send', ['SearchRequest', { SearchRequest: { search: 'x' } }]]])
  })

  it('should log why nothing was sent in debug mode when the event is script-only', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {})
    const { dispatcher, calls, init } = setup({ debug: true })
    init()
    await dispatcher.call(['sendEvent', 'NotFound'])
    expect(sends(calls)).toEqual([])
    expect(info).toHaveBeenCalledWith(
      '[es-tracker]',
      expect.stringContaining('NotFound: eS.JS-only event, nothing sent'),
    )
    info.mockRestore()
  })
})

import { TrackerError } from '@es-tracker/core'
import { findUnknownFields } from '@es-tracker/core/internal'
import { describe, expect, it } from 'vitest'
import { createDeferredDebugLog } from './createDeferredDebugLog'
import { createDebugLog, type DebugConsole } from './debugLog'

function recordingConsole() {
  const lines: Array<[string, string]> = []
  const record =
    (level: string) =>
    (...parts: unknown[]) =>
      lines.push([level, JSON.stringify(parts)])
  const output: DebugConsole = {
    log: record('log'),
    warn: record('warn'),
    error: record('error'),
    info: record('info'),
  }
  return { lines, output }
}

/** A `debug` add-on loader that answers when told to, with the add-on's real exports or an error. */
function controlledLoader() {
  let loads = 0
  let answer: (value: Awaited<ReturnType<Parameters<typeof createDeferredDebugLog>[1]>>) => void = () => {}
  const load = () => {
    loads++
    return new Promise<Parameters<typeof answer>[0]>((resolve) => {
      answer = resolve
    })
  }
  const addon = {
    createDebugLog: (options: unknown, output?: DebugConsole) => createDebugLog(options, output, findUnknownFields),
  }
  return { load, loads: () => loads, arrive: () => answer(addon), fail: (error: TrackerError) => answer(error) }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('createDeferredDebugLog', () => {
  it('should load nothing and write only bad configuration, unmasked, when debug is off', () => {
    const { lines, output } = recordingConsole()
    const loader = controlledLoader()
    const seen: string[] = []
    const log = createDeferredDebugLog({ onError: (error: TrackerError) => seen.push(error.code) }, loader.load, output)
    log.call('productPage', [{}])
    log.payload('ProductPage', {})
    log.result('productPage', { ok: true })
    log.log('why')
    log.report(new TrackerError('http_error', 'failed'))
    expect(lines).toEqual([])
    log.report(new TrackerError('invalid_config', 'siteId must be a non-empty string; got undefined'))
    expect(loader.loads()).toBe(0)
    expect(lines).toEqual([
      ['error', JSON.stringify(['[es-tracker]', 'invalid_config: siteId must be a non-empty string; got undefined'])],
    ])
    expect(seen).toEqual(['http_error', 'invalid_config'])
  })

  it('should load the add-on once with debug: true and write what waited, in order and as it was, once it runs', async () => {
    const { lines, output } = recordingConsole()
    const loader = controlledLoader()
    const seen: string[] = []
    const log = createDeferredDebugLog(
      { debug: true, onError: (error: TrackerError) => seen.push(error.code) },
      loader.load,
      output,
    )
    const input = { email: 'jane@example.com' }
    log.call('identify', [input])
    input.email = 'changed@example.com'
    log.report(new TrackerError('http_error', 'failed'))
    log.log('no event')
    // The host hears of a failure at once; the console waits for the masking.
    expect(seen).toEqual(['http_error'])
    expect(lines).toEqual([])
    expect(loader.loads()).toBe(1)
    loader.arrive()
    await settle()
    expect(lines).toEqual([
      ['log', JSON.stringify(['[es-tracker]', 'identify(...)', [{ email: 'j***@example.com' }]])],
      ['error', JSON.stringify(['[es-tracker]', 'http_error: failed'])],
      ['info', JSON.stringify(['[es-tracker]', 'no event'])],
    ])
    // Once loaded, lines are written at once; onError is still called once per report.
    log.payload('CategoryPage', {
      GeneralInfo: { eventName: 'CategoryPage', siteId: 'S', datetime: 1, cookies: { sc: 'SC' } },
      CategoryPage: { Category: { categoryKey: '1', categorykey: '1' } },
    })
    expect(lines.slice(3).map(([level]) => level)).toEqual(['log', 'warn'])
    expect(lines[4]?.[1]).toContain('CategoryPage.Category.categorykey')
    expect(seen).toEqual(['http_error'])
  })

  it('should report an add-on that cannot load and drop the waiting lines, never writing them unmasked', async () => {
    const { lines, output } = recordingConsole()
    const loader = controlledLoader()
    const seen: TrackerError[] = []
    const log = createDeferredDebugLog(
      { debug: true, onError: (error: TrackerError) => seen.push(error) },
      loader.load,
      output,
    )
    log.call('identify', [{ email: 'jane@example.com' }])
    const failure = new TrackerError('network_error', 'the debug add-on (es-tracker.debug.min.js) did not load: x')
    loader.fail(failure)
    await settle()
    log.call('identify', [{ email: 'jane@example.com' }])
    expect(seen).toEqual([failure])
    expect(lines).toEqual([['error', JSON.stringify(['[es-tracker]', `network_error: ${failure.message}`])]])
  })

  it('should keep a call whose input throws when read, and not throw', async () => {
    const { lines, output } = recordingConsole()
    const loader = controlledLoader()
    const log = createDeferredDebugLog({ debug: true }, loader.load, output)
    const hostile = Object.defineProperty({}, 'product', {
      enumerable: true,
      get() {
        throw new Error('hostile getter')
      },
    })
    expect(() => log.call('productPage', [hostile])).not.toThrow()
    loader.arrive()
    await settle()
    expect(lines).toEqual([['log', JSON.stringify(['[es-tracker]', 'productPage(...)', ['[unreadable]']])]])
  })
})

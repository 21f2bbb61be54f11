import { TrackerError } from '@es-tracker/core'
import { findUnknownFields, makeIssue } from '@es-tracker/core/internal'
import { describe, expect, it } from 'vitest'
import { createDebugLog, type DebugConsole } from './debugLog'

function recordingConsole() {
  const lines: Array<[string, string]> = []
  const output: DebugConsole = {
    log: (...parts: unknown[]) => lines.push(['log', JSON.stringify(parts)]),
    warn: (...parts: unknown[]) => lines.push(['warn', JSON.stringify(parts)]),
    error: (...parts: unknown[]) => lines.push(['error', JSON.stringify(parts)]),
  }
  return { lines, output }
}

describe('createDebugLog', () => {
  it('should log calls and payloads with personal data masked when enabled', () => {
    const { lines, output } = recordingConsole()
    const log = createDebugLog({ debug: true }, output)
    log.call('identify', [{ email: 'jane@example.com', phone: '+380501113010' }])
    log.payload('CustomerData', { GeneralInfo: { user_email: 'jane@example.com', user_phone: '+380501113010' } })
    const text = lines.map(([, line]) => line).join('\n')
    expect(text).toContain('j***@example.com')
    expect(text).toContain('***3010')
    expect(text).not.toContain('jane@')
    expect(text).not.toContain('501113010')
  })

  it('should note a payload key the wire model does not know when enabled, and nothing when disabled', () => {
    const { lines, output } = recordingConsole()
    const payload = {
      GeneralInfo: { eventName: 'CategoryPage', siteId: 'S', datetime: 1, cookies: { sc: 'SC' } },
      CategoryPage: { Category: { categoryKey: '1', categorykey: '1' } },
    }
    createDebugLog({}, output, findUnknownFields).payload('CategoryPage', payload)
    expect(lines).toEqual([])
    createDebugLog({ debug: true }, output, findUnknownFields).payload('CategoryPage', payload)
    expect(lines.filter(([level]) => level === 'warn').map(([, line]) => line)).toEqual([
      JSON.stringify([
        '[es-tracker]',
        'CategoryPage: CategoryPage.Category.categorykey: a field the wire model does not know: sent as given (a typo?)',
      ]),
    ])
  })

  it('should log a failed result with its issues and the e-mail masked', () => {
    const { lines, output } = recordingConsole()
    const error = new TrackerError('invalid_event', 'Invalid CustomerData event', {
      issues: [makeIssue('GeneralInfo.user_email', 'an e-mail', 'jane@example')],
    })
    createDebugLog({ debug: true }, output).result('customerData', { ok: false, error })
    expect(lines).toHaveLength(1)
    expect(lines[0]?.[0]).toBe('warn')
    expect(lines[0]?.[1]).toContain('GeneralInfo.user_email')
    expect(lines[0]?.[1]).not.toContain('jane@')
  })

  it('should stay silent when disabled, except for bad configuration', () => {
    const { lines, output } = recordingConsole()
    const log = createDebugLog({}, output)
    log.call('productPage', [{}])
    log.result('productPage', { ok: true })
    log.report(new TrackerError('http_error', 'failed'))
    expect(lines).toEqual([])
    log.report(new TrackerError('invalid_config', 'siteId missing'))
    expect(lines.map(([level]) => level)).toEqual(['error'])
  })

  it('should pass every report to onError, read at each report, when the host gives one', () => {
    const { output } = recordingConsole()
    const seen: string[] = []
    const options: { onError?: (error: TrackerError) => void } = {}
    const log = createDebugLog(options, output)
    log.report(new TrackerError('http_error', 'before'))
    options.onError = (error) => seen.push(error.message)
    log.report(new TrackerError('http_error', 'after'))
    expect(seen).toEqual(['after'])
  })

  it('should not throw when onError throws or rejects', async () => {
    const error = new TrackerError('http_error', 'x')
    const throwing = createDebugLog({
      onError: () => {
        throw new Error('host bug')
      },
    })
    expect(() => throwing.report(error)).not.toThrow()
    createDebugLog({ onError: () => Promise.reject(new Error('host bug')) }).report(error)
    // An unhandled rejection would fail the run.
    await new Promise((resolve) => setTimeout(resolve, 0))
  })

  it('should not throw when the console does', () => {
    const throwing = () => {
      throw new Error('console gone')
    }
    const log = createDebugLog({ debug: true }, { log: throwing, warn: throwing, error: throwing })
    expect(() => log.call('productPage', [])).not.toThrow()
    expect(() => log.report(new TrackerError('closed', 'x'))).not.toThrow()
  })

  it('should log the call, not throw, when an argument has a throwing getter', () => {
    const { lines, output } = recordingConsole()
    const input = Object.defineProperty({}, 'product', {
      enumerable: true,
      get() {
        throw new Error('hostile getter')
      },
    })
    expect(() => createDebugLog({ debug: true }, output).call('productPage', [input])).not.toThrow()
    expect(lines).toEqual([['log', JSON.stringify(['[es-tracker]', 'productPage(...)', ['[unreadable]']])]])
  })
})

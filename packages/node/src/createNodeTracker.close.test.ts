// tracker.close() (issue 18 item 9): any timeout length, in-flight events reported by their outcome.
import { createNodeTracker, type NodeTrackerOptions, type TrackerError } from '@es-tracker/node'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { until } from '../test/child/spawnWorker'
import { startTestServer, type TestServer } from '../test/testServer'

const sc = 'CDA68358-94FB-4D83-9655-3FEB3C4114A3'
let server: TestServer
let errors: TrackerError[]

beforeEach(async () => {
  server = await startTestServer()
  errors = []
})
afterEach(async () => {
  await server.close()
})

const tracker = (options: Partial<NodeTrackerOptions> = {}) =>
  createNodeTracker({ siteId: '8A412DC', endpoint: server.url, onError: (error) => errors.push(error), ...options })

describe('tracker.close', () => {
  it.each([
    ['Infinity', Number.POSITIVE_INFINITY],
    ['2^31 ms', 2 ** 31],
  ])('should wait for pending events when the timeout is %s, not give up at once', async (_name, timeoutMs) => {
    server.reply = () => ({ status: 204, delayMs: 300 })
    const instance = tracker({ concurrency: 1 })
    const visitor = instance.visitor({ sc })
    const results = [1, 2].map((n) => visitor.customEvent({ name: `e${n}` }))
    await instance.close(timeoutMs)
    expect(await Promise.all(results)).toEqual([{ ok: true }, { ok: true }])
    expect(errors).toEqual([])
  })

  it('should report an event in flight when close() gives up by its outcome, not as closed, when it then arrives', async () => {
    server.reply = () => ({ status: 204, delayMs: 600 })
    const instance = tracker({ concurrency: 2, timeout: 10_000 })
    const visitor = instance.visitor({ sc })
    const inFlight = [1, 2].map((n) => visitor.customEvent({ name: `e${n}` }))
    const waiting = visitor.customEvent({ name: 'e3' })
    await until(() => server.requests.length === 2, 'two attempts in flight')
    await instance.close(50)
    // Never started: closed, and reported.
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'closed' } })
    // They arrive after close() returned: delivered, as the server saw.
    expect(await Promise.all(inFlight)).toEqual([{ ok: true }, { ok: true }])
    expect(errors.map((error) => error.code)).toEqual(['closed'])
  })

  it('should report an event in flight that then fails as closed, kept for a later process', async () => {
    server.reply = () => ({ status: 503, delayMs: 300 })
    const instance = tracker({ timeout: 10_000 })
    const pending = instance.visitor({ sc }).customEvent({ name: 'e1' })
    await until(() => server.requests.length === 1, 'an attempt in flight')
    await instance.close(20)
    const result = await pending
    expect(result).toMatchObject({ ok: false, error: { code: 'closed' } })
    expect(result.ok === false && result.error.message).toContain('its last attempt failed')
    expect(server.requests).toHaveLength(1)
  })
})

import { afterEach, describe, expect, it, vi } from 'vitest'
import { createNodeTracker } from './createNodeTracker'

describe('createNodeTracker default onWarning', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('should name the dropped identity field without printing its value when an e-mail is malformed', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const sent: string[] = []
    const tracker = createNodeTracker({
      siteId: 'WARN001',
      endpoint: 'http://127.0.0.1:9/api/v2',
      transport: {
        send: async (request) => {
          sent.push(request.body)
          return { type: 'response', status: 204 }
        },
      },
    })
    const visitor = tracker.visitor({ sc: 'SC-1', user: { email: 'jane.doe.secret-example.com', phone: '12' } })

    const result = await visitor.customerData()

    expect(result).toEqual({ ok: true })
    expect(sent).toHaveLength(1)
    const printed = warn.mock.calls.map((call) => call.join(' ')).join('\n')
    expect(printed).toContain('GeneralInfo.user_email')
    expect(printed).not.toContain('jane.doe.secret')
    await tracker.close()
  })
})

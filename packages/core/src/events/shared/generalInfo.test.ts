import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ValidationIssue } from '../../errors/TrackerError'
import { buildEvent } from '../buildEvent'
import { EVENT_MODEL } from '../registry'
import type { EventContext } from '../types'
import { buildGeneralInfo } from './generalInfo'

function build(context: EventContext, eventName: 'CustomEvent' | 'ProductUpdate' = 'CustomEvent') {
  const issues: ValidationIssue[] = []
  const warnings: ValidationIssue[] = []
  const info = buildGeneralInfo(EVENT_MODEL[eventName], context, issues, warnings)
  return { info, issues, warnings }
}

const base = { siteId: 'S', sc: 'SC', datetime: 5 }

describe('buildGeneralInfo', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('should use the current time when the context gives no datetime', () => {
    vi.useFakeTimers({ now: 1_700_000_000_000 })
    expect(build({ siteId: 'S', sc: 'SC' }).info.datetime).toBe(1_700_000_000_000)
  })

  it('should map identity to wire names and ids to strings when they are given', () => {
    const { info, warnings } = build({
      ...base,
      identity: {
        externalCustomerId: 42,
        email: ' user@example.com ',
        phone: '+1 (541) 754-3010',
        name: 'Ann',
        contactId: 255830499,
      },
    })
    expect(info).toStrictEqual({
      eventName: 'CustomEvent',
      siteId: 'S',
      datetime: 5,
      externalCustomerId: '42',
      user_phone: '+1 (541) 754-3010',
      user_email: 'user@example.com',
      user_name: 'Ann',
      user_es_contact_id: '255830499',
      cookies: { sc: 'SC' },
    })
    expect(warnings).toEqual([])
  })

  it('should drop empty identity fields silently when they are blank or null', () => {
    const identity = { externalCustomerId: '', email: '  ', phone: undefined, name: '', contactId: null } as never
    const { info, warnings } = build({ ...base, identity })
    expect(Object.keys(info)).toEqual(['eventName', 'siteId', 'datetime', 'cookies'])
    expect(warnings).toEqual([])
  })

  it.each([
    ['email', 'user.example.com', 'user_email', 'expected an e-mail address, got "user.example.com"'],
    ['email', 'a@b@c', 'user_email', /got "a@b@c"/],
    ['phone', 'unknown', 'user_phone', 'expected a phone number, got "unknown"'],
    ['phone', '+-()', 'user_phone', /got "\+-\(\)"/],
    ['contactId', 'abc', 'user_es_contact_id', 'expected a numeric contact id, got "abc"'],
    ['contactId', 1.5, 'user_es_contact_id', /got 1.5/],
    ['externalCustomerId', { id: 1 }, 'externalCustomerId', /got an object/],
    ['name', 7, 'user_name', 'expected a string, got 7'],
  ])('should drop identity.%s %j with a warning at its wire path', (field, value, wire, message) => {
    const { info, warnings, issues } = build({ ...base, identity: { [field]: value } })
    expect(info).not.toHaveProperty(wire)
    expect(issues).toEqual([])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]?.path).toBe(`GeneralInfo.${wire}`)
    expect(warnings[0]?.message).toMatch(message)
    expect(warnings[0]?.message).toMatch(/; sent without it$/)
  })

  it('should copy page context as given, empty strings included, but never over its own fields', () => {
    const { info } = build({
      ...base,
      identity: { email: 'a@b.c' },
      context: {
        user_client_id: '',
        referrer: 'https://r',
        eventName: 'X',
        siteId: 'Y',
        user_email: 'z@z.z',
        extra: 1,
      },
    })
    expect(info).toMatchObject({
      user_client_id: '',
      referrer: 'https://r',
      eventName: 'CustomEvent',
      siteId: 'S',
      user_email: 'a@b.c',
      extra: 1,
    })
  })

  it('should keep a prototype-polluting page-context key as a key, never a prototype, when JSON.parse made it', () => {
    const { info, issues } = build({ ...base, context: JSON.parse('{"__proto__":{"x":1}}') })
    expect(Object.getPrototypeOf(info)).toBe(Object.prototype)
    expect(Object.keys(info)).toContain('__proto__')
    // The payload's check reports it, by its wire path (buildEvent.test.ts).
    expect(issues).toEqual([])
    const result = buildEvent('CustomerData', undefined, { ...base, context: JSON.parse('{"__proto__":{"x":1}}') })
    expect(!result.ok && result.error.issues.map((issue) => issue.path)).toEqual(['GeneralInfo.__proto__'])
  })

  it('should report a page context that is not an object when one is given', () => {
    expect(build({ ...base, context: 'page' as never }).issues.map((issue) => issue.path)).toEqual(['GeneralInfo'])
  })

  it('should keep cookies.sc undefined, for the schema to report, when the context has no sc', () => {
    expect(build({ siteId: 'S' }).info.cookies).toStrictEqual({ sc: undefined })
  })

  it('should give ProductUpdate { eventName, siteId } only when the context has visitor fields', () => {
    const { info } = build({ ...base, identity: { email: 'a@b.c' }, context: { referrer: 'r' } }, 'ProductUpdate')
    expect(info).toStrictEqual({ eventName: 'ProductUpdate', siteId: 'S' })
  })
})

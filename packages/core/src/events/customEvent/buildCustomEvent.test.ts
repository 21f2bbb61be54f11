import { describe, expect, it } from 'vitest'
import { customEventContext, loadExample, referenceContext } from '../../../test/examples'
import { expectIssueAt, expectPayload } from '../../../test/expectations'
import { validatePayload } from '../validatePayload'
import { buildCustomEvent, type CustomEventInput } from './buildCustomEvent'

const build = (input: unknown) => buildCustomEvent(input as CustomEventInput, referenceContext)

describe('buildCustomEvent', () => {
  it('should produce custom-event.json exactly, page context and empty fields included, when given its context', () => {
    const input = { name: 'my_event', tags: { some_tags: ['1', 'a2'], some_tags1: ['4', 'gg'] } }
    const payload = expectPayload(buildCustomEvent(input, customEventContext))
    expect(payload).toStrictEqual(loadExample('custom-event.json'))
    expectPayload(validatePayload(payload))
  })

  it.each([
    [{}, 'CustomEvent.EventName', /got undefined$/],
    [{ name: ' ' }, 'CustomEvent.EventName', /got " "$/],
    [{ name: 7 }, 'CustomEvent.EventName', /got 7$/],
    [{ name: 'e', tags: { ['x'.repeat(65)]: '1' } }, `CustomEvent.Tags.${'x'.repeat(65)}`, /tag name of 1-64/],
    [{ name: 'e', tags: JSON.parse('{"__proto__":"1"}') }, 'CustomEvent.Tags.__proto__', /got "__proto__"$/],
  ])('should reject %j naming the wire field', (input, path, message) => {
    expectIssueAt(build(input), path, message)
  })

  it('should accept a 64-character tag name when it is at the limit', () => {
    expectPayload(build({ name: 'e', tags: { ['x'.repeat(64)]: '1' } }))
  })
})

import { describe, expect, it } from 'vitest'
import { customEventFromEsJs } from './fromEsJs'

describe('customEventFromEsJs', () => {
  it('should pass the REST form through and normalise tag values when they come as scalars', () => {
    expect(customEventFromEsJs({ CustomEvent: { EventName: 'my_event', Tags: { size: 'XL', n: [1] } } })).toEqual({
      ok: true,
      body: { CustomEvent: { EventName: 'my_event', Tags: { size: ['XL'], n: ['1'] } } },
    })
  })

  it('should read eventName as EventName and wrap a bare body when the key is missing', () => {
    expect(customEventFromEsJs({ eventName: 'signup' })).toEqual({
      ok: true,
      body: { CustomEvent: { EventName: 'signup' } },
    })
  })

  it('should answer invalid_event naming CustomEvent when there is no event', () => {
    const result = customEventFromEsJs({})
    expect(!result.ok && result.error.issues[0]?.path).toBe('CustomEvent')
  })
})

import { describe, expect, it, vi } from 'vitest'
import type { ConsentState } from './consentGate'
import { followTcf, tcfConsentState } from './tcfConsent'

const decided = (consents: Record<number, boolean>, legitimateInterests: Record<number, boolean> = {}) => ({
  gdprApplies: true,
  eventStatus: 'useractioncomplete',
  purpose: { consents, legitimateInterests },
})

describe('tcfConsentState', () => {
  it('should grant with purposes 1 and 8, by consent or legitimate interest for 8', () => {
    expect(tcfConsentState(decided({ 1: true, 8: true }))).toBe('granted')
    expect(tcfConsentState(decided({ 1: true }, { 8: true }))).toBe('granted')
    expect(tcfConsentState({ gdprApplies: false })).toBe('granted')
  })

  it('should deny without purpose 1 or 8 once the visitor chose, and wait while the dialogue shows', () => {
    expect(tcfConsentState(decided({ 8: true }))).toBe('denied')
    expect(tcfConsentState(decided({ 1: true }, { 1: true }))).toBe('denied')
    expect(tcfConsentState({ gdprApplies: true, eventStatus: 'cmpuishown' })).toBe('pending')
  })
})

describe('followTcf', () => {
  it('should follow a CMP that installs __tcfapi after the tracker started', () => {
    vi.useFakeTimers()
    try {
      const page: Record<string, unknown> = {}
      const states: ConsentState[] = []
      followTcf(page, (state) => states.push(state))
      let listener: ((data: unknown, success: boolean) => void) | undefined
      page.__tcfapi = (command: string, version: number, callback: typeof listener) => {
        if (command === 'addEventListener' && version === 2) listener = callback
      }
      vi.advanceTimersByTime(150)
      listener?.({ gdprApplies: true, eventStatus: 'cmpuishown' }, true)
      listener?.(decided({ 1: true, 8: true }), true)
      listener?.(null, false)
      expect(states).toEqual(['pending', 'granted'])
    } finally {
      vi.useRealTimers()
    }
  })
})

import { describe, expect, it } from 'vitest'
import { createConsentGate, isConsentState } from './consentGate'

describe('createConsentGate', () => {
  it('should let events go at once when consent is granted', () => {
    expect(createConsentGate('granted').check('ProductPage')).toBeUndefined()
  })

  it('should refuse events with code consent when consent is denied', () => {
    expect(createConsentGate('denied').check('ProductPage')).toMatchObject({
      code: 'consent',
      eventName: 'ProductPage',
    })
  })

  it('should release waiting events in order when consent is granted later', async () => {
    const gate = createConsentGate('pending')
    const order: string[] = []
    const first = Promise.resolve(gate.check('A')).then((result) => order.push(`A:${result}`))
    const second = Promise.resolve(gate.check('B')).then((result) => order.push(`B:${result}`))
    await Promise.resolve()
    expect(order).toEqual([])
    gate.set('granted')
    await Promise.all([first, second])
    expect(order).toEqual(['A:undefined', 'B:undefined'])
  })

  it('should drop waiting events with code consent when consent is denied later', async () => {
    const gate = createConsentGate('pending')
    const waiting = gate.check('CategoryPage')
    gate.set('denied')
    expect(await waiting).toMatchObject({ code: 'consent', eventName: 'CategoryPage' })
  })

  it('should keep events waiting when set to pending again', async () => {
    const gate = createConsentGate('pending')
    let answered = false
    const waiting = Promise.resolve(gate.check('A')).then((result) => {
      answered = true
      return result
    })
    gate.set('pending')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(answered).toBe(false)
    gate.set('granted')
    expect(await waiting).toBeUndefined()
  })

  it('should refuse events past the waiting limit (100) with queue_full', () => {
    const gate = createConsentGate('pending')
    const waiting = Array.from({ length: 100 }, (_, index) => gate.check(`E${index}`))
    expect(waiting.every((result) => result instanceof Promise)).toBe(true)
    expect(gate.check('B')).toMatchObject({ code: 'queue_full', eventName: 'B' })
  })
})

describe('isConsentState', () => {
  it('should accept the three states and nothing else', () => {
    expect(['granted', 'pending', 'denied', 'yes', undefined].map(isConsentState)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ])
  })
})

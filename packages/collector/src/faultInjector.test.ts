import { describe, expect, it } from 'vitest'
import { createFaultInjector, parseFaultConfig } from './faultInjector'

describe('createFaultInjector', () => {
  it('should accept every request when no fault is set', () => {
    const faults = createFaultInjector()
    expect(faults.decide()).toEqual({ latencyMs: 0 })
  })

  it('should fail exactly the next N requests with 503 when failNext is set', () => {
    const faults = createFaultInjector()
    faults.set({ failNext: 2 })
    const failures = [faults.decide(), faults.decide(), faults.decide()].map((decision) => decision.failure)
    expect(failures).toEqual([{ kind: 'status', status: 503 }, { kind: 'status', status: 503 }, undefined])
    expect(faults.state()).toMatchObject({ remainingFailNext: 0, failed: 2 })
  })

  it('should answer the given status and Retry-After when they are set', () => {
    const faults = createFaultInjector()
    faults.set({ failNext: 1, status: 429, retryAfter: '2' })
    expect(faults.decide().failure).toEqual({ kind: 'status', status: 429, retryAfter: '2' })
  })

  it('should reset the connection when reset is true', () => {
    const faults = createFaultInjector()
    faults.set({ failNext: 1, reset: true })
    expect(faults.decide().failure).toEqual({ kind: 'reset' })
  })

  it('should add latency to every request when latencyMs is set', () => {
    const faults = createFaultInjector()
    faults.set({ latencyMs: 40 })
    expect([faults.decide(), faults.decide()]).toEqual([{ latencyMs: 40 }, { latencyMs: 40 }])
  })

  it('should fail about failRate of requests, mixing statuses and resets, repeatably when seeded', () => {
    const run = () => {
      const faults = createFaultInjector()
      faults.set({ failRate: 0.3, seed: 42 })
      return Array.from({ length: 2000 }, () => faults.decide().failure?.kind ?? 'ok')
    }
    const kinds = run()
    const failed = kinds.filter((kind) => kind !== 'ok').length
    expect(failed / kinds.length).toBeGreaterThan(0.25)
    expect(failed / kinds.length).toBeLessThan(0.35)
    expect(kinds).toContain('reset')
    expect(kinds).toContain('status')
    expect(run()).toEqual(kinds)
  })

  it('should stop failing when cleared', () => {
    const faults = createFaultInjector()
    faults.set({ failNext: 5, latencyMs: 10 })
    faults.clear()
    expect(faults.decide()).toEqual({ latencyMs: 0 })
  })
})

describe('parseFaultConfig', () => {
  it('should name the bad field when a value is out of range', () => {
    expect(() => parseFaultConfig({ failRate: 2 })).toThrow(/failRate/)
    expect(() => parseFaultConfig({ status: 200 })).toThrow(/status/)
    expect(() => parseFaultConfig({ failNext: -1 })).toThrow(/failNext/)
    expect(() => parseFaultConfig({ fail: 1 })).toThrow(/unknown fault option fail/)
    expect(() => parseFaultConfig([])).toThrow(/object/)
  })
})

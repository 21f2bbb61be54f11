import type { FaultConfig, FaultControls, FaultState } from './types'

/** How one request is to be treated. */
export interface FaultDecision {
  /** Wait this long before answering (or resetting). */
  latencyMs: number
  /** Fail the request this way, or accept it normally when absent. */
  failure?: { kind: 'status'; status: number; retryAfter?: string } | { kind: 'reset' }
}

/** Fault controls plus the per-request decision the server asks for. */
export interface FaultInjector extends FaultControls {
  /** Decides the fate of the next request (consumes one `failNext`). */
  decide(): FaultDecision
}

/** Mulberry32: a tiny seeded generator, so that a seeded fault run is repeatable. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const isNonNegativeInteger = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 0

/** Checks a fault config (it may come from an HTTP body) and returns it cleaned; throws a TypeError naming the field. */
export function parseFaultConfig(input: unknown): FaultConfig {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new TypeError('fault config must be a JSON object')
  }
  const raw = input as Record<string, unknown>
  const known = ['failNext', 'status', 'retryAfter', 'reset', 'latencyMs', 'failRate', 'seed']
  const unknown = Object.keys(raw).filter((key) => !known.includes(key))
  if (unknown.length > 0) throw new TypeError(`unknown fault option ${unknown.join(', ')}; known: ${known.join(', ')}`)
  const config: FaultConfig = {}
  if (raw.failNext !== undefined) {
    if (!isNonNegativeInteger(raw.failNext)) throw new TypeError('failNext must be a non-negative integer')
    config.failNext = raw.failNext as number
  }
  if (raw.status !== undefined) {
    const status = raw.status
    if (!Number.isInteger(status) || (status as number) < 400 || (status as number) > 599) {
      throw new TypeError('status must be an integer from 400 to 599')
    }
    config.status = status as number
  }
  if (raw.retryAfter !== undefined) {
    if (typeof raw.retryAfter !== 'string') throw new TypeError('retryAfter must be a string')
    config.retryAfter = raw.retryAfter
  }
  if (raw.reset !== undefined) {
    if (typeof raw.reset !== 'boolean') throw new TypeError('reset must be a boolean')
    config.reset = raw.reset
  }
  if (raw.latencyMs !== undefined) {
    if (!isNonNegativeInteger(raw.latencyMs)) throw new TypeError('latencyMs must be a non-negative integer')
    config.latencyMs = raw.latencyMs as number
  }
  if (raw.failRate !== undefined) {
    const rate = raw.failRate
    if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1))
      throw new TypeError('failRate must be a number from 0 to 1')
    config.failRate = rate
  }
  if (raw.seed !== undefined) {
    if (!Number.isInteger(raw.seed)) throw new TypeError('seed must be an integer')
    config.seed = raw.seed as number
  }
  return config
}

/** Creates the fault injector behind `POST /_faults` and `collector.faults`; it starts with no faults. */
export function createFaultInjector(): FaultInjector {
  let config: FaultConfig = {}
  let remainingFailNext = 0
  let failed = 0
  let random: () => number = Math.random

  const failure = (mixed: boolean): NonNullable<FaultDecision['failure']> => {
    const reset = mixed && config.reset === undefined ? random() < 0.5 : config.reset === true
    if (reset) return { kind: 'reset' }
    const status = config.status ?? 503
    return config.retryAfter === undefined
      ? { kind: 'status', status }
      : { kind: 'status', status, retryAfter: config.retryAfter }
  }

  return {
    set(input) {
      config = parseFaultConfig(input)
      remainingFailNext = config.failNext ?? 0
      random = config.seed === undefined ? Math.random : seededRandom(config.seed)
    },
    clear() {
      config = {}
      remainingFailNext = 0
      random = Math.random
    },
    state(): FaultState {
      return { config: { ...config }, remainingFailNext, failed }
    },
    decide() {
      const latencyMs = config.latencyMs ?? 0
      if (remainingFailNext > 0) {
        remainingFailNext -= 1
        failed += 1
        return { latencyMs, failure: failure(false) }
      }
      if (config.failRate !== undefined && config.failRate > 0 && random() < config.failRate) {
        failed += 1
        return { latencyMs, failure: failure(true) }
      }
      return { latencyMs }
    },
  }
}

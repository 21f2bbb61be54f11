import type { ValidationIssue } from '@es-tracker/core'
import type { StoreStats } from './eventStore'

/** Options of {@link startCollector}. */
export interface CollectorOptions {
  /** Port to listen on; `0` picks a free one. @default 4700 */
  port?: number | undefined
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string | undefined
  /** A JSON Lines file every received request is appended to, one line each. */
  out?: string | undefined
  /** How many requests are kept in memory; the oldest go first. @default 10000 */
  maxEvents?: number | undefined
  /**
   * How many body bytes the kept requests may add up to; past it the oldest go first (counted in
   * `stats().dropped` and the `X-Dropped-Events` header of `GET /events`). Parsed bodies take about
   * three to five times their text in memory.
   * @default 67108864 (64 MiB)
   */
  maxStoredBytes?: number | undefined
  /**
   * Host names (beside loopback and the listening address) the collector answers to, e.g. a name
   * in `/etc/hosts` or a container's name. Any other `Host` is refused with 403 (DNS rebinding).
   */
  allowedHosts?: string[] | undefined
  /** Bodies above this size are refused with 413. @default 1048576 (1 MiB) */
  maxBodyBytes?: number | undefined
  /** Faults active from the start (the same as calling `faults.set(...)` at once). */
  faults?: FaultConfig | undefined
}

/** One request the collector received on `POST /api/v2`, with its verdict. */
export interface CollectedEvent {
  /** Increasing number, unique for the collector's lifetime (not reset by `clear()`). */
  id: number
  /** ms since epoch, when the body had been read. */
  receivedAt: number
  /** The request's `Content-Type` header, or `''`. */
  contentType: string
  /** Whether core's `validatePayload` accepted the body. */
  valid: boolean
  /** Why it is invalid, each named by its wire path (`StatusCart.Products[1].quantity`). */
  issues: ValidationIssue[]
  /** Where a valid value differs from the reference's strict wire form (accepted, but worth knowing). */
  notes: string[]
  /** `GeneralInfo.eventName` when the body has one. */
  eventName?: string
  /** The parsed JSON body. */
  payload?: unknown
  /** The body text when it is not JSON (truncated to 4 KiB). */
  raw?: string
  /**
   * That the request carried an `Authorization` header, and its scheme: `'Basic (hidden)'`. The
   * credential itself (a node tracker's API key) is never kept.
   */
  authorization?: string
  /** The request was failed on purpose by fault injection: the sender saw an error, not an acceptance. */
  failedByFault?: true
}

/** Which events {@link Collector.events} (and `GET /events`) lists. */
export interface EventFilter {
  /** Only events whose `GeneralInfo.eventName` is this. */
  eventName?: string
  /** Only valid (`true`) or only invalid (`false`) events. */
  valid?: boolean
  /** Also list requests failed by fault injection. @default false */
  includeFailed?: boolean
  /** Only events with an `id` above this one (for polling). */
  afterId?: number
}

/** Faults to inject into `POST /api/v2`, for delivery tests. Setting a config replaces the previous one. */
export interface FaultConfig {
  /** Fail the next N requests. */
  failNext?: number
  /** Status of a failed request. @default 503 */
  status?: number
  /** `Retry-After` header value sent with a failed status. */
  retryAfter?: string
  /**
   * Fail by destroying the socket instead of answering. With `failRate` and no `reset` given, each
   * failure picks a status or a reset at random.
   */
  reset?: boolean
  /** Delay before answering every request, in ms. */
  latencyMs?: number
  /** Probability (0..1) that a request fails, after the `failNext` ones. */
  failRate?: number
  /** Seed of the random choices, for repeatable runs. */
  seed?: number
}

/** What fault injection is doing now, and has done since the collector started. */
export interface FaultState {
  config: FaultConfig
  /** Failures still owed to `failNext`. */
  remainingFailNext: number
  /** Requests failed on purpose so far. */
  failed: number
}

export type { StoreStats }

/** Turns fault injection on and off from a test. */
export interface FaultControls {
  /** Replaces the active faults. Throws a `TypeError` naming the bad field on a bad config. */
  set(config: FaultConfig): void
  /** Stops injecting faults. */
  clear(): void
  /** The active config and counters. */
  state(): FaultState
}

/** A running collector. */
export interface Collector {
  /** Base URL, e.g. `http://127.0.0.1:4700`; the live page is at `url + '/'`. */
  url: string
  /** The tracker endpoint to give a tracker: `url + '/api/v2'`. */
  endpoint: string
  /** Stops listening and drops open connections (live pages included). */
  close(): Promise<void>
  /** Received requests, oldest first. Requests failed by fault injection only with `includeFailed`. */
  events(filter?: EventFilter): CollectedEvent[]
  /** Forgets every received request. */
  clear(): void
  /** How many requests are kept, their body bytes, and how many the bounds have dropped so far. */
  stats(): StoreStats
  faults: FaultControls
}

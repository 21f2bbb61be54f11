import type {
  Endpoint,
  Identity,
  PageContext,
  RetryOptions,
  SendOptions,
  SendResult,
  TrackerError,
  TrackerMethods,
  Transport,
  ValidationIssue,
} from '@es-tracker/core'
import type { QueueStore } from '@es-tracker/core/internal'

/**
 * A queue store that outlives the process: `createFileStore` (one server) or `createPostgresStore`
 * (a fleet, serverless). Any {@link QueueStore} whose methods answer promises works; these two add
 * how often to look for events others left and a `close()` that lets go of what the store holds.
 */
export interface DurableQueueStore extends QueueStore {
  /** How often the tracker asks `takeOver()` for events that other processes wrote or left, in ms. */
  readonly pollIntervalMs?: number
  /** Whether the last `takeOver()` left more it could have answered: the tracker asks again at once. */
  hasMore?(): boolean
  /** Releases the folder lock, the leases, or a pool the store made itself. Called by `tracker.close()`. */
  close?(): Promise<void>
}

/** Options of {@link createNodeTracker}. Mistakes here throw an `invalid_config` TrackerError at once. */
export interface NodeTrackerOptions {
  /** The site's tracker id from the eSputnik / Yespo account, e.g. `'8A412DC'`. */
  siteId: string
  /**
   * Where events go: `'esputnik'`, `'yespo'` or an `https:` URL (`http:` only for loopback hosts).
   * @default 'esputnik'
   */
  endpoint?: Endpoint | undefined
  /** The account's API key; adds HTTP Basic auth (empty user, the key as password). Server-side only. */
  apiKey?: string | undefined
  /** Time limit of one HTTP attempt, in ms. @default 10000 */
  timeout?: number | undefined
  /** Attempts and back-off. @default { attempts: 5, baseDelayMs: 500, maxDelayMs: 30000 } */
  retry?: RetryOptions | undefined
  /** Requests in flight at once. @default 8 */
  concurrency?: number | undefined
  /** Events accepted but not yet delivered; past it an event resolves `queue_full` (and is reported). @default 10000 */
  maxQueue?: number | undefined
  /**
   * Where accepted events wait until delivered. @default in memory, lost with the process. With
   * `createFileStore({ dir })` or `createPostgresStore({ pool })` an event is written before its first
   * attempt and what a killed process left is delivered by the next one (see "Durable delivery").
   */
  store?: QueueStore | DurableQueueStore | undefined
  /**
   * How long an event is retried before it is dropped as `expired` (reported). A retryable failure
   * (network, timeout, 408, 429, 5xx) keeps the event until then. @default 21600000 (6 hours)
   */
  maxAgeMs?: number | undefined
  /** Called with every failure: invalid input, refused or undeliverable events, a full queue. @default a console.warn line */
  onError?: ((error: TrackerError) => void) | undefined
  /** Called when an event went out without something it was given (a malformed e-mail, say). @default a console.warn line */
  onWarning?: ((issues: ValidationIssue[], eventName: string) => void) | undefined
  /** A fetch to send through instead of Node's HTTP stack (tests, edge runtimes, a fetch with its own agent). */
  fetch?: typeof fetch | undefined
  /**
   * How one attempt is sent. @default createHttpTransport() (node:http / node:https with keep-alive
   * agents, the lowest CPU per event; the global fetch where node:http does not exist), or
   * createFetchTransport({ fetch }) when `fetch` is given. `createKyTransport()` sends through ky (its
   * hooks and options); any object with `send(request)` resolving a TransportOutcome works.
   */
  transport?: Transport | undefined
}

/** Who a server-side event is about: the visitor of the request being handled. */
export interface VisitorOptions {
  /** The visitor's `sc` cookie value; without it every method resolves `invalid_event`. */
  sc: string | undefined
  /** What the server knows of the visitor. */
  user?: Identity | undefined
  /** Fixes the time of the visitor's events, in ms since epoch. @default the time of each call */
  datetime?: number | undefined
  /** Page-context fields added to GeneralInfo (`s_location`, `referrer`, ...). */
  context?: PageContext | undefined
}

/** The server-side tracker: scope it to a visitor to send visitor events. */
export interface NodeTracker {
  /** Every tracker method, for one visitor. Never throws; without `sc` every method resolves `invalid_event`. */
  visitor(visitor: VisitorOptions): TrackerMethods
  /** Sends catalog changes (no visitor needed); `{ transaction }` as for every tracker method. */
  productUpdate(products: Parameters<TrackerMethods['productUpdate']>[0], options?: SendOptions): Promise<SendResult>
  /** Resolves when every event sent so far has been delivered or has finally failed. */
  flush(): Promise<void>
  /**
   * Delivers what is pending within `timeoutMs` (any length, `Infinity` included), reports what it
   * could not with code `closed`, then refuses new events with code `closed`. An attempt in flight at
   * that moment settles with its own outcome, within `timeout`. With a durable store, what it gives
   * up on stays in the store for the next process (and, Postgres, is free for other instances at once).
   * @default timeoutMs 10000
   */
  close(timeoutMs?: number): Promise<void>
}

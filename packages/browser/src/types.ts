import type {
  Endpoint,
  Identity,
  PageContext,
  RetryOptions,
  SendResult,
  TrackerError,
  TrackerMethods,
} from '@es-tracker/core'
import type { ConsentSource, ConsentState } from './consent/consentGate'

export type { ConsentSource, ConsentState } from './consent/consentGate'

/** Options of {@link createBrowserTracker}. */
export interface BrowserTrackerOptions {
  /** Your site's id in eSputnik / Yespo (GeneralInfo.siteId). Required. */
  siteId: string
  /**
   * Where events go: a preset name or an `https:` URL (plain `http:` only for loopback hosts, such as
   * the local collector).
   * @default 'esputnik' (https://tracker.esputnik.com/api/v2); `'yespo'` is https://tracker.yespo.io/api/v2
   */
  endpoint?: Endpoint | undefined
  /** Logs each event and its result to the console, e-mails and phones masked. @default false */
  debug?: boolean | undefined
  /** Called with every failure (invalid input, delivery given up, bad configuration); never awaited. */
  onError?: ((error: TrackerError) => void) | undefined
  /**
   * Sets the `sc` visitor cookie (an uppercase UUID, first-party, one year, `SameSite=Lax`, `Secure`
   * on https) where the site has none. With `false` events wait (up to `scWaitTimeoutMs`) until the
   * site or the vendor's script sets it.
   * @default true
   */
  createScCookie?: boolean | undefined
  /** How long events wait for an `sc` cookie the site sets itself. @default 600000 (10 minutes) */
  scWaitTimeoutMs?: number | undefined
  /**
   * The visitor's tracking consent: `'pending'` events wait in memory (not persisted) until
   * `setConsent('granted')`; `'denied'` events resolve with code `consent`. Or where the page signals
   * it: `'gcm'` follows Google Consent Mode v2 in the data layer (`analytics_storage`), `'tcf'` an
   * IAB TCF v2 CMP through `__tcfapi` (purposes 1 and 8). Until consent is granted nothing is written
   * (no cookie, no storage) and nothing is sent: events wait in memory (at most 100; more resolve
   * `queue_full`, reported through `onError`); on a denial they resolve with code `consent`.
   * @default 'granted'
   */
  consent?: ConsentState | ConsentSource | undefined
  /** Per-request time limit in ms. @default 10000 */
  timeout?: number | undefined
  /** Retries of a failed delivery (network errors, 408, 429, 5xx). @default { attempts: 5, baseDelayMs: 500, maxDelayMs: 30000 } */
  retry?: RetryOptions | undefined
  /** Events waiting for delivery at once on this page. @default 1000 */
  maxQueue?: number | undefined
  /** Events kept in storage for later pages, at most (oldest dropped first). @default 500 */
  maxStoredEvents?: number | undefined
  /** Undelivered events older than this are dropped (reported) rather than sent. @default 604800000 (7 days) */
  maxAgeMs?: number | undefined
  /** Requests in flight at once. @default 2 */
  concurrency?: number | undefined
  /** Extra page-context fields for every event's GeneralInfo (e.g. `device`, `user_city`). */
  context?: PageContext | undefined
  /** Prefix of the localStorage keys the tracker keeps (queue, cart GUID, identity). @default 'es-tracker' */
  storageKey?: string | undefined
}

/** Identity fields `identify()` takes; `null` forgets a field. */
export type IdentifyInput = { [Field in keyof Identity]?: Identity[Field] | null }

/**
 * A browser tracker: every tracker method of the API (each resolves to a {@link SendResult} and
 * never rejects) plus the visitor's identity, consent, the cart GUID and flushing.
 */
export interface BrowserTracker extends TrackerMethods {
  /** Remembers who the visitor is (merged with what is known) for every later event, across pages, until `reset()`. */
  identify(identity: IdentifyInput): void
  /** Forgets the identity and the last cart GUID (e.g. at logout). */
  reset(): void
  /** Resolves when the events queued so far are delivered or have finally failed. */
  flush(): Promise<void>
  /** Changes the consent state: `granted` sends the waiting events, `denied` drops them. */
  setConsent(state: ConsentState): void
  /** The GUID of the last cart that had products, to pass to your server for the purchase. */
  cartGuid(): string | undefined
}

export type { SendResult }

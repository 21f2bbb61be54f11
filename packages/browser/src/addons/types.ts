import type { Command, CommandContext } from '../commandQueue'
import type { DebugConsole, DebugLog } from '../debug/debugLog'
import type { EsJsCoreParts } from '../esjs/createEsJsCallHandler'
import type { SafeStorage } from '../storage/safeStorage'

/** What the script tag hands an add-on it starts: the command context of `init`, and a few base parts. */
export interface AddonContext extends CommandContext {
  /** Runs an `esTracker(...)` call, in one order with the page's own (window.eS's calls go through it). */
  call(args: ArrayLike<unknown>): unknown
  /** Core functions the base carries already, for an add-on to use rather than bundle a second copy. */
  shared: EsJsCoreParts
  /**
   * The tracker's consent-aware storage (storage/trackerStorage.ts), for what an add-on remembers
   * across pages: held in memory until consent is granted. `undefined` when `init`'s options were bad.
   */
  storage: SafeStorage | undefined
}

/** An add-on the script tag starts itself, at `init` or at the first call of one of its commands. */
export interface StartedAddon {
  /**
   * Starts the add-on on the tracker `init` created, once per page; answers the commands it adds
   * (by name), which take the place of the stand-ins that loaded it.
   */
  start(context: AddonContext): Partial<Record<string, Command>> | undefined
}

/**
 * What each add-on exports, by name: the script tag loads `es-tracker.<name>.min.js` from its own
 * directory when a page first needs it, and the add-on registers these exports when it runs.
 */
export interface AddonExports {
  /** eS.JS compatibility: the `sendEvent` / `sendEventWithTags` commands, and `window.eS` with `esCompat: true` (esCompat.ts). */
  esCompat: StartedAddon
  /** Consent from Google Consent Mode or an IAB TCF CMP (`consent: 'gcm' | 'tcf'`; consent/pageConsent.ts). */
  consentSignals: StartedAddon
  /** Debug mode's log (`debug: true`; debug/debugLog.ts): masking, formatting and the unknown-field notes. */
  debug: {
    /** Creates the debug log; the script tag passes `{ debug: true }` and reports to `onError` itself. */
    createDebugLog(options: unknown, output?: DebugConsole): DebugLog
  }
  /** The GA4 dataLayer bridge (`init` option `dataLayer`), on the script tag's debug log. */
  dataLayer: StartedAddon
}

/** The name of an add-on: `esCompat`, `consentSignals`, `debug`, `dataLayer`. */
export type AddonName = keyof AddonExports

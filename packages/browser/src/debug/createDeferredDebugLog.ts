import { TrackerError } from '@es-tracker/core'
import type { AddonExports } from '../addons/types'
import { snapshotInput } from '../snapshotInput'
import { type DebugConsole, type DebugLog, describeFailure, notifyHost, writeLine } from './debugLog'

/** Answers the `debug` add-on's exports, or why it could not load (never rejects). */
export type DebugAddonLoader = () => Promise<AddonExports['debug'] | TrackerError>

/**
 * Creates the script tag's debug log: the same output as {@link createDebugLog}, whose masking and
 * formatting come with the `debug` add-on, loaded now only when the options set `debug: true`. What is
 * to be logged meanwhile waits in order (a call's input as a snapshot of that moment) and is written
 * once the add-on runs; the events never wait for it. Failures reach the host's `onError` at once.
 * If the add-on cannot load, that is reported (console and `onError`) and the waiting lines are
 * dropped, never written unmasked. Without `debug: true` it loads nothing and, like `createDebugLog`,
 * writes only bad configuration (`invalid_config`) to the console.
 *
 * @example
 * const debug = createDeferredDebugLog(options, () => loadAddon('debug'))
 */
export function createDeferredDebugLog(
  options: unknown,
  load: DebugAddonLoader,
  output: DebugConsole = console,
): DebugLog {
  const nothing = () => {}
  if ((options as { debug?: unknown } | undefined)?.debug !== true) {
    return {
      call: nothing,
      payload: nothing,
      result: nothing,
      warnings: nothing,
      log: nothing,
      report(error) {
        // Configuration quotes the options the site set, not a visitor's data: shown as it is.
        if (error.code === 'invalid_config') writeLine(output, 'error', describeFailure(error))
        notifyHost(options, error)
      },
    }
  }
  /** The add-on's log, once loaded; `onError` is not its to call (reports reach it at once, below). */
  let loaded: DebugLog | undefined
  /** What waits for the add-on, in order; `undefined` once it loaded or failed to. */
  let waiting: Array<(log: DebugLog) => void> | undefined = []
  void load().then((addon) => {
    const entries = waiting ?? []
    waiting = undefined
    if (addon instanceof TrackerError) {
      writeLine(output, 'error', describeFailure(addon))
      notifyHost(options, addon)
      return
    }
    loaded = addon.createDebugLog({ debug: true }, output)
    for (const entry of entries) entry(loaded)
  })
  const later = (entry: (log: DebugLog) => void) => {
    if (loaded) entry(loaded)
    else waiting?.push(entry)
  }
  return {
    call(method, args) {
      let input = args
      try {
        // The page may change its objects before the add-on runs: the line shows them as they were.
        input = snapshotInput(args)
      } catch {
        // A throwing getter: the add-on's masking shows it as unreadable.
      }
      later((log) => log.call(method, input))
    },
    payload: (eventName, payload) => later((log) => log.payload(eventName, payload)),
    result: (method, result) => later((log) => log.result(method, result)),
    warnings: (issues, eventName) => later((log) => log.warnings(issues, eventName)),
    log: (message) => later((log) => log.log(message)),
    report(error) {
      notifyHost(options, error)
      later((log) => log.report(error))
    },
  }
}

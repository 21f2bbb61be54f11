import { buildRawEvent, TrackerError } from '@es-tracker/core'
import { describeValue, newCartGuid } from '@es-tracker/core/internal'
import type { Command, CommandContext, CommandDispatcher } from '../commandQueue'
import { ES_JS_COMMANDS } from '../esjs/createEsJsHandler'
import { queueEsCalls } from '../esjs/queueEsCalls'
import { trackerStorage } from '../storage/trackerStorage'
import type { AddonLoader } from './loadAddon'

/** An add-on the script tag starts itself: the `init` options that ask for it, and the commands that need it. */
interface AddonUse {
  name: 'esCompat' | 'dataLayer' | 'consentSignals'
  /** Whether `init`'s options ask for the add-on (it reads the option itself, and reports a malformed one). */
  wanted(options: Record<string, unknown>): boolean
  /** Commands the add-on answers: the first call of one loads it. */
  commands: readonly string[]
  /** What the page may call before the add-on has loaded, set up at `init` when the options ask for the add-on. */
  standIn?: () => void
}

/** When the script tag starts each add-on (debug mode's, which the debug log loads, aside). */
const addonUses: readonly AddonUse[] = [
  // eS.JS compatibility: `esCompat: true` (window.eS, which queues the page's calls until the add-on
  // takes it over), or the first sendEvent / sendEventWithTags.
  {
    name: 'esCompat',
    wanted: ({ esCompat }) => esCompat === true,
    commands: ES_JS_COMMANDS,
    standIn: () => queueEsCalls(globalThis as unknown as Record<string, unknown>),
  },
  // The GA4 dataLayer bridge: `dataLayer: true`, the layer's name or the bridge's options.
  { name: 'dataLayer', wanted: ({ dataLayer }) => dataLayer !== undefined && dataLayer !== false, commands: [] },
  // The page's consent signals: `consent: 'gcm'` (Google Consent Mode) or `'tcf'` (IAB TCF v2).
  { name: 'consentSignals', wanted: ({ consent }) => consent === 'gcm' || consent === 'tcf', commands: [] },
]

/** A command that answers every call with `error`, reported. */
const failing =
  (error: TrackerError): Command =>
  (context) => {
    context.report(error)
    return Promise.resolve({ ok: false, error })
  }

/**
 * Makes the script tag start its add-ons when a page uses them: at `init` when its options ask for
 * one, or at the first call of one of its commands, which, with every call after it, waits in order
 * until the add-on has loaded (from beside the script tag, pinned by its integrity hash) and started.
 * A failed load or start is reported by the calls that needed the add-on: each call of its commands,
 * which resolve with the error, or, for an add-on without commands, once when it fails.
 *
 * @example
 * startAddonsWhenUsed(dispatcher, createAddonLoader({ scriptUrl, integrity: addonIntegrity }))
 */
export function startAddonsWhenUsed(dispatcher: CommandDispatcher, loadAddon: AddonLoader): void {
  const started = new Map<AddonUse, Promise<void>>()

  const start = async ({ name, commands }: AddonUse, context: CommandContext): Promise<void> => {
    const addon = await loadAddon(name)
    let added: Partial<Record<string, Command>> | undefined
    let failure = addon instanceof TrackerError ? addon : undefined
    if (!(addon instanceof TrackerError)) {
      try {
        added = addon.start({
          ...context,
          call: dispatcher.call,
          shared: { buildRawEvent, newCartGuid },
          storage: trackerStorage(context.tracker),
        })
      } catch (cause) {
        failure = new TrackerError('unsupported', `the ${name} add-on failed to start: ${String(cause)}`, { cause })
      }
    }
    if (failure && !commands.length) context.report(failure)
    for (const command of commands) {
      const provided = added?.[command]
      const missing = () =>
        new TrackerError('unsupported', `esTracker(${describeValue(command)}): its add-on did not provide it`)
      dispatcher.register(command, provided ?? failing(failure ?? missing()))
    }
  }
  const startOnce = (use: AddonUse, context: CommandContext): Promise<void> => {
    if (!started.has(use)) started.set(use, start(use, context))
    return started.get(use)!
  }

  for (const use of addonUses) {
    // Until the add-on replaces it, its command loads it and runs once it has started.
    for (const command of use.commands) {
      dispatcher.register(command, (context, args) => dispatcher.callAfter(startOnce(use, context), command, args))
    }
  }
  dispatcher.onInit((context) => {
    const options = context.options as unknown as Record<string, unknown>
    for (const use of addonUses) {
      if (!use.wanted(options)) continue
      void startOnce(use, context)
      use.standIn?.()
    }
  })
}

import type { EsJsCommand, SendResult } from '@es-tracker/core'
import { buildRawEvent, TrackerError } from '@es-tracker/core'
import { newCartGuid } from '@es-tracker/core/internal'
import type { AddonLoader } from '../addons/loadAddon'
import type { CommandDispatcher } from '../commandQueue'
import { ES_JS_COMMANDS } from './createEsJsHandler'
import { installEsCompat } from './installEsCompat'

/** The script tag's `init` option this module reads; the vendor's own (TRACKING, RECOMS, ...) are ignored. */
interface EsCompatInitOptions {
  /** Also answer `window.eS(...)`, replaying what an `eS` stub queued, unless the vendor's script is on the page. */
  esCompat?: boolean
}

/**
 * Adds the vendor script's commands to the script tag's dispatcher: `esTracker('sendEvent', NAME,
 * BODY[, GENERALINFO])` and `esTracker('sendEventWithTags', NAME, BODY)`, and with the `init` option
 * `esCompat: true` answers `window.eS(...)` as well. The conversion lives in the `esCompat` add-on,
 * loaded when `init` sets `esCompat: true` or at the first of these commands; calls made meanwhile
 * wait in order. Debug mode says why a call sent nothing.
 *
 * @example
 * const dispatcher = createCommandDispatcher(createPageTracker, createDebugLog)
 * registerEsJsCommands(dispatcher, window, createAddonLoader({ scriptUrl, integrity: addonIntegrity }))
 */
export function registerEsJsCommands(
  dispatcher: CommandDispatcher,
  target: Record<string, unknown>,
  loadAddon: AddonLoader,
): void {
  const load = dispatcher.defer(ES_JS_COMMANDS, async (context) => {
    const addon = await loadAddon('esCompat')
    if (addon instanceof TrackerError) return addon
    // The context carries the `report` and `log` the handler needs.
    const handle = addon.createEsJsCallHandler(context.tracker, context, { buildRawEvent, newCartGuid })
    return Object.fromEntries(
      ES_JS_COMMANDS.map((command) => [command, (_context: unknown, args: unknown[]) => handle(command, args)]),
    )
  })
  dispatcher.onInit((context) => {
    if ((context.options as EsCompatInitOptions).esCompat !== true) return
    // window.eS is answered at once; its calls go through esTracker's, in one order with them.
    const handle = (command: EsJsCommand, args: readonly unknown[]) =>
      dispatcher.call([command, ...args]) as Promise<SendResult>
    if (installEsCompat(target, { ...context, handle })) void load(context)
  })
}

import type { CommandDispatcher } from '../commandQueue'
import type { EsJsHandler } from './createEsJsHandler'
import { createEsJsHandler, ES_JS_COMMANDS } from './createEsJsHandler'
import { installEsCompat } from './installEsCompat'

/** The script tag's `init` option this module reads; the vendor's own (TRACKING, RECOMS, ...) are ignored. */
interface EsCompatInitOptions {
  /** Also answer `window.eS(...)`, replaying what an `eS` stub queued, unless the vendor's script is on the page. */
  esCompat?: boolean
}

/**
 * Adds the vendor script's commands to the script tag's dispatcher: `esTracker('sendEvent', NAME,
 * BODY[, GENERALINFO])` and `esTracker('sendEventWithTags', NAME, BODY)`, and with the `init` option
 * `esCompat: true` answers `window.eS(...)` as well. Debug mode says why a call sent nothing.
 *
 * @example
 * const dispatcher = createCommandDispatcher()
 * registerEsJsCommands(dispatcher, window)
 */
export function registerEsJsCommands(dispatcher: CommandDispatcher, target: Record<string, unknown>): void {
  // The dispatcher runs commands only after `init` has run its hooks, so the handler exists by then.
  let handle: EsJsHandler
  for (const command of ES_JS_COMMANDS) dispatcher.register(command, (_context, args) => handle(command, args))
  dispatcher.onInit((context) => {
    // The context carries the `report` and `log` the handler and window.eS need.
    handle = createEsJsHandler(context.tracker, context)
    if ((context.options as EsCompatInitOptions).esCompat === true) installEsCompat(target, { ...context, handle })
  })
}

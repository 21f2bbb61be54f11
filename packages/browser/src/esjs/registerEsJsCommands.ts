import type { CommandContext, CommandDispatcher } from '../commandQueue'
import type { EsJsHandler } from './createEsJsHandler'
import { createEsJsHandler } from './createEsJsHandler'
import { installEsCompat } from './installEsCompat'

/** The script tag's `init` options this module reads; the vendor's own (TRACKING, RECOMS, ...) are ignored. */
interface EsCompatInitOptions {
  /** Also answer `window.eS(...)`, replaying what an `eS` stub queued, unless the vendor's script is on the page. */
  esCompat?: boolean
  debug?: boolean
}

/** Debug mode says why a call sent nothing; outside it, nothing is logged. */
function debugLogger(options: EsCompatInitOptions): ((message: string) => void) | undefined {
  if (options.debug !== true) return undefined
  return (message) => {
    try {
      console.info('[es-tracker]', message)
    } catch {
      // A replaced console must not break tracking.
    }
  }
}

/**
 * Adds the vendor script's commands to the script tag's dispatcher: `esTracker('sendEvent', NAME,
 * BODY[, GENERALINFO])` and `esTracker('sendEventWithTags', NAME, BODY)`, and with the `init` option
 * `esCompat: true` answers `window.eS(...)` as well.
 *
 * @example
 * const dispatcher = createCommandDispatcher()
 * registerEsJsCommands(dispatcher, window)
 */
export function registerEsJsCommands(dispatcher: CommandDispatcher, target: Record<string, unknown>): void {
  let handle: EsJsHandler | undefined
  const handlerFor = ({ tracker, report, options }: CommandContext): EsJsHandler =>
    (handle ??= createEsJsHandler(tracker, { report, log: debugLogger(options) }))
  for (const command of ['sendEvent', 'sendEventWithTags'] as const) {
    dispatcher.register(command, (context, args) => handlerFor(context)(command, args))
  }
  dispatcher.onInit((context) => {
    if ((context.options as EsCompatInitOptions).esCompat !== true) return
    installEsCompat(target, { handle: handlerFor(context), report: context.report, log: debugLogger(context.options) })
  })
}

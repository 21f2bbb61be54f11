import type { SendResult } from '@es-tracker/core'
import type { AddonContext } from '../addons/types'
import type { Command } from '../commandQueue'
import { createEsJsCallHandler } from './createEsJsCallHandler'
import { ES_JS_COMMANDS } from './createEsJsHandler'
import { installEsCompat } from './installEsCompat'

/** The script tag's `init` option this module reads; the vendor's own (TRACKING, RECOMS, ...) are ignored. */
interface EsCompatInitOptions {
  /** Also answer `window.eS(...)`, replaying what an `eS` stub queued, unless the vendor's script is on the page. */
  esCompat?: boolean
}

/**
 * Starts eS.JS compatibility on the script tag's tracker (the esCompat add-on's `start`): answers the
 * vendor script's commands, `esTracker('sendEvent', NAME, BODY[, GENERALINFO])` and
 * `esTracker('sendEventWithTags', NAME, BODY)`, with core's builder and GUID generator from the base;
 * with the `init` option `esCompat: true` it also answers `window.eS(...)` (replaying what the vendor
 * snippet's stub queued meanwhile), whose calls go through `esTracker`'s, in one order with them.
 * Debug mode says why a call sent nothing.
 *
 * @example
 * registerAddon('esCompat', { start: (context) => startEsCompat(context) })
 */
export function startEsCompat(
  context: AddonContext,
  target: Record<string, unknown> = window as unknown as Record<string, unknown>,
): Record<string, Command> {
  // The context carries the `report` and `log` the handler needs.
  const handle = createEsJsCallHandler(context.tracker, context, context.shared)
  if ((context.options as EsCompatInitOptions).esCompat === true) {
    installEsCompat(target, {
      ...context,
      handle: (command, args) => context.call([command, ...args]) as Promise<SendResult>,
    })
  }
  return Object.fromEntries(ES_JS_COMMANDS.map((command) => [command, (_context, args) => handle(command, args)]))
}

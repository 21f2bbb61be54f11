import type { EsJsCommand } from '@es-tracker/core'
import { TrackerError } from '@es-tracker/core'
import { describeValue } from '@es-tracker/core/internal'
import { isScriptTag } from '../buildTarget'
import { readArguments } from '../readArguments'
import type { EsJsHandler } from './createEsJsHandler'
import { ES_JS_COMMANDS } from './createEsJsHandler'

/** The vendor's script, as its snippet loads it (`https://cdn.esputnik.com/scripts/<id>.js`, Yespo and Reteno alike). */
const VENDOR_SCRIPT = /^https?:\/\/[^/]*\b(?:esputnik\.com|yespo\.io|reteno\.com)\/scripts\//i

/** `window.eS`: the vendor snippet's queue stub, the vendor's real function, or ours. */
interface EsGlobal {
  (...args: unknown[]): unknown
  /** Calls queued by a stub: each the call's arguments, or (the vendor snippet) wrapped once more. */
  q?: unknown[]
  /** Set on our function, so that a second install leaves it alone. */
  esTracker?: boolean
}

/** What {@link installEsCompat} needs: the handler, and where to say what it did. */
export interface EsCompatOptions {
  /** Handles one eS.JS call (converts it and sends it through the tracker). */
  handle: EsJsHandler
  /** Told of each call that could not be handled (the tracker's `onError`). */
  report: (error: TrackerError) => void
  /** Told in words what it did, such as standing aside for the vendor's own eS.JS (the debug log). */
  log?: (message: string) => void
  /** Where to look for the vendor's script tag (not read by the script-tag build, which uses its page's). @default the global document */
  // Structural, not `Document`: the package's types must compile in a Node-only project (no DOM lib).
  document?: {
    /** The elements matching a CSS selector. */
    querySelectorAll(selectors: string): ArrayLike<unknown>
  }
}

/** The page's `<script src>` tags: the script tag's own page's; elsewhere the given document's, else the global one's if any. */
const scriptTags = (options: EsCompatOptions): ArrayLike<unknown> => {
  if (isScriptTag) return document.querySelectorAll('script[src]')
  const doc = options.document ?? (typeof document !== 'undefined' ? document : undefined)
  return doc?.querySelectorAll('script[src]') ?? []
}

/**
 * Makes `window.eS(...)` answer the vendor script's calls through es-tracker and replays the calls an
 * `eS` stub queued before, in order. Leaves the page alone (answers `false`) when the vendor's real
 * script is present or `eS` belongs to something else. The vendor's `init` is accepted and ignored.
 *
 * @example
 * installEsCompat(window, { handle: createEsJsHandler(tracker), report: console.error })
 */
export function installEsCompat(target: Record<string, unknown>, options: EsCompatOptions): boolean {
  const existing = target.eS as EsGlobal | undefined
  if (existing?.esTracker) return true
  // The vendor's script owns `eS` when its tag is on the page, or when `eS` is anything but nothing
  // or a queue stub (a function with an array `q`).
  if (
    (existing !== undefined && !(typeof existing === 'function' && Array.isArray(existing.q))) ||
    Array.from(scriptTags(options)).some((script) => VENDOR_SCRIPT.test((script as HTMLScriptElement).src))
  ) {
    options.log?.("esCompat off: the vendor's eS.JS is on this page")
    return false
  }
  // One call: its arguments wrapped once more (as the vendor snippet queues them), or as they are.
  // Whatever it holds (a throwing getter, say), window.eS must not throw into the page.
  const run = (entry: ArrayLike<unknown>): unknown => {
    try {
      const first = entry[0]
      const [command, ...rest] = readArguments(
        first && typeof first === 'object' ? (first as ArrayLike<unknown>) : entry,
      )
      if (ES_JS_COMMANDS.includes(command as EsJsCommand)) return options.handle(command as EsJsCommand, rest)
      // The vendor's `init` options (TRACKING, RECOMS, getAuthTokenCallback, language) mean nothing here.
      if (command !== 'init') {
        options.report(
          new TrackerError(
            'unsupported',
            `eS(${describeValue(command)}): unknown command; known: ${ES_JS_COMMANDS.join(', ')}, init`,
          ),
        )
      }
    } catch {}
    return undefined
  }
  const eS: EsGlobal = (...args: unknown[]) => run([args])
  eS.esTracker = true
  target.eS = eS
  // Past the check above, `eS` was missing or a stub with its queue: replay what it holds.
  for (const entry of existing?.q?.splice(0) ?? []) run(entry as ArrayLike<unknown>)
  return true
}

import { TrackerError } from '@es-tracker/core'
import { describeValue } from '@es-tracker/core/internal'
import { createBrowserTracker } from './createBrowserTracker'
import { createDebugLog } from './debug/debugLog'
import type { BrowserTracker, BrowserTrackerOptions } from './types'

/** What a command gets besides its arguments: the tracker `init` created, its options, and a reporter. */
export interface CommandContext {
  tracker: BrowserTracker
  options: BrowserTrackerOptions
  /** Reports a bad call: `onError`, and the console in debug mode. */
  report(error: TrackerError): void
  /** Says why a call sent nothing, on the console in debug mode. */
  log(message: string): void
}

/** One command of `esTracker(name, ...args)`; what it returns is what the call returns. */
export type Command = (context: CommandContext, args: unknown[]) => unknown

/** Runs `esTracker(...)` calls: `init` first, every tracker method, and commands added later. */
export interface CommandDispatcher {
  /** Runs one call; calls made before `init` are kept (at most 500) and run right after it. */
  call(args: ArrayLike<unknown>): unknown
  /** Adds a command (the eS.JS compatibility adds `sendEvent`, `sendEventWithTags`, ...). */
  register(name: string, command: Command): void
  /** Runs `hook` once `init` has created the tracker (e.g. to answer `window.eS` with `esCompat`). */
  onInit(hook: (context: CommandContext) => void): void
}

const maxKeptCalls = 500

/**
 * Creates the dispatcher behind `window.esTracker`: `init` creates the tracker, the name of any of
 * its methods calls that method, and unknown commands or bad arguments are reported (never thrown).
 *
 * @example
 * const dispatcher = createCommandDispatcher()
 * dispatcher.call(['init', { siteId: '8A412DC' }])
 * dispatcher.call(['categoryPage', { categoryKey: 'Babies' }]) // Promise<SendResult>
 */
export function createCommandDispatcher(create: typeof createBrowserTracker = createBrowserTracker): CommandDispatcher {
  const commands = new Map<unknown, Command>()
  const hooks: Array<(context: CommandContext) => void> = []
  // Calls made before `init`: each its name, its arguments and how to answer it.
  const kept: Array<[name: unknown, args: unknown[], resolve: (value: unknown) => void]> = []
  let context: CommandContext | undefined

  // Runs a call once `init` has made the context.
  const run = (name: unknown, args: unknown[]): unknown => {
    if (name === 'init') {
      return context!.report(
        new TrackerError('invalid_config', "esTracker('init') called again; the first options stay"),
      )
    }
    const command = commands.get(name)
    // Every method of the tracker (its own keys) is a command too.
    const methods = Object.keys(context!.tracker)
    let error: TrackerError
    try {
      if (command) return command(context!, args)
      if (methods.includes(name as string)) {
        return (context!.tracker as unknown as Record<string, (...input: unknown[]) => unknown>)[name as string]!(
          ...args,
        )
      }
      const known = ['init', ...methods, ...commands.keys()].join(', ')
      error = new TrackerError('unsupported', `esTracker(${describeValue(name)}): unknown command; known: ${known}`)
    } catch (cause) {
      error = new TrackerError('invalid_event', `esTracker(${describeValue(name)}) failed: ${String(cause)}`, { cause })
    }
    context!.report(error)
    return Promise.resolve({ ok: false, error })
  }

  const init = (given: unknown): void => {
    const options = (given ?? {}) as BrowserTrackerOptions
    const debug = createDebugLog(options)
    // The debug log answers the context's report and log.
    context = { ...debug, tracker: create(given as BrowserTrackerOptions), options }
    for (const hook of hooks) {
      try {
        hook(context)
      } catch (cause) {
        debug.report(new TrackerError('invalid_config', `an init hook failed: ${String(cause)}`, { cause }))
      }
    }
    for (const [name, args, resolve] of kept.splice(0)) resolve(run(name, args))
  }

  return {
    call(argumentList) {
      try {
        const [name, ...args] = Array.from(argumentList)
        if (context) return run(name, args)
        if (name === 'init') return init(args[0])
        if (kept.length >= maxKeptCalls) kept.shift()![2](undefined)
        return new Promise((resolve) => kept.push([name, args, resolve]))
      } catch {
        // A hostile `arguments` object (a throwing getter, say) must not reach the page.
        return undefined
      }
    },
    register(name, command) {
      commands.set(name, command)
    },
    onInit(hook) {
      hooks.push(hook)
      if (context) hook(context)
    },
  }
}

/** The loader snippet's stub, or the real function once this script ran. */
interface EsTrackerGlobal {
  (...args: unknown[]): unknown
  /** Calls the snippet queued before this script loaded, each an `arguments` object. */
  q?: ArrayLike<unknown>[]
  /** Set on the real function, so that a second copy of the script leaves it alone. */
  loaded?: boolean
}

/**
 * Replaces the loader stub `window.esTracker` with the real command function and runs the calls the
 * stub queued (including `init`), in order. Does nothing outside a browser or when already loaded.
 */
export function installCommandQueue(target: Record<string, unknown>, dispatcher: CommandDispatcher): void {
  const existing = target.esTracker
  const { loaded, q: queued } = (typeof existing === 'function' ? existing : {}) as EsTrackerGlobal
  if (loaded) return
  const esTracker: EsTrackerGlobal = (...args: unknown[]) => dispatcher.call(args)
  esTracker.loaded = true
  target.esTracker = esTracker
  for (const args of Array.isArray(queued) ? queued : []) dispatcher.call(args)
}

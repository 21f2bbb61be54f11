import { type SendResult, TrackerError } from '@es-tracker/core'
import { createBrowserTracker } from './createBrowserTracker'
import { createDebugLog } from './debug/debugLog'
import { describeValue } from './describe'
import { readArguments } from './readArguments'
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
  /**
   * Runs one call; calls made before `init` are kept (at most 500) and run right after it. Past that
   * bound a call is dropped: it resolves `queue_full`, the console says so once, and `init` reports
   * how many were dropped to `onError`.
   */
  call(args: ArrayLike<unknown>): unknown
  /** Adds a command (the eS.JS compatibility adds `sendEvent`, `sendEventWithTags`, ...). */
  register(name: string, command: Command): void
  /** Runs `hook` once `init` has created the tracker (e.g. to answer `window.eS` with `esCompat`). */
  onInit(hook: (context: CommandContext) => void): void
}

/** Calls kept for `init` at most: a page that never calls it must not grow memory without end. */
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
  // Calls dropped before `init` because `kept` was full, counted by name: `init` reports them.
  const dropped = new Map<unknown, number>()

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
    if (dropped.size) {
      const counts = [...dropped].map(([name, count]) => `${describeValue(name)} x${count}`).join(', ')
      const total = [...dropped.values()].reduce((sum, count) => sum + count, 0)
      debug.report(
        new TrackerError(
          'queue_full',
          `${total} calls made before esTracker('init') were dropped (at most ${maxKeptCalls} wait for it): ${counts}`,
        ),
      )
      dropped.clear()
    }
    for (const [name, args, resolve] of kept.splice(0)) resolve(run(name, args))
  }

  // A call past the bound before `init`: refused at once, and said on the console the first time (the
  // host's `onError` and `debug` come with `init`, which reports them all).
  const drop = (name: unknown): Promise<SendResult> => {
    const error = new TrackerError(
      'queue_full',
      `esTracker(${describeValue(name)}) dropped: ${maxKeptCalls} calls already wait for esTracker('init')`,
    )
    if (!dropped.size) {
      try {
        console.warn('[es-tracker]', `${error.message}; later calls are dropped too until it comes`)
      } catch {
        // A replaced or broken console must not break the page.
      }
    }
    dropped.set(name, (dropped.get(name) ?? 0) + 1)
    return Promise.resolve({ ok: false, error })
  }

  return {
    call(argumentList) {
      try {
        const [name, ...args] = readArguments(argumentList)
        if (context) return run(name, args)
        if (name === 'init') return init(args[0])
        if (kept.length >= maxKeptCalls) return drop(name)
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

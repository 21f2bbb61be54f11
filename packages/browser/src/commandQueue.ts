import { type SendResult, TrackerError } from '@es-tracker/core'
import { describeValue } from '@es-tracker/core/internal'
import type { DebugLog } from './debug/debugLog'
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
  /** Adds a command, or replaces one (an add-on's commands replace the stand-ins that load it). */
  register(name: string, command: Command): void
  /** Runs `hook` once `init` has created the tracker (e.g. to load the add-ons its options ask for). */
  onInit(hook: (context: CommandContext) => void): void
  /**
   * Runs one call once `ready` settles (an add-on's load), ahead of the calls made meanwhile, which
   * wait for it in order; answers what the call answers. `ready` must not reject.
   */
  callAfter(ready: Promise<unknown>, name: string, args: unknown[]): Promise<unknown>
}

/** A call kept for later: its name, its arguments and how to answer it. */
type KeptCall = [name: unknown, args: unknown[], resolve: (value: unknown) => void]

/** Calls kept at most (for `init`, or for an add-on's load): a page that never calls `init` must not grow memory without end. */
const maxKeptCalls = 500

/**
 * Creates the dispatcher behind `window.esTracker`: `init` creates the debug log and the tracker
 * (`createLog`, `create`), whose methods become commands of the same names beside the registered
 * ones; an unknown command, or one that throws, is reported (never thrown).
 *
 * @example
 * const dispatcher = createCommandDispatcher(createBrowserTracker, createDebugLog)
 * dispatcher.call(['init', { siteId: '8A412DC' }])
 * dispatcher.call(['categoryPage', { categoryKey: 'Babies' }]) // Promise<SendResult>
 */
export function createCommandDispatcher(
  create: (options: BrowserTrackerOptions, debug: DebugLog) => BrowserTracker,
  createLog: (options: BrowserTrackerOptions) => DebugLog,
): CommandDispatcher {
  const commands = new Map<unknown, Command>()
  const hooks: Array<(context: CommandContext) => void> = []
  // Calls made before `init`, or while a call waits for a load (callAfter): run in order once both are over.
  const kept: KeptCall[] = []
  let context: CommandContext | undefined
  // Calls dropped before `init` because `kept` was full, counted by name: `init` reports them.
  const dropped = new Map<unknown, number>()
  // Loads that calls wait for (callAfter).
  let loadsRunning = 0

  // Runs the kept calls in order, until a call starts a load (which holds the rest).
  const runKept = () => {
    while (context && loadsRunning === 0 && kept.length > 0) {
      const [name, args, resolve] = kept.shift()!
      resolve(run(name, args))
    }
  }

  // Runs a call once `init` has made the context.
  const run = (name: unknown, args: unknown[]): unknown => {
    if (name === 'init') {
      return context!.report(
        new TrackerError('invalid_config', "esTracker('init') called again; the first options stay"),
      )
    }
    const command = commands.get(name)
    let error: TrackerError
    try {
      if (command) return command(context!, args)
      const known = ['init', ...commands.keys()].join(', ')
      error = new TrackerError('unsupported', `esTracker(${describeValue(name)}): unknown command; known: ${known}`)
    } catch (cause) {
      error = new TrackerError('invalid_event', `esTracker(${describeValue(name)}) failed: ${String(cause)}`, { cause })
    }
    context!.report(error)
    return Promise.resolve({ ok: false, error })
  }

  const init = (given: unknown): void => {
    const options = (given ?? {}) as BrowserTrackerOptions
    const debug = createLog(options)
    // The debug log answers the context's report and log, and is the tracker's.
    const tracker = create(given as BrowserTrackerOptions, debug)
    context = { ...debug, tracker, options }
    // Every method of the tracker is a command of its name, beside (not over) those registered.
    for (const [name, method] of Object.entries(tracker) as Array<[string, (...input: unknown[]) => unknown]>) {
      if (!commands.has(name)) commands.set(name, (_context, args) => method(...args))
    }
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
    runKept()
  }

  // A call past the bound: refused at once. Before `init` it is said on the console the first time (the
  // host's `onError` and `debug` come with `init`, which reports them all); after it (an add-on still
  // loading) it is reported at once.
  const drop = (name: unknown): Promise<SendResult> => {
    const waitingFor = context ? 'an add-on to load' : "esTracker('init')"
    const error = new TrackerError(
      'queue_full',
      `esTracker(${describeValue(name)}) dropped: ${maxKeptCalls} calls already wait for ${waitingFor}`,
    )
    if (context) {
      context.report(error)
      return Promise.resolve({ ok: false, error })
    }
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
        if (context && loadsRunning === 0 && kept.length === 0) return run(name, args)
        if (name === 'init' && !context) return init(args[0])
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
    callAfter(ready, name, args) {
      loadsRunning++
      void ready.then(() => {
        loadsRunning--
        runKept()
      })
      // This call goes first once the load is over, before those made after it.
      return new Promise((resolve) => kept.unshift([name, args, resolve]))
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

import type { SendResult, TrackerError, ValidationIssue } from '@es-tracker/core'
import { maskPersonalData, maskText } from './maskPersonalData'

/** Where debug output goes: the console by default. */
export type DebugConsole = Pick<Console, 'log' | 'warn' | 'error'> & Partial<Pick<Console, 'info'>>

/** Debug-mode logging of events and their results, with personal data masked, and the failure reporter. */
export interface DebugLog {
  /** A tracker method was called. */
  call(method: string, args: readonly unknown[]): void
  /** A valid payload was handed to delivery. */
  payload(eventName: string, payload: object): void
  /** A call settled. */
  result(method: string, result: SendResult): void
  /** Something dropped or odd that did not stop the event (core's `onWarning`). */
  warnings(issues: readonly ValidationIssue[], eventName: string): void
  /** Says why a call sent nothing (an eS.JS event of the vendor's script only, say), at console level info. */
  log(message: string): void
  /**
   * Reports a failure: on the console in debug mode (bad configuration, `invalid_config`, even
   * outside it), then to the host's `onError`, whose throw or rejected promise never reaches the page.
   */
  report(error: TrackerError): void
}

/**
 * Finds what is odd in a valid payload, to note in debug mode: core's `findUnknownFields` (fields the
 * wire model does not know, a typo?). Passed in by the tracker, so that the add-ons that share this
 * log do not carry the wire model.
 */
export type FindNotes = (payload: object) => readonly ValidationIssue[]

/** Writes one `[es-tracker]` line at a console level; a replaced or broken console must not break tracking. */
export function writeLine(output: DebugConsole, level: keyof DebugConsole, ...parts: unknown[]): void {
  try {
    output[level]?.('[es-tracker]', ...parts)
  } catch {
    // Nothing to do: the line is lost, the tracking goes on.
  }
}

/** A failure as the console shows it: its code, its message and each issue by its wire path (not masked). */
export const describeFailure = (error: TrackerError): string =>
  `${error.code}: ${error.message}${error.issues.map((issue) => `\n  ${issue.path}: ${issue.message}`).join('')}`

/** Passes a failure to the host's `onError` (read now); its throw or rejected promise never reaches the page. */
export function notifyHost(options: unknown, error: TrackerError): void {
  try {
    const { onError } = (options ?? {}) as { onError?: unknown }
    const returned = (onError as ((error: TrackerError) => unknown) | undefined)?.(error)
    if (returned instanceof Promise) returned.catch(() => {})
  } catch {
    // The host's handler must not break tracking.
  }
}

/**
 * Creates the debug log of a tracker's options: with `debug: true` it logs each call, payload and
 * result through the console with e-mails and phones masked, and what `findNotes` finds odd in each
 * payload. `onError` is read at each report.
 *
 * @example
 * const debug = createDebugLog({ debug: true, onError }, console, findUnknownFields)
 * debug.call('productPage', [input]) // [es-tracker] productPage(...) [{ ... }]
 */
export const createDebugLog = (options: unknown, output: DebugConsole = console, findNotes?: FindNotes): DebugLog => {
  const enabled = (options as { debug?: unknown } | undefined)?.debug === true
  const write = (level: keyof DebugConsole, ...parts: unknown[]) => writeLine(output, level, ...parts)
  const warn = (eventName: string, issue: ValidationIssue) =>
    write('warn', maskText(`${eventName}: ${issue.path}: ${issue.message}`))
  return {
    call(method, args) {
      if (enabled) write('log', `${method}(...)`, maskPersonalData(args))
    },
    payload(eventName, payload) {
      if (!enabled) return
      write('log', `${eventName} queued`, maskPersonalData(payload))
      for (const note of findNotes?.(payload) ?? []) warn(eventName, note)
    },
    result(method, result) {
      if (!enabled) return
      if (result.ok) write('log', `${method} delivered`)
      else write('warn', `${method} failed: ${maskText(describeFailure(result.error))}`)
    },
    warnings(issues, eventName) {
      if (enabled) for (const issue of issues) warn(eventName, issue)
    },
    log(message) {
      if (enabled) write('info', message)
    },
    report(error) {
      if (enabled || error.code === 'invalid_config') write('error', maskText(describeFailure(error)))
      notifyHost(options, error)
    },
  }
}

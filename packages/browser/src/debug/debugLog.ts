import type { SendResult, TrackerError, ValidationIssue } from '@es-tracker/core'
import { maskPersonalData, maskText } from './maskPersonalData'

/** Where debug output goes: the console by default. */
export type DebugConsole = Pick<Console, 'log' | 'warn' | 'error'> & Partial<Pick<Console, 'info'>>

/** Debug-mode logging of events and their results, with personal data masked, and the failure reporter. */
export interface DebugLog {
  /** A tracker method was called. */
  call(method: string, args: readonly unknown[]): void
  /**
   * A valid payload was handed to delivery; `notes` are what the caller found odd in it (fields the
   * wire model does not know, a typo?). The caller finds them, so that the add-ons that share this log
   * do not carry the wire model.
   */
  payload(eventName: string, payload: object, notes?: readonly ValidationIssue[]): void
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
 * Creates the debug log of a tracker's options: with `debug: true` it logs each call, payload and
 * result through the console with e-mails and phones masked. `onError` is read at each report.
 */
export const createDebugLog = (options: unknown, output: DebugConsole = console): DebugLog => {
  const given = (options ?? {}) as { debug?: unknown; onError?: unknown }
  const enabled = given.debug === true
  const write = (level: keyof DebugConsole, ...parts: unknown[]) => {
    try {
      output[level]?.('[es-tracker]', ...parts)
    } catch {
      // A replaced or broken console must not break tracking.
    }
  }
  const describe = (error: TrackerError) =>
    maskText(
      `${error.code}: ${error.message}${error.issues.map((issue) => `\n  ${issue.path}: ${issue.message}`).join('')}`,
    )
  return {
    call: (method, args) => enabled && write('log', `${method}(...)`, maskPersonalData(args)),
    payload(eventName, payload, notes = []) {
      if (!enabled) return
      write('log', `${eventName} queued`, maskPersonalData(payload))
      for (const note of notes) write('warn', maskText(`${eventName}: ${note.path}: ${note.message}`))
    },
    result: (method, result) =>
      enabled &&
      (result.ok ? write('log', `${method} delivered`) : write('warn', `${method} failed: ${describe(result.error)}`)),
    warnings(issues, eventName) {
      if (enabled) for (const issue of issues) write('warn', maskText(`${eventName}: ${issue.path}: ${issue.message}`))
    },
    log: (message) => enabled && write('info', message),
    report(error) {
      if (enabled || error.code === 'invalid_config') write('error', describe(error))
      try {
        const returned = (given.onError as ((error: TrackerError) => unknown) | undefined)?.(error)
        if (returned instanceof Promise) returned.catch(() => {})
      } catch {
        // The host's handler must not break tracking.
      }
    },
  }
}

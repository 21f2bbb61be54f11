import type { SendResult, TrackerError, ValidationIssue } from '@es-tracker/core'
import { maskPersonalData, maskText } from './maskPersonalData'

/** Where debug output goes: the console by default. */
export type DebugConsole = Pick<Console, 'log' | 'warn' | 'error'> & Partial<Pick<Console, 'info'>>

/** Debug-mode logging of events and their results, with personal data masked. */
export interface DebugLog {
  /** A tracker method was called. */
  call(method: string, args: readonly unknown[]): void
  /** A valid payload was handed to delivery. */
  payload(eventName: string, payload: object): void
  /** A call settled. */
  result(method: string, result: SendResult): void
  /** Something dropped or odd that did not stop the event. */
  warnings(eventName: string, issues: readonly ValidationIssue[]): void
  /** A failure; bad configuration is logged even outside debug mode. */
  error(error: TrackerError, always?: boolean): void
  /** Why a call sent nothing (an eS.JS event of the vendor's script only, say). */
  info(message: string): void
}

const prefix = '[es-tracker]'

/**
 * Creates the debug log: with `enabled` it logs each call, payload and result through the console
 * with e-mails and phones masked; without it, it only reports errors marked `always`.
 */
export function createDebugLog(enabled: boolean, output: DebugConsole = console): DebugLog {
  const write = (level: keyof DebugConsole, ...parts: unknown[]) => {
    try {
      output[level]?.(prefix, ...parts)
    } catch {
      // A replaced or broken console must not break tracking.
    }
  }
  const describe = (error: TrackerError) => {
    const issues = error.issues.map((issue) => `\n  ${issue.path}: ${issue.message}`).join('')
    return maskText(`${error.code}: ${error.message}${issues}`)
  }
  return {
    call(method, args) {
      if (enabled) write('log', `${method}(...)`, maskPersonalData(args))
    },
    payload(eventName, payload) {
      if (enabled) write('log', `${eventName} queued`, maskPersonalData(payload))
    },
    result(method, result) {
      if (!enabled) return
      if (result.ok) write('log', `${method} delivered`)
      else write('warn', `${method} failed: ${describe(result.error)}`)
    },
    warnings(eventName, issues) {
      if (!enabled) return
      for (const issue of issues) write('warn', maskText(`${eventName}: ${issue.path}: ${issue.message}`))
    },
    error(error, always = false) {
      if (enabled || always) write('error', describe(error))
    },
    info(message) {
      if (enabled) write('info', message)
    },
  }
}

/**
 * Creates the reporter of failures: the debug log (with `always`, even outside debug mode), then the
 * host's `onError`, read from `options` at each call, whose throw or rejected promise never reaches
 * the page.
 */
export function createReporter(log: DebugLog, options: { onError?: unknown }) {
  return (error: TrackerError, always?: boolean): void => {
    log.error(error, always)
    try {
      const returned = (options.onError as ((error: TrackerError) => unknown) | undefined)?.(error)
      if (returned instanceof Promise) returned.catch(() => {})
    } catch {
      // The host's handler must not break tracking.
    }
  }
}

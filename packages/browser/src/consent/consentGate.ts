import { TrackerError } from '@es-tracker/core'

/** Whether events may go out: `granted` sends, `pending` waits in memory, `denied` drops. */
export type ConsentState = 'granted' | 'pending' | 'denied'

/** Where the consent comes from, besides `setConsent`: Google Consent Mode v2, or an IAB TCF v2 CMP. */
export type ConsentSource = 'gcm' | 'tcf'

/** Holds events back until consent is granted. */
export interface ConsentGate {
  /** Changes the state: `granted` lets the waiting events go, `denied` drops them with code `consent`. */
  set(state: ConsentState): void
  /** Whether consent is granted now. */
  granted(): boolean
  /** Calls `listener` each time the state becomes `granted`. */
  onGranted(listener: () => void): void
  /** `undefined` when the event may go now, an error when it may not, or a promise of either. */
  check(eventName: string): undefined | TrackerError | Promise<undefined | TrackerError>
}

/** The consent states, as messages name them. */
export const consentStates = "'granted', 'pending' or 'denied'"

/** Whether a value is one of the three consent states. */
export const isConsentState = (value: unknown): value is ConsentState =>
  ['granted', 'pending', 'denied'].includes(value as ConsentState)

/** The values of the `consent` option, as messages name them. */
export const consentOptions = "'granted', 'pending', 'denied', 'gcm' (Google Consent Mode) or 'tcf' (IAB TCF v2)"

/** Whether a value is a consent state or a consent source. */
export const isConsentOption = (value: unknown): value is ConsentState | ConsentSource =>
  isConsentState(value) || value === 'gcm' || value === 'tcf'

/** Events that may wait for consent at once; past it an event resolves `queue_full`. */
const maxWaiting = 100

/**
 * Creates the consent gate (granted unless told otherwise): while consent is pending, events wait in
 * memory (never persisted, at most 100 of them); denied events resolve with code `consent`.
 */
export function createConsentGate(current: ConsentState = 'granted'): ConsentGate {
  // Each waiting event's release, which answers by the state at that moment.
  const waiters: Array<() => void> = []
  const grantListeners: Array<() => void> = []
  const answer = (eventName: string) =>
    current === 'granted'
      ? undefined
      : new TrackerError('consent', `${eventName} not sent: no tracking consent`, { eventName })
  return {
    set(state) {
      const was = current
      current = state
      // Stored writes and replays go first (they were made or queued before the waiting events).
      if (state === 'granted' && was !== 'granted') for (const listener of grantListeners) listener()
      if (state !== 'pending') for (const release of waiters.splice(0)) release()
    },
    granted: () => current === 'granted',
    onGranted(listener) {
      grantListeners.push(listener)
    },
    check(eventName) {
      if (current !== 'pending') return answer(eventName)
      if (waiters.length >= maxWaiting) {
        return new TrackerError('queue_full', `${eventName} dropped: ${maxWaiting} events already wait for consent`, {
          eventName,
        })
      }
      return new Promise((resolve) => waiters.push(() => resolve(answer(eventName))))
    },
  }
}

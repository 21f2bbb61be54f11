import { TrackerError } from '@es-tracker/core'

/** Whether events may go out: `granted` sends, `pending` waits in memory, `denied` drops. */
export type ConsentState = 'granted' | 'pending' | 'denied'

/** Holds events back until consent is granted. */
export interface ConsentGate {
  /** Changes the state: `granted` lets the waiting events go, `denied` drops them with code `consent`. */
  set(state: ConsentState): void
  /** `undefined` when the event may go now, an error when it may not, or a promise of either. */
  check(eventName: string): undefined | TrackerError | Promise<undefined | TrackerError>
}

/** The consent states, as messages name them. */
export const consentStates = "'granted', 'pending' or 'denied'"

/** Whether a value is one of the three consent states. */
export const isConsentState = (value: unknown): value is ConsentState =>
  ['granted', 'pending', 'denied'].includes(value as ConsentState)

/** Events that may wait for consent at once; past it an event resolves `queue_full`. */
const maxWaiting = 100

/**
 * Creates the consent gate (granted unless told otherwise): while consent is pending, events wait in
 * memory (never persisted, at most 100 of them); denied events resolve with code `consent`.
 */
export function createConsentGate(current: ConsentState = 'granted'): ConsentGate {
  // Each waiting event's release, which answers by the state at that moment.
  const waiters: Array<() => void> = []
  const answer = (eventName: string) =>
    current === 'granted'
      ? undefined
      : new TrackerError('consent', `${eventName} not sent: no tracking consent`, { eventName })
  return {
    set(state) {
      current = state
      if (state !== 'pending') for (const release of waiters.splice(0)) release()
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

import type { ConsentState } from './consentGate'

/** The part of an IAB TCF v2 `TCData` the tracker reads. */
interface TcData {
  gdprApplies?: boolean
  eventStatus?: string
  purpose?: { consents?: Record<string, boolean>; legitimateInterests?: Record<string, boolean> }
}

type TcfApi = (command: string, version: number, callback: (data: TcData | null, success: boolean) => void) => void

/** TCF purpose 1: store and/or access information on a device (the `sc` cookie, the stored queue). */
export const storagePurpose = 1
/** TCF purpose 8: measure content performance (what the events are); consent or legitimate interest. */
export const measurementPurpose = 8

/** How long to look for a CMP that installs `__tcfapi` after the tracker started. */
const lookForMs = 30_000
const lookEveryMs = 100

/** The tracker's consent state from one TCData. */
export function tcfConsentState(data: TcData): ConsentState {
  if (data.gdprApplies === false) return 'granted'
  // The CMP shows its dialogue: the visitor has not chosen yet.
  if (data.eventStatus !== 'tcloaded' && data.eventStatus !== 'useractioncomplete') return 'pending'
  const consents = data.purpose?.consents ?? {}
  const interests = data.purpose?.legitimateInterests ?? {}
  const measured = consents[measurementPurpose] === true || interests[measurementPurpose] === true
  return consents[storagePurpose] === true && measured ? 'granted' : 'denied'
}

/**
 * Follows an IAB TCF v2 CMP through `__tcfapi('addEventListener', 2, ...)` and reports the tracker's
 * consent state on each of its events: granted where GDPR does not apply, or with consent to purpose
 * 1 (storage on the device) and purpose 8 (measure content performance, by consent or legitimate
 * interest); denied once the visitor chose otherwise; pending while the CMP waits for a choice. A CMP
 * that installs `__tcfapi` later is looked for every 100 ms for 30 s (events wait meanwhile).
 */
export function followTcf(page: Record<string, unknown>, report: (state: ConsentState) => void): void {
  const startedAt = Date.now()
  const listen = (): void => {
    const api = page.__tcfapi as TcfApi | undefined
    if (typeof api !== 'function') {
      if (Date.now() - startedAt < lookForMs) setTimeout(listen, lookEveryMs)
      return
    }
    try {
      api('addEventListener', 2, (data, success) => {
        if (success && data && typeof data === 'object') report(tcfConsentState(data))
      })
    } catch {
      // A broken CMP: no decision, so events keep waiting (and are never sent without one).
    }
  }
  listen()
}

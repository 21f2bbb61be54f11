import type { ConsentGate, ConsentSource, ConsentState } from './consentGate'
import { followGoogleConsentMode } from './googleConsentMode'
import { followTcf } from './tcfConsent'

/** The gate's first state for the `consent` option: a source has decided nothing yet. @default 'granted' */
export const initialConsentState = (option: ConsentState | ConsentSource | undefined): ConsentState =>
  option === 'gcm' || option === 'tcf' ? 'pending' : (option ?? 'granted')

/** Starts following the page's own consent signals when the `consent` option names a source. */
export function followPageConsent(option: ConsentState | ConsentSource | undefined, gate: ConsentGate): void {
  const page = window as unknown as Record<string, unknown>
  if (option === 'gcm') followGoogleConsentMode(page, gate.set)
  else if (option === 'tcf') followTcf(page, gate.set)
}

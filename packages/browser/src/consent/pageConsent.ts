import type { ConsentSource, ConsentState } from './consentGate'
import { followGoogleConsentMode } from './googleConsentMode'
import { followTcf } from './tcfConsent'

/**
 * Starts following the page's own consent signals when the `consent` option names a source
 * (`'gcm'`, `'tcf'`), reporting each state the page signals to `setConsent`.
 */
export function followPageConsent(
  option: ConsentState | ConsentSource | undefined,
  setConsent: (state: ConsentState) => void,
): void {
  const page = window as unknown as Record<string, unknown>
  if (option === 'gcm') followGoogleConsentMode(page, setConsent)
  else if (option === 'tcf') followTcf(page, setConsent)
}

// The consentSignals add-on (dist/es-tracker.consentSignals.min.js): Google Consent Mode and IAB TCF
// readers, which the script tag loads when `init` sets `consent: 'gcm'` or `consent: 'tcf'`.
import { followPageConsent } from '../consent/pageConsent'
import { registerAddon } from './registerAddon'

registerAddon('consentSignals', {
  // Until the page's signals decide, the tracker's consent stays pending: nothing is written or sent.
  start({ options, tracker }): undefined {
    followPageConsent(options.consent, tracker.setConsent)
  },
})

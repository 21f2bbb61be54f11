// The consentSignals add-on (dist/es-tracker.consentSignals.min.js): Google Consent Mode and IAB TCF
// readers, which the script tag loads when `init` sets `consent: 'gcm'` or `consent: 'tcf'`.
import { followPageConsent } from '../consent/pageConsent'
import { registerAddon } from './registerAddon'

registerAddon('consentSignals', { followPageConsent })

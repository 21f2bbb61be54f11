import { TrackerError } from '@es-tracker/core'
import type { AddonLoader } from '../addons/loadAddon'
import type { CommandDispatcher } from '../commandQueue'

/**
 * Makes the script tag follow the page's consent signals when `init` sets `consent: 'gcm'` or
 * `consent: 'tcf'`: their readers live in the `consentSignals` add-on, loaded then. Until it runs
 * (and if it cannot load: reported) the tracker's consent stays pending, so nothing is written or sent.
 */
export function registerConsentSignals(dispatcher: CommandDispatcher, loadAddon: AddonLoader): void {
  dispatcher.onInit(({ options, tracker, report }) => {
    const { consent } = options
    if (consent !== 'gcm' && consent !== 'tcf') return
    void loadAddon('consentSignals').then((addon) => {
      if (addon instanceof TrackerError) report(addon)
      else addon.followPageConsent(consent, tracker.setConsent)
    })
  })
}

import type { AddonExports, AddonName } from './types'

/** The global registry add-on scripts write into: `globalThis.esTrackerAddons[name]`. */
type AddonRegistry = Partial<AddonExports>

const global = globalThis as { esTrackerAddons?: AddonRegistry }

/**
 * Registers an add-on's exports under its name, where the script tag's loader finds them once the
 * add-on's script has run. Each add-on's entry file calls it once.
 *
 * @example
 * registerAddon('dataLayer', { bridgeDataLayer })
 */
export function registerAddon<Name extends AddonName>(name: Name, exports: AddonExports[Name]): void {
  global.esTrackerAddons ??= {}
  global.esTrackerAddons[name] = exports
}

/** The exports an add-on registered, if its script has run on this page. */
export function registeredAddon<Name extends AddonName>(name: Name): AddonExports[Name] | undefined {
  return global.esTrackerAddons?.[name]
}

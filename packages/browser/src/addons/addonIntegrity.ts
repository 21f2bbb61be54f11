import type { AddonName } from './types'

/**
 * The Subresource Integrity hash (`sha256-...`) of each add-on file, which the script tag pins when it
 * loads one. The script-tag build (rollup.config.mjs) replaces this module with the hashes of the
 * add-on files it built just before; elsewhere (ES module, tests) there are none.
 */
export const addonIntegrity: Partial<Record<AddonName, string>> = {}

import { TrackerError } from '@es-tracker/core'
import { registeredAddon } from './registerAddon'
import type { AddonExports, AddonName } from './types'

/** Loads an add-on once per page; answers its exports, or why it could not (never rejects). */
export type AddonLoader = <Name extends AddonName>(name: Name) => Promise<AddonExports[Name] | TrackerError>

/** Where add-ons come from and how they are pinned. */
export interface AddonLoaderOptions {
  /** The script tag's own URL (`document.currentScript.src`, read when it starts): add-ons sit beside it. */
  scriptUrl: string | undefined
  /** Each add-on's `sha256-...` hash, built into the script tag (see addonIntegrity.ts). */
  integrity: Partial<Record<AddonName, string>>
  /** How long a load may take before it counts as failed. @default 15000 */
  timeoutMs?: number
}

/**
 * Creates the script tag's add-on loader: `load('esCompat')` inserts
 * `<script src="<script tag's directory>/es-tracker.esCompat.min.js" integrity="sha256-..." crossorigin="anonymous">`
 * once, and answers what the add-on registered when it ran. A network failure, an integrity mismatch
 * (the browser refuses to run the file), a script that registers nothing or no answer within
 * `timeoutMs` answer a `network_error` that says which add-on, from where and why.
 *
 * @example
 * const load = createAddonLoader({ scriptUrl: document.currentScript?.src, integrity: addonIntegrity })
 * const esCompat = await load('esCompat') // its exports, or a TrackerError
 */
export function createAddonLoader(options: AddonLoaderOptions): AddonLoader {
  const loads = new Map<AddonName, Promise<unknown>>()
  return <Name extends AddonName>(name: Name) => {
    if (!loads.has(name)) loads.set(name, insertAddon(name, options))
    return loads.get(name) as Promise<AddonExports[Name] | TrackerError>
  }
}

function insertAddon<Name extends AddonName>(
  name: Name,
  { scriptUrl, integrity, timeoutMs = 15_000 }: AddonLoaderOptions,
): Promise<AddonExports[Name] | TrackerError> {
  // The page may carry the add-on's own script tag already.
  const present = registeredAddon(name)
  if (present) return Promise.resolve(present)
  const file = `es-tracker.${name}.min.js`
  const failure = (where: string, why: string) =>
    new TrackerError('network_error', `the ${name} add-on (${where}) did not load: ${why}`)
  const hash = integrity[name]
  if (!hash) return Promise.resolve(failure(file, 'this build has no integrity hash for it'))
  if (!scriptUrl) return Promise.resolve(failure(file, 'the script tag could not tell the URL it was loaded from'))
  const url = new URL(file, scriptUrl).href
  return new Promise((resolve) => {
    const script = document.createElement('script')
    const settle = (why?: string) => {
      clearTimeout(timer)
      script.onload = script.onerror = null
      const exports = registeredAddon(name)
      resolve(exports ?? failure(url, why ?? 'the script ran but registered nothing'))
    }
    const timer = setTimeout(() => settle(`no answer within ${timeoutMs} ms`), timeoutMs)
    script.onload = () => settle()
    // The browser answers a network failure and a file that does not match `integrity` alike.
    script.onerror = () => settle('network failure, or its content does not match its integrity hash')
    script.src = url
    script.integrity = hash
    script.crossOrigin = 'anonymous'
    script.async = true
    ;(document.head ?? document.documentElement).appendChild(script)
  })
}

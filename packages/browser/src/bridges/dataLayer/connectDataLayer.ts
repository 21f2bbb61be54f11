import { TrackerError } from '@es-tracker/core'
import { describeValue } from '../../describe'
import type { DataLayerBridge } from './types'

// Marks a data layer that a bridge reads (shared by every copy of the bridge on the page, as
// Symbol.for is), so that a second bridge does not read each push twice.
const bridgedMark = Symbol.for('es-tracker.dataLayer')

/** A data layer as the bridge sees it: an array whose `push` the page (or GTM) may have replaced. */
interface DataLayer extends ArrayLike<unknown> {
  push: (...items: unknown[]) => unknown
  [bridgedMark]?: true
}

/**
 * Reads every push of the data layer `target[name]` (created empty when absent): those already in
 * it, once each, then each later one right after the page's own `push` has run. The page's `push`
 * (whoever set it, and whoever wraps it later, as GTM does) runs first and unchanged, its return
 * value is the caller's, and its own errors stay its own; what `onPush` throws is reported, never
 * thrown into the page.
 */
export function connectDataLayer(
  target: Record<string, unknown>,
  name: string,
  onPush: (pushed: unknown) => void,
  report: (error: TrackerError) => void,
): DataLayerBridge {
  const stopped: DataLayerBridge = { stop() {} }
  target[name] ??= []
  const layer = target[name] as DataLayer
  if (!Array.isArray(target[name])) {
    report(
      new TrackerError('invalid_config', `window.${name} must be an array (a data layer); got ${describeValue(layer)}`),
    )
    return stopped
  }
  if (layer[bridgedMark]) {
    report(new TrackerError('invalid_config', `window.${name} is bridged already; this bridge reads nothing`))
    return stopped
  }

  let active = true
  const read = (pushes: readonly unknown[]) => {
    for (const pushed of pushes) {
      if (!active) return
      try {
        onPush(pushed)
      } catch (cause) {
        report(new TrackerError('invalid_event', `A ${name} push could not be read: ${String(cause)}`, { cause }))
      }
    }
  }
  const earlier = Array.from(layer)
  const hadOwnPush = Object.getOwnPropertyDescriptor(layer, 'push') !== undefined
  const pagePush = layer.push
  const bridgedPush = function (this: unknown, ...pushes: unknown[]) {
    const result = pagePush.apply(this, pushes)
    read(pushes)
    return result
  }
  Object.defineProperty(layer, bridgedMark, { value: true, configurable: true })
  layer.push = bridgedPush
  read(earlier)

  return {
    stop() {
      active = false
      delete layer[bridgedMark]
      // Put the page's push back, unless someone wrapped ours since (then theirs must keep calling it).
      if (layer.push !== bridgedPush) return
      if (hadOwnPush) layer.push = pagePush
      else delete (layer as Partial<DataLayer>).push
    },
  }
}

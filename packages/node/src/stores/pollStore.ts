import type { TrackerEngine } from '@es-tracker/core'
import type { DurableQueueStore } from '../types'

/** How often a store without its own `pollIntervalMs` is asked for events others wrote or left. */
const defaultPollIntervalMs = 1000

/** How soon to ask again when the store said more is waiting (its takeOver was full). */
const morePollMs = 10

/**
 * Hands the engine what a durable store holds: at once (what an earlier process left), then every
 * `pollIntervalMs` (events past `maxQueue`, rows other instances wrote or a dead one held, events
 * committed in an application's transaction), and again at once while the store says it has more.
 * The timer does not keep the process alive. Answers the function that stops it.
 */
export function pollStore(engine: Pick<TrackerEngine, 'replay'>, store: DurableQueueStore): () => void {
  const interval = Math.max(10, store.pollIntervalMs ?? defaultPollIntervalMs)
  let timer: ReturnType<typeof setTimeout> | undefined
  const tick = () => {
    engine.replay()
    timer = setTimeout(tick, store.hasMore?.() ? morePollMs : interval)
    timer.unref()
  }
  tick()
  return () => clearTimeout(timer)
}

import type { TrackerEngine } from '@es-tracker/core'
import type { DurableQueueStore } from '../types'

/** How often a store without its own `pollIntervalMs` is asked for events others wrote or left. */
const defaultPollIntervalMs = 1000

/**
 * Hands the engine what a durable store holds: at once (what an earlier process left), then every
 * `pollIntervalMs` (events past `maxQueue`, rows other instances wrote or a dead one held, events
 * committed in an application's transaction). The timer does not keep the process alive.
 * Answers the function that stops it.
 */
export function pollStore(engine: Pick<TrackerEngine, 'replay'>, store: DurableQueueStore): () => void {
  engine.replay()
  const interval = store.pollIntervalMs ?? defaultPollIntervalMs
  const timer = setInterval(() => engine.replay(), Math.max(10, interval))
  timer.unref()
  return () => clearInterval(timer)
}

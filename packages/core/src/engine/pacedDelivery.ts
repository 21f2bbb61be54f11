// Outage pacing composed into the delivery core (a server's engine): while the endpoint fails, no
// attempt starts during a pause and then one probe goes at a time; from the first answer the queue
// drains at full concurrency, and what failed during the outage is tried again at once.
import type { OutagePacing, OutagePacingOptions } from './outagePacing'
import type { DeliveryCore, DeliveryExtension } from './types'

/** What {@link paceDelivery} composes into the delivery core, and how close() ends its pause. */
export interface PacedDelivery extends Required<Pick<DeliveryExtension, 'limit' | 'measured' | 'resumed'>> {
  /** Ends the pause between probes and sets no new one (close). */
  stop(): void
}

/**
 * Paces the core's attempts with an {@link OutagePacing}: the core asks it how many attempts may be
 * in flight and tells it each outcome that says something of the endpoint; it keeps the one timer
 * that pumps again once a pause is over.
 *
 * @example
 * const pacing = paceDelivery(core, createOutagePacing)
 */
export function paceDelivery(
  core: DeliveryCore,
  createPacing: (options: OutagePacingOptions) => OutagePacing,
): PacedDelivery {
  const pacing = createPacing({ now: core.monotonic, wallNow: core.now, retry: core.retry, random: core.random })
  /** Cuts the pause between probes short (an answer came, the page came back, close). */
  let pause: AbortController | undefined
  let stopped = false
  const endPause = () => {
    pause?.abort()
    pause = undefined
  }

  /** Pumps again once the pause between probes is over; one timer, and only while an event waits. */
  function pumpAfter(ms: number): void {
    if (pause || core.ready.size === 0 || stopped) return
    const wake = new AbortController()
    pause = wake
    void core.sleep(ms, wake.signal).then(() => {
      if (pause !== wake) return
      pause = undefined
      // The clock says the pause is over (a later failure would have set a new timer).
      pacing.resume()
      core.pump()
    })
  }

  return {
    limit(concurrency) {
      // While the endpoint fails nothing starts during the pause, then one probe at a time.
      const wait = pacing.waitMs()
      if (wait <= 0) return pacing.limit(concurrency)
      pumpAfter(wait)
      return 0
    },
    measured(job, outcome, retryable) {
      // A failure paces the next attempts (the pause may have grown: the next pump sets its timer
      // anew); an answer lets the queue drain at full speed.
      if (retryable) pacing.failed(outcome, job.startedAt!)
      const since = retryable ? undefined : pacing.answered()
      endPause()
      // The outage that began at `since` is over: what failed in it is tried again now, not after its own back-off.
      if (since === undefined) return
      for (const waiting of core.jobs.values()) if (waiting.wake && waiting.failedAt! >= since) waiting.wake.abort()
    },
    resumed() {
      pacing.resume()
      endPause()
    },
    stop() {
      stopped = true
      endPause()
    },
  }
}

import type { PersistedQueueStore } from './persistedQueueStore'

/** The Web Locks lock under which one tab at a time claims orphaned entries. */
export const replayLockName = 'es-tracker-replay'

/** How long a claim keeps the lock, so that other tabs' storage catches up first. */
const holdMs = 500
/** How long a claim waits for other tabs' claims of the same entries to land before replaying. */
const confirmMs = 50
/** Renewal period of this page's own entries' leases. */
const renewMs = 10_000

/** Options of {@link createReplayCoordinator}. */
export interface ReplayCoordinatorOptions {
  store: PersistedQueueStore
  /** Delivers what the store hands over (the engine's `replay`, which never throws). */
  replay: () => void
  /** `navigator.locks`, or `undefined` to rely on the entries' own leases alone. */
  locks?: Pick<LockManager, 'request'> | undefined
  /**
   * Reads the storage again, for a store that does not see what other pages write later (a Shopify
   * pixel's, a copy read at start): before looking at a claim of another page that ran out, which that
   * page may have renewed or delivered since. Never rejects.
   */
  reread?: () => Promise<void>
}

/** Runs replays of the persisted queue so that no two tabs deliver one entry. */
export interface ReplayCoordinator {
  /** Replays what this page may deliver now: its own leftovers, and orphans under the lock. */
  trigger(): void
  /** This page added entries: keep their leases renewed while it owns any. */
  watch(): void
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Coordinates replays between tabs: orphaned entries are claimed only under the Web Lock
 * `es-tracker-replay` (`ifAvailable`, so a busy tab is skipped, not queued) and, since two tabs
 * may still claim one entry at once (Web Locks missing or refused), replayed only after the claims
 * of every tab have landed: the last write owns the entry. It renews this page's leases on a timer
 * while the page owns entries, and looks again when a claim of another page is due to run out.
 */
export function createReplayCoordinator({ store, replay, locks, reread }: ReplayCoordinatorOptions): ReplayCoordinator {
  let busy = false
  let again = false
  let renewTimer: ReturnType<typeof setInterval> | undefined
  let expiryTimer: ReturnType<typeof setTimeout> | undefined

  // Another page's claim that runs out later: look again then (one timer at a time).
  const lookAgain = ({ nextExpiryInMs } = store.orphans()) => {
    if (nextExpiryInMs !== undefined && expiryTimer === undefined) {
      expiryTimer = setTimeout(async () => {
        await reread?.()
        expiryTimer = undefined
        trigger()
      }, nextExpiryInMs + 50)
    }
  }

  // What this page still owns once the claims have landed is its own: another tab's later claim won the rest.
  const claimAndReplay = async () => {
    store.claimOrphans()
    await sleep(confirmMs)
    replay()
  }

  const claim = async () => {
    busy = true
    try {
      await (locks?.request(replayLockName, { ifAvailable: true }, async (lock) => {
        if (lock) {
          await claimAndReplay()
          await sleep(holdMs)
        }
      }) ?? claimAndReplay())
    } catch {
      // Web Locks refused (an opaque origin, say): the entries' leases alone protect the claim.
      await claimAndReplay()
    }
    busy = false
    if (again) trigger()
    else lookAgain()
  }

  function trigger(): void {
    // Triggered while a claim runs: look again once it ends.
    again = busy
    if (busy) return
    const orphans = store.orphans()
    if (orphans.count > 0) void claim()
    else {
      // Only this page's own leftovers (an unload attempt that failed): no other tab claims those.
      if (orphans.owned > 0) replay()
      lookAgain(orphans)
    }
  }

  return {
    trigger,
    watch() {
      renewTimer ??= setInterval(() => {
        if (!store.renew()) {
          clearInterval(renewTimer)
          renewTimer = undefined
        }
      }, renewMs)
    },
  }
}

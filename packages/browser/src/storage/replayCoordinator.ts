import type { PersistedQueueStore } from './persistedQueueStore'
import type { SafeStorage } from './safeStorage'

/** The Web Locks lock under which one tab at a time claims orphaned entries. */
export const replayLockName = 'es-tracker-replay'

/** Options of {@link createReplayCoordinator}. */
export interface ReplayCoordinatorOptions {
  store: PersistedQueueStore
  /** Delivers what the store hands over (the engine's `replay`). */
  replay: () => void
  storage: SafeStorage
  /** Storage key of the lease used where Web Locks are missing. */
  leaseKey: string
  owner: string
  /** `navigator.locks`, or `undefined` to use the storage lease. */
  locks?: Pick<LockManager, 'request'> | undefined
  /** How long a claim keeps the lock, so that other tabs' storage catches up first. @default 500 */
  holdMs?: number
  /** How long the storage lease waits before re-reading it to confirm. @default 50 */
  confirmMs?: number
  /** Renewal period of this page's own entries' leases. @default 10000 */
  renewMs?: number
  now?: () => number
}

/** Runs replays of the persisted queue so that no two tabs deliver one entry. */
export interface ReplayCoordinator {
  /** Replays what this page may deliver now: its own leftovers, and orphans under the lock. */
  trigger(): void
  /** This page added entries: keep their leases renewed while it owns any. */
  watch(): void
  stop(): void
}

/**
 * Coordinates replays between tabs: orphaned entries are claimed only under the Web Lock
 * `es-tracker-replay` (`ifAvailable`, so a busy tab is skipped, not queued) or, where Web Locks are
 * missing, under a storage lease (owner and expiry, re-read after writing to confirm). It renews
 * this page's leases on a timer while the page owns entries, and looks again when a claim of
 * another page is due to run out.
 */
export function createReplayCoordinator(options: ReplayCoordinatorOptions): ReplayCoordinator {
  const { store, storage, leaseKey, owner } = options
  const holdMs = options.holdMs ?? 500
  const confirmMs = options.confirmMs ?? 50
  const renewMs = options.renewMs ?? 10_000
  const now = options.now ?? Date.now
  let busy = false
  let again = false
  let stopped = false
  let renewTimer: ReturnType<typeof setInterval> | undefined
  let expiryTimer: ReturnType<typeof setTimeout> | undefined

  const replayNow = () => {
    try {
      options.replay()
    } catch {
      // The engine never throws; a broken one must not break the page either.
    }
  }

  const finish = () => {
    busy = false
    if (again && !stopped) {
      again = false
      trigger()
      return
    }
    scheduleExpiry()
  }

  // Another page's claim that runs out later: look again then (one timer at a time).
  const scheduleExpiry = () => {
    const { nextExpiry } = store.orphans()
    if (nextExpiry === undefined || expiryTimer !== undefined || stopped) return
    expiryTimer = setTimeout(
      () => {
        expiryTimer = undefined
        trigger()
      },
      Math.max(0, nextExpiry - now()) + 50,
    )
  }

  const withLock = (run: () => void) => {
    const locks = options.locks
    if (!locks) return withStorageLease(run)
    busy = true
    locks
      .request(replayLockName, { ifAvailable: true }, async (lock) => {
        if (!lock) return
        run()
        await sleep(holdMs)
      })
      .then(finish, () => {
        // Web Locks refused (an opaque origin, say): the storage lease still protects the claim.
        busy = false
        withStorageLease(run)
      })
  }

  const withStorageLease = (run: () => void) => {
    const held = readLease(storage.get(leaseKey))
    if (held && held.owner !== owner && held.until > now()) {
      scheduleExpiry()
      return
    }
    busy = true
    storage.set(leaseKey, JSON.stringify({ owner, until: now() + holdMs + confirmMs }))
    setTimeout(() => {
      const confirmed = readLease(storage.get(leaseKey))
      if (confirmed?.owner === owner) {
        run()
        setTimeout(() => {
          if (readLease(storage.get(leaseKey))?.owner === owner) storage.remove(leaseKey)
          finish()
        }, holdMs)
      } else finish()
    }, confirmMs)
  }

  function trigger(): void {
    if (stopped) return
    if (busy) {
      again = true
      return
    }
    if (store.orphans().count > 0) withLock(() => store.claiming(replayNow))
    else {
      // Only this page's own leftovers (an unload attempt that failed): no other tab claims those.
      if (store.ownedCount() > 0) replayNow()
      scheduleExpiry()
    }
  }

  return {
    trigger,
    watch() {
      if (renewTimer !== undefined || stopped) return
      renewTimer = setInterval(() => {
        if (store.ownedCount() === 0) {
          clearInterval(renewTimer)
          renewTimer = undefined
        } else store.renew()
      }, renewMs)
    },
    stop() {
      stopped = true
      clearInterval(renewTimer)
      clearTimeout(expiryTimer)
      renewTimer = undefined
      expiryTimer = undefined
    },
  }
}

function readLease(text: string | null): { owner: string; until: number } | undefined {
  if (!text) return undefined
  try {
    const lease = JSON.parse(text) as { owner?: unknown; until?: unknown }
    return typeof lease.owner === 'string' && typeof lease.until === 'number'
      ? { owner: lease.owner, until: lease.until }
      : undefined
  } catch {
    return undefined
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

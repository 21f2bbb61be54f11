import type { PersistedQueueStore } from './persistedQueueStore'
import type { SafeStorage } from './safeStorage'

/** The Web Locks lock under which one tab at a time claims orphaned entries. */
export const replayLockName = 'es-tracker-replay'

/** How long a claim keeps the lock, so that other tabs' storage catches up first. */
const holdMs = 500
/** How long the storage lease waits before re-reading it to confirm. */
const confirmMs = 50
/** Renewal period of this page's own entries' leases. */
const renewMs = 10_000

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
}

/** Runs replays of the persisted queue so that no two tabs deliver one entry. */
export interface ReplayCoordinator {
  /** Replays what this page may deliver now: its own leftovers, and orphans under the lock. */
  trigger(): void
  /** This page added entries: keep their leases renewed while it owns any. */
  watch(): void
}

/**
 * Coordinates replays between tabs: orphaned entries are claimed only under the Web Lock
 * `es-tracker-replay` (`ifAvailable`, so a busy tab is skipped, not queued) or, where Web Locks are
 * missing, under a storage lease (owner and expiry, re-read after writing to confirm). It renews
 * this page's leases on a timer while the page owns entries, and looks again when a claim of
 * another page is due to run out.
 */
export function createReplayCoordinator(options: ReplayCoordinatorOptions): ReplayCoordinator {
  const { store, storage, leaseKey, owner, locks } = options
  let busy = false
  let again = false
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
    if (again) {
      again = false
      trigger()
    } else scheduleExpiry()
  }

  // Another page's claim that runs out later: look again then (one timer at a time).
  const scheduleExpiry = () => {
    const { nextExpiry } = store.orphans()
    if (nextExpiry === undefined || expiryTimer !== undefined) return
    expiryTimer = setTimeout(
      () => {
        expiryTimer = undefined
        trigger()
      },
      Math.max(0, nextExpiry - Date.now()) + 50,
    )
  }

  const withStorageLease = (run: () => void) => {
    const held = readLease(storage.get(leaseKey))
    if (held && held.owner !== owner && held.until > Date.now()) return scheduleExpiry()
    busy = true
    storage.set(leaseKey, JSON.stringify({ owner, until: Date.now() + holdMs + confirmMs }))
    const isMine = () => readLease(storage.get(leaseKey))?.owner === owner
    setTimeout(() => {
      if (!isMine()) return finish()
      run()
      setTimeout(() => {
        if (isMine()) storage.remove(leaseKey)
        finish()
      }, holdMs)
    }, confirmMs)
  }

  const withLock = (run: () => void) => {
    if (!locks) return withStorageLease(run)
    busy = true
    locks
      .request(replayLockName, { ifAvailable: true }, async (lock) => {
        if (!lock) return
        run()
        await new Promise((resolve) => setTimeout(resolve, holdMs))
      })
      .then(finish, () => {
        // Web Locks refused (an opaque origin, say): the storage lease still protects the claim.
        busy = false
        withStorageLease(run)
      })
  }

  function trigger(): void {
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
      renewTimer ??= setInterval(() => {
        if (store.ownedCount() > 0) store.renew()
        else {
          clearInterval(renewTimer)
          renewTimer = undefined
        }
      }, renewMs)
    },
  }
}

/** A storage lease as written (an owner and an expiry), or `undefined` for anything else. */
function readLease(text: string | null): { owner: string; until: number } | undefined {
  try {
    const lease = JSON.parse(text as string)
    if (typeof lease.owner === 'string' && typeof lease.until === 'number') return lease
  } catch {
    // Not a lease (another script's data, a truncated write).
  }
  return undefined
}

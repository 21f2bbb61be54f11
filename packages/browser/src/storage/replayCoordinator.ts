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
  /** Delivers what the store hands over (the engine's `replay`, which never throws). */
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Coordinates replays between tabs: orphaned entries are claimed only under the Web Lock
 * `es-tracker-replay` (`ifAvailable`, so a busy tab is skipped, not queued) or, where Web Locks are
 * missing, under a storage lease (owner and expiry, re-read after writing to confirm). It renews
 * this page's leases on a timer while the page owns entries, and looks again when a claim of
 * another page is due to run out.
 */
export function createReplayCoordinator({
  store,
  replay,
  storage,
  leaseKey,
  owner,
  locks,
}: ReplayCoordinatorOptions): ReplayCoordinator {
  let busy = false
  let again = false
  let renewTimer: ReturnType<typeof setInterval> | undefined
  let expiryTimer: ReturnType<typeof setTimeout> | undefined

  // Another page's claim that runs out later: look again then (one timer at a time).
  const lookAgain = ({ nextExpiry } = store.orphans()) => {
    if (nextExpiry !== undefined && expiryTimer === undefined) {
      expiryTimer = setTimeout(
        () => {
          expiryTimer = undefined
          trigger()
        },
        nextExpiry - Date.now() + 50,
      )
    }
  }

  // Who holds the storage lease (`{ owner, until }`); with `live`, only while it holds. Garbage: nobody.
  const leaseHolder = (live?: boolean): unknown => {
    try {
      const lease = JSON.parse(storage.get(leaseKey) as string)
      if (!live || lease.until > Date.now()) return lease.owner
    } catch {}
  }

  const claim = async () => {
    busy = true
    const run = () => store.claiming(replay)
    try {
      if (!locks) throw new Error('no Web Locks')
      await locks.request(replayLockName, { ifAvailable: true }, async (lock) => {
        if (lock) {
          run()
          await sleep(holdMs)
        }
      })
    } catch {
      // No Web Locks here, or refused (an opaque origin, say): the storage lease protects the claim.
      const holder = leaseHolder(true)
      if (holder === undefined || holder === owner) {
        storage.set(leaseKey, JSON.stringify({ owner, until: Date.now() + (holdMs + confirmMs) }))
        await sleep(confirmMs)
        if (leaseHolder() === owner) {
          run()
          await sleep(holdMs)
          if (leaseHolder() === owner) storage.remove(leaseKey)
        }
      }
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

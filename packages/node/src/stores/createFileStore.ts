import { mkdirSync, truncateSync } from 'node:fs'
import { type FileHandle, open } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { TrackerError } from '@es-tracker/core'
import type { QueueEntry } from '@es-tracker/core/internal'
import type { DurableQueueStore } from '../types'
import { acquireFolderLock } from './folderLock'
import { addRecord, readJournal, removeRecord, rewriteJournal } from './journal'

/** Options of {@link createFileStore}. */
export interface FileStoreOptions {
  /** The folder of the journal and its lock file; created when missing. One process owns it at a time. */
  dir: string
  /**
   * Bytes of undelivered events the journal may hold; past it a new event resolves `queue_full`
   * (reported). Until compaction drops delivered events the file may briefly grow to twice this.
   * @default 67108864 (64 MiB, about 150,000 purchase confirmations)
   */
  maxBytes?: number | undefined
  /** A lock file not renewed for this long belongs to a stalled or dead process and may be taken over. @default 10000 */
  lockStaleMs?: number | undefined
}

/** Below this size a journal is never compacted: rewriting it would cost more than it saves. */
const compactFromBytes = 1024 * 1024

/** One record waiting for the next write; an add resolves once it is on disk. */
interface PendingWrite {
  line: string
  bytes: number
  entry?: QueueEntry
  resolve: () => void
  reject: (cause: unknown) => void
}

/**
 * Creates a durable queue store in a folder, for one long-running server: an append-only journal
 * (`journal.log`) whose every new event is fsync'd before its first attempt, a lock file that gives
 * the folder to one process at a time, compaction as delivered events pile up, and a torn last line
 * (a crash mid-write) dropped at start. A process that opens the folder later, after a crash or a
 * `kill -9`, delivers what the earlier one left. No native addon.
 *
 * Throws an `invalid_config` TrackerError at once when another live process owns the folder.
 *
 * @example
 * const tracker = createNodeTracker({ siteId, store: createFileStore({ dir: './var/es-tracker' }) })
 */
export function createFileStore(options: FileStoreOptions): DurableQueueStore {
  if (typeof options?.dir !== 'string' || options.dir === '') {
    throw new TrackerError('invalid_config', 'createFileStore: dir must be a non-empty path')
  }
  const dir = resolve(options.dir)
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024
  const journalPath = join(dir, 'journal.log')
  mkdirSync(dir, { recursive: true })
  const lock = acquireFolderLock(join(dir, 'lock'), options.lockStaleMs ?? 10_000, options.dir)

  let contents: ReturnType<typeof readJournal>
  try {
    contents = readJournal(journalPath)
    // A torn last line was never acknowledged: cut it off so that the next record starts a line.
    if (contents.tornBytes > 0) truncateSync(journalPath, contents.bytes)
  } catch (cause) {
    lock.release()
    throw new TrackerError('invalid_config', `createFileStore: cannot read ${journalPath} (${String(cause)})`, {
      cause,
    })
  }
  const live = contents.entries
  let liveBytes = 0
  for (const { bytes } of live.values()) liveBytes += bytes
  let journalBytes = contents.bytes
  /** Bytes of adds waiting for their write: they count against maxBytes already. */
  let reservedBytes = 0
  /** Entries this process is delivering (added here or taken over): takeOver answers each once. */
  const handedOut = new Set<string>()
  const queue: PendingWrite[] = []
  let handle: FileHandle | undefined
  let draining: Promise<void> | undefined
  let closed = false

  /** Appends what is queued in one write and one fsync per batch (group commit), then compacts. */
  async function drain(): Promise<void> {
    await compactIfWorthIt()
    while (queue.length > 0) {
      const batch = queue.splice(0)
      const buffer = Buffer.from(batch.map((write) => write.line).join(''))
      try {
        handle ??= await open(journalPath, 'a')
        await handle.appendFile(buffer)
        if (batch.some((write) => write.entry)) await handle.datasync()
        journalBytes += buffer.length
      } catch (cause) {
        // A partial write must not glue the next record to half a line.
        await handle?.truncate(journalBytes).catch(() => {})
        for (const write of batch) {
          if (write.entry) reservedBytes -= write.bytes
          write.reject(cause)
        }
        continue
      }
      for (const write of batch) {
        if (write.entry) {
          reservedBytes -= write.bytes
          live.set(write.entry.id, { entry: write.entry, bytes: write.bytes })
          liveBytes += write.bytes
          handedOut.add(write.entry.id)
        }
        write.resolve()
      }
      await compactIfWorthIt()
    }
  }

  /** Rewrites the journal with the undelivered entries only, once delivered ones make up most of it. */
  async function compactIfWorthIt(): Promise<void> {
    if (journalBytes < compactFromBytes || journalBytes - liveBytes < liveBytes) return
    await handle?.close()
    handle = undefined
    journalBytes = await rewriteJournal(
      journalPath,
      dir,
      [...live.values()].map(({ entry }) => entry),
    ).catch(() => journalBytes)
  }

  function startDrain(): void {
    draining ??= drain().finally(() => {
      draining = undefined
      // A write queued while the last batch finished starts the next drain.
      if (queue.length > 0) startDrain()
    })
  }

  function append(line: string, entry?: QueueEntry): Promise<void> {
    return new Promise((resolveWrite, reject) => {
      queue.push({ line, bytes: Buffer.byteLength(line), entry, resolve: resolveWrite, reject })
      startDrain()
    })
  }

  // What earlier processes delivered is dropped from the journal now, off the start-up path.
  startDrain()

  return {
    pollIntervalMs: 1000,
    add(entry, addOptions) {
      const refuse = (code: TrackerError['code'], what: string) =>
        Promise.reject(new TrackerError(code, `${entry.eventName} ${what}`, { eventName: entry.eventName }))
      if (addOptions?.transaction !== undefined) {
        return refuse(
          'invalid_config',
          'not queued: a file store cannot write inside a transaction (use createPostgresStore)',
        )
      }
      if (closed) return refuse('store_error', `not queued: the file store in ${options.dir} is closed`)
      if (!lock.held()) return refuse('store_error', `not queued: another process took ${options.dir} over`)
      const line = addRecord(entry)
      const bytes = Buffer.byteLength(line)
      if (liveBytes + reservedBytes + bytes > maxBytes) {
        const held = liveBytes + reservedBytes
        return refuse(
          'queue_full',
          `dropped: the file store holds ${held} bytes of undelivered events (maxBytes ${maxBytes})`,
        )
      }
      reservedBytes += bytes
      return append(line, { ...entry })
    },
    // Attempts are not journaled: age, not the number of attempts, ends an event.
    update() {},
    remove(id) {
      handedOut.delete(id)
      const held = live.get(id)
      if (!held) return
      live.delete(id)
      liveBytes -= held.bytes
      // Without its remove record on disk the event is sent again by the next process: at least once.
      return append(removeRecord(id)).catch(() => {})
    },
    takeOver(limit = Number.POSITIVE_INFINITY) {
      const taken: QueueEntry[] = []
      for (const [id, { entry }] of live) {
        if (taken.length >= limit) break
        if (handedOut.has(id)) continue
        handedOut.add(id)
        taken.push({ ...entry })
      }
      return taken
    },
    async close() {
      if (closed) return
      closed = true
      while (draining) await draining
      await handle?.close()
      lock.release()
    },
  }
}

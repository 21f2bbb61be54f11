import { randomUUID } from 'node:crypto'
import { closeSync, openSync, readFileSync, statSync, unlinkSync, utimesSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { TrackerError } from '@es-tracker/core'

/** The lock file's content: who owns the folder. */
interface LockOwner {
  pid: number
  host: string
  /** Tells this owner from an earlier process that had the same pid (a restarted container). */
  token: string
  since: string
}

/** Locks this process holds, by token: a lock with another token and our pid is a dead predecessor's. */
const heldHere = new Set<string>()

/** A folder held by this process until `release()`. */
export interface FolderLock {
  /** False once another process took the lock over (this one stalled past `staleMs`): stop writing. */
  held(): boolean
  release(): void
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

const readOwner = (path: string): LockOwner | undefined => {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockOwner
  } catch {
    return undefined
  }
}

/**
 * Why the lock at `path` is still held, or `undefined` when it may be taken over: its owner renews
 * it every `staleMs / 3`, so a lock not renewed for `staleMs` is stale, and so at once is one whose
 * owner was a process on this host that is gone (a `kill -9`) or an earlier holder of our own pid.
 */
function heldBy(path: string, staleMs: number): string | undefined {
  const owner = readOwner(path)
  let renewedAgo: number
  try {
    renewedAgo = Date.now() - statSync(path).mtimeMs
  } catch {
    return undefined
  }
  const here = owner?.host === hostname()
  if (owner && heldHere.has(owner.token)) return `this process (pid ${owner.pid})`
  if (here && owner && (owner.pid === process.pid || !isAlive(owner.pid))) return undefined
  if (renewedAgo > staleMs) return undefined
  const who = owner ? `process ${owner.pid} on host ${owner.host}` : 'another process'
  return `${who} (its lock file ${path} was renewed ${Math.round(renewedAgo / 1000)} s ago)`
}

/**
 * Takes the folder's lock file, or throws an `invalid_config` TrackerError naming the process that
 * holds it: one process owns a folder at a time. No native addon: a lock file created exclusively,
 * renewed by a timer that does not keep the process alive.
 */
export function acquireFolderLock(path: string, staleMs: number, folderName: string): FolderLock {
  const owner: LockOwner = { pid: process.pid, host: hostname(), token: randomUUID(), since: new Date().toISOString() }
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx')
      writeSync(fd, JSON.stringify(owner))
      closeSync(fd)
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = heldBy(path, staleMs)
      if (holder !== undefined || attempt > 0) {
        throw new TrackerError(
          'invalid_config',
          `createFileStore: ${folderName} is in use by ${holder ?? 'another process'}; one process owns a folder at a time: give each process its own dir`,
        )
      }
      // Stale: its owner is gone. Another process may take it over at the same moment: then one of
      // the two exclusive creates fails and that one throws above.
      try {
        unlinkSync(path)
      } catch {}
    }
  }
  heldHere.add(owner.token)
  let lost = false
  const renew = setInterval(
    () => {
      if (readOwner(path)?.token !== owner.token) {
        lost = true
        clearInterval(renew)
        return
      }
      const now = new Date()
      try {
        utimesSync(path, now, now)
      } catch {}
    },
    Math.max(10, Math.floor(staleMs / 3)),
  )
  renew.unref()
  return {
    held: () => !lost,
    release() {
      clearInterval(renew)
      heldHere.delete(owner.token)
      if (!lost && readOwner(path)?.token === owner.token) {
        try {
          unlinkSync(path)
        } catch {}
      }
    },
  }
}

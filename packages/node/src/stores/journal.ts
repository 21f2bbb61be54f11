// The file store's journal: one JSON record per line, appended, `{"add":entry}` or `{"remove":id}`.
import { closeSync, fsyncSync, openSync, readFileSync } from 'node:fs'
import { open, rename } from 'node:fs/promises'
import type { QueueEntry } from '@es-tracker/core'
import { isQueueEntry } from '@es-tracker/core'

/** The line that records a new entry; its body is kept as the exact string to send. */
export const addRecord = (entry: QueueEntry): string => `${JSON.stringify({ add: entry })}\n`

/** The line that records an entry delivered or finally refused. */
export const removeRecord = (id: string): string => `${JSON.stringify({ remove: id })}\n`

/** What a journal held when it was read at start. */
export interface JournalContents {
  /** Undelivered entries in the order they were written, each with the bytes of its add record. */
  entries: Map<string, { entry: QueueEntry; bytes: number }>
  /** Bytes of complete lines. */
  bytes: number
  /** Bytes after the last newline: a write cut short by a crash, never acknowledged, dropped. */
  tornBytes: number
  /** Complete lines that are not records (a damaged disk block): skipped. */
  skippedLines: number
}

/** Reads a journal; a missing file is an empty one. */
export function readJournal(path: string): JournalContents {
  let text = ''
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  const entries = new Map<string, { entry: QueueEntry; bytes: number }>()
  const end = text.lastIndexOf('\n') + 1
  let skippedLines = 0
  // A line counts only once its newline is on disk: the add it records was acknowledged after that.
  for (const line of text.slice(0, end).split('\n')) {
    if (line === '') continue
    let record: { add?: unknown; remove?: unknown }
    try {
      record = JSON.parse(line)
    } catch {
      skippedLines++
      continue
    }
    if (isQueueEntry(record?.add)) entries.set(record.add.id, { entry: record.add, bytes: Buffer.byteLength(line) + 1 })
    else if (typeof record?.remove === 'string') entries.delete(record.remove)
    else skippedLines++
  }
  const bytes = Buffer.byteLength(text.slice(0, end))
  return { entries, bytes, tornBytes: Buffer.byteLength(text) - bytes, skippedLines }
}

/** Makes a rename or a new file in `dir` durable: the directory entry is synced too (Linux, macOS). */
export function syncDirectory(dir: string): void {
  let fd: number | undefined
  try {
    fd = openSync(dir, 'r')
    fsyncSync(fd)
  } catch {
    // Some platforms (Windows) cannot open a directory; the data itself is synced.
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/**
 * Writes a journal holding only `entries` beside `path`, syncs it and renames it over `path`: a crash
 * at any moment leaves either the old journal or the new one, whole. Answers the new journal's bytes.
 */
export async function rewriteJournal(path: string, dir: string, entries: Iterable<QueueEntry>): Promise<number> {
  const next = `${path}.next`
  const lines: string[] = []
  for (const entry of entries) lines.push(addRecord(entry))
  const buffer = Buffer.from(lines.join(''))
  const handle = await open(next, 'w')
  try {
    await handle.writeFile(buffer)
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(next, path)
  syncDirectory(dir)
  return buffer.length
}

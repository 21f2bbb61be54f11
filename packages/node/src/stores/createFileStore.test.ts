import { spawnSync } from 'node:child_process'
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { QueueEntry } from '@es-tracker/core'
import { afterEach, describe, expect, it } from 'vitest'
import { createFileStore } from './createFileStore'

const dirs: string[] = []
const newDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'es-tracker-file-store-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const entry = (n: number, body = `{"CustomEvent":{"EventName":"e${n}"}}`): QueueEntry => ({
  id: `id-${n}`,
  eventName: 'CustomEvent',
  body,
  createdAt: 1_700_000_000_000 + n,
  attempts: 0,
})

describe('createFileStore', () => {
  it('should hand a later process what an earlier one wrote and did not remove, with the same bytes', async () => {
    const dir = newDir()
    const first = createFileStore({ dir })
    const odd = '{"CustomEvent":{"EventName":"ü \\u2028 \\ud800 \\"q\\""}}'
    await Promise.all([first.add(entry(1)), first.add(entry(2, odd)), first.add(entry(3))])
    await first.remove('id-1')
    // Entries this process added are its own: nothing to take over.
    expect(first.takeOver()).toEqual([])
    await first.close?.()

    const second = createFileStore({ dir })
    expect(second.takeOver()).toEqual([entry(2, odd), entry(3)])
    // Each is handed out once.
    expect(second.takeOver()).toEqual([])
    await second.close?.()
  })

  it('should answer no more than the limit from takeOver and the rest later', async () => {
    const dir = newDir()
    const first = createFileStore({ dir })
    await Promise.all([1, 2, 3, 4, 5].map((n) => first.add(entry(n))))
    await first.close?.()
    const second = createFileStore({ dir })
    expect((second.takeOver(2) as QueueEntry[]).map((taken) => taken.id)).toEqual(['id-1', 'id-2'])
    expect((second.takeOver(10) as QueueEntry[]).map((taken) => taken.id)).toEqual(['id-3', 'id-4', 'id-5'])
    await second.close?.()
  })

  it('should drop a torn last line and keep appending after it when a crash cut a write short', async () => {
    const dir = newDir()
    const first = createFileStore({ dir })
    await first.add(entry(1))
    await first.add(entry(2))
    await first.close?.()
    const journal = join(dir, 'journal.log')
    // What a process killed in the middle of a write leaves: half a record, no newline.
    appendFileSync(journal, JSON.stringify({ add: entry(3) }).slice(0, 40))
    const second = createFileStore({ dir })
    expect((second.takeOver() as QueueEntry[]).map((taken) => taken.id)).toEqual(['id-1', 'id-2'])
    await second.add(entry(4))
    await second.close?.()
    const lines = readFileSync(journal, 'utf8').split('\n')
    expect(lines.at(-1)).toBe('')
    expect(lines.slice(0, -1).every((line) => JSON.parse(line))).toBe(true)
    const third = createFileStore({ dir })
    expect((third.takeOver() as QueueEntry[]).map((taken) => taken.id)).toEqual(['id-1', 'id-2', 'id-4'])
    await third.close?.()
  })

  it('should refuse a second opener of the folder with invalid_config naming the owner', async () => {
    const dir = newDir()
    const first = createFileStore({ dir })
    expect(() => createFileStore({ dir })).toThrow(
      expect.objectContaining({
        code: 'invalid_config',
        message: expect.stringContaining(`is in use by this process (pid ${process.pid})`),
      }),
    )
    await first.close?.()
    const second = createFileStore({ dir })
    await second.close?.()
  })

  it('should refuse while another live process holds the lock, and take over a dead one’s lock at once', async () => {
    const dir = newDir()
    const lock = join(dir, 'lock')
    // A live process on this host that renews its lock: this test runner's parent.
    writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: hostname(), token: 't', since: '' }))
    expect(() => createFileStore({ dir })).toThrow(/is in use by process \d+ on host/)
    // The same lock, its owner gone (a kill -9): taken over without waiting.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString()
    writeFileSync(lock, JSON.stringify({ pid: Number(gone), host: hostname(), token: 't', since: '' }))
    const store = createFileStore({ dir })
    expect(JSON.parse(readFileSync(lock, 'utf8')).pid).toBe(process.pid)
    await store.close?.()
  })

  it('should take over a lock another host stopped renewing once it is older than lockStaleMs', async () => {
    const dir = newDir()
    writeFileSync(join(dir, 'lock'), JSON.stringify({ pid: 1, host: 'elsewhere', token: 't', since: '' }))
    expect(() => createFileStore({ dir, lockStaleMs: 60_000 })).toThrow(/process 1 on host elsewhere/)
    await new Promise((resolve) => setTimeout(resolve, 60))
    const store = createFileStore({ dir, lockStaleMs: 50 })
    await store.close?.()
  })

  it('should refuse with queue_full past maxBytes and take events again once some are delivered', async () => {
    const dir = newDir()
    const line = `${JSON.stringify({ add: entry(1) })}\n`.length
    const store = createFileStore({ dir, maxBytes: line * 3 })
    await Promise.all([1, 2, 3].map((n) => store.add(entry(n))))
    await expect(store.add(entry(4))).rejects.toMatchObject({
      code: 'queue_full',
      message: `CustomEvent dropped: the file store holds ${line * 3} bytes of undelivered events (maxBytes ${line * 3})`,
    })
    await store.remove('id-1')
    await store.add(entry(4))
    await store.close?.()
  })

  it('should compact the journal as delivered events pile up', async () => {
    const dir = newDir()
    const store = createFileStore({ dir })
    const body = `{"CustomEvent":{"EventName":"${'x'.repeat(1000)}"}}`
    for (let round = 0; round < 30; round++) {
      const batch = Array.from({ length: 100 }, (_, n) => entry(round * 100 + n, body))
      await Promise.all(batch.map((one) => store.add(one)))
      await Promise.all(batch.slice(round === 29 ? 1 : 0).map((one) => store.remove(one.id)))
    }
    await store.close?.()
    // 3,000 events of about 1 KB went through; one is left undelivered.
    expect(statSync(join(dir, 'journal.log')).size).toBeLessThan(2 * 1024 * 1024)
    const reopened = createFileStore({ dir })
    expect((reopened.takeOver() as QueueEntry[]).map((taken) => taken.id)).toEqual(['id-2900'])
    await reopened.close?.()
  })

  it('should refuse new events with store_error once closed', async () => {
    const store = createFileStore({ dir: newDir() })
    await store.close?.()
    await expect(store.add(entry(1))).rejects.toMatchObject({ code: 'store_error' })
  })
})

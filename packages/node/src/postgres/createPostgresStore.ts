import { randomUUID } from 'node:crypto'
import type { QueueEntry } from '@es-tracker/core'
import { TrackerError } from '@es-tracker/core'
import { createBatchWriter } from '../stores/batchWriter'
import type { DurableQueueStore } from '../types'
import { defaultOutboxTable, outboxStatements, outboxTableSql } from './outboxSql'
import type { PgPool, PgQueryable, PostgresStoreOptions } from './types'

/**
 * Creates a durable queue store in one Postgres table, for a fleet of servers or serverless functions:
 * every tracker on the table delivers what it holds, each event by one instance at a time. An
 * instance claims rows with `FOR UPDATE SKIP LOCKED` under a lease of `leaseMs` that it renews while
 * it holds them; what a dead instance held is taken over once its lease runs out. Written with
 * `{ transaction: client }`, an event joins the application's own transaction and is delivered after
 * COMMIT, never after ROLLBACK. Needs `pg` only when given a `connectionString`.
 *
 * @example
 * const tracker = createNodeTracker({ siteId, store: createPostgresStore({ pool }) })
 * await visitor.purchasedItems({ orderNumber, guid }, { transaction: client }) // inside BEGIN ... COMMIT
 */
export function createPostgresStore(options: PostgresStoreOptions): DurableQueueStore {
  const fail = (message: string): never => {
    throw new TrackerError('invalid_config', `createPostgresStore: ${message}`)
  }
  if (options === null || typeof options !== 'object')
    fail('options must be an object with a pool or a connectionString')
  const { pool: givenPool, connectionString } = options
  if (givenPool === undefined && typeof connectionString !== 'string')
    fail('give a pool (a pg Pool) or a connectionString')
  if (givenPool !== undefined && typeof givenPool?.query !== 'function') fail('pool must be a pg Pool (with query())')
  const table = options.table ?? defaultOutboxTable
  const sql = outboxStatements(table)
  const leaseMs = options.leaseMs ?? 30_000
  if (!Number.isInteger(leaseMs) || leaseMs < 100)
    fail(`leaseMs must be an integer of at least 100; got ${String(leaseMs)}`)
  const owner = randomUUID()
  /** Reports a failure nobody waits for (a claim, a lease renewal, a DELETE): the database is unwell. */
  const report = (what: string) => (cause: unknown) => {
    const error = new TrackerError('store_error', `Postgres store: ${what} failed (${String(cause)})`, { cause })
    try {
      options.onError?.(error)
    } catch {}
  }
  /** Rows this instance holds under its lease: added here or claimed, until removed. */
  const held = new Set<string>()
  /** Rows delivered here whose DELETE has not landed yet: a claim that finds one again must not resend it. */
  const removing = new Set<string>()
  let closed = false

  let ready: Promise<PgQueryable> | undefined
  /** The pool, once made (from `connectionString`) and once the table exists; retried after a failure. */
  function connect(): Promise<PgQueryable> {
    ready ??= (async () => {
      const pool = givenPool ?? (await poolFrom(connectionString!))
      if (options.createTable !== false) await createTable(pool, table)
      return pool
    })().catch((cause) => {
      ready = undefined
      throw cause
    })
    return ready
  }

  const inserts = createBatchWriter<QueueEntry>(async (entries) => {
    const pool = await connect()
    const columns = [entries.map((e) => e.id), entries.map((e) => e.eventName), entries.map((e) => e.body)]
    await pool.query(sql.insertLeased, [...columns, entries.map((e) => e.createdAt), owner, leaseMs])
  })
  const removals = createBatchWriter<string>(async (ids) => {
    await (await connect()).query(sql.remove, [ids])
  })

  const renewal = setInterval(
    () => {
      if (held.size === 0) return
      connect()
        .then((pool) => pool.query(sql.renew, [owner, leaseMs, [...held]]))
        .catch(report('renewing leases'))
    },
    Math.floor(leaseMs / 3),
  )
  renewal.unref()

  let claiming: Promise<unknown> | undefined
  /** The last claim took as many rows as it asked for: more are probably waiting. */
  let claimedFull = false
  return {
    pollIntervalMs: options.pollIntervalMs ?? 1000,
    hasMore: () => claimedFull,
    async add(entry, addOptions) {
      if (closed) throw new TrackerError('store_error', `${entry.eventName} not queued: the Postgres store is closed`)
      const transaction = addOptions?.transaction as PgQueryable | undefined
      if (transaction === undefined) {
        held.add(entry.id)
        return inserts.push(entry).catch((cause) => {
          held.delete(entry.id)
          throw cause
        })
      }
      if (typeof transaction?.query !== 'function') {
        throw new TrackerError(
          'invalid_config',
          `${entry.eventName} not queued: transaction must be a pg client inside BEGIN (with query())`,
          { eventName: entry.eventName },
        )
      }
      await connect()
      await transaction.query(sql.insertFree, [entry.id, entry.eventName, entry.body, entry.createdAt])
    },
    // Attempts are not stored: age, not the number of attempts, ends an event.
    update() {},
    remove(id) {
      held.delete(id)
      removing.add(id)
      return removals
        .push(id)
        .catch(report('deleting a delivered row'))
        .finally(() => removing.delete(id))
    },
    async takeOver(limit = claimBatch) {
      // A bounded claim leaves the rest to the other instances of the fleet, and to the next poll.
      const wanted = Math.min(Math.floor(limit), claimBatch)
      claimedFull = false
      if (closed || wanted < 1) return []
      const claim = connect().then((pool) => pool.query(sql.claim, [owner, leaseMs, wanted]))
      claiming = claim.catch(report('claiming rows'))
      const { rows } = await claim
      claimedFull = rows.length === wanted
      return rows
        .filter((row) => !removing.has(String(row.id)))
        .map((row) => {
          held.add(String(row.id))
          return {
            id: String(row.id),
            eventName: String(row.event_name),
            body: String(row.body),
            createdAt: Number(row.created_at),
            attempts: 0,
          } as QueueEntry
        })
    },
    async close() {
      if (closed) return
      closed = true
      clearInterval(renewal)
      await Promise.all([inserts.idle(), removals.idle(), claiming])
      // What this instance gives up on is free for the others (and the next process) at once.
      const pool = await ready?.catch(() => undefined)
      await pool?.query(sql.release, [owner]).catch(() => {})
      held.clear()
      if (!givenPool) await (pool as PgPool | undefined)?.end().catch(() => {})
    },
  }
}

/** Rows one claim takes at most; a full claim is followed by another one at once (see `hasMore`). */
const claimBatch = 200

/** A pool from `pg`, loaded only here: the main entry and a store given a pool never load it. */
async function poolFrom(connectionString: string): Promise<PgPool> {
  let pg: { Pool: new (config: { connectionString: string }) => PgPool }
  try {
    const loaded = (await import('pg')) as unknown as { default?: typeof pg } & typeof pg
    pg = loaded.default ?? loaded
  } catch (cause) {
    throw new TrackerError(
      'invalid_config',
      'createPostgresStore: install pg (npm install pg) to use a connectionString',
      {
        cause,
      },
    )
  }
  return new pg.Pool({ connectionString })
}

/** Creates the table when missing; two instances starting at once may race on it, which is harmless. */
async function createTable(pool: PgQueryable, table: string): Promise<void> {
  try {
    await pool.query(outboxTableSql(table))
  } catch (error) {
    // 23505 / 42P07: another instance created it at the same moment.
    const code = (error as { code?: string }).code
    if (code !== '23505' && code !== '42P07') throw error
  }
}

import type { TrackerError } from '@es-tracker/core'

/** What the store needs of a query's result (node-postgres answers more). */
export interface PgQueryResult {
  rows: Array<Record<string, unknown>>
}

/** Anything that runs a parameterised query: a `pg` Pool, or a `pg` client inside `BEGIN` (a transaction). */
export interface PgQueryable {
  /** Runs `text` with `$1`-style `values`. */
  query(text: string, values?: unknown[]): Promise<PgQueryResult>
}

/** A `pg` Pool, as far as the store uses it. */
export interface PgPool extends PgQueryable {
  /** Closes the pool's connections. */
  end(): Promise<void>
}

/** Options of {@link createPostgresStore}: a `pool` or a `connectionString`. */
export interface PostgresStoreOptions {
  /** The application's `pg` Pool; the store never ends it. */
  pool?: PgQueryable | undefined
  /** A connection URL; the store makes its own pool with `pg` (an optional peer dependency) and ends it on close. */
  connectionString?: string | undefined
  /** The table, `name` or `schema.name`; created when missing unless `createTable: false`. @default 'es_tracker_outbox' */
  table?: string | undefined
  /**
   * How long one instance may hold an event in flight before another may take it over, in ms; the
   * holder renews its lease every third of it. @default 30000
   */
  leaseMs?: number | undefined
  /** How often to look for rows to claim: written by other instances or in committed transactions, or left by dead ones. @default 1000 */
  pollIntervalMs?: number | undefined
  /** Create the table and its index when missing (`CREATE TABLE IF NOT EXISTS`). Pass false when a migration does it. @default true */
  createTable?: boolean | undefined
  /**
   * Called with a `store_error` when a write nobody waits for fails (claiming rows, renewing leases,
   * deleting a delivered row): the database is unreachable or refusing. Events stay in the table.
   */
  onError?: ((error: TrackerError) => void) | undefined
}

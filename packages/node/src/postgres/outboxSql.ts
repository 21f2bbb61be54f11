// The SQL of the Postgres store, for one table named by the user (checked, then quoted).
import { TrackerError } from '@es-tracker/core'

/** The table's name when none is given. */
export const defaultOutboxTable = 'es_tracker_outbox'

/** `name` or `schema.name`, each part quoted; anything else is refused (it goes into SQL text). */
export function quoteTableName(table: string): string {
  const parts = typeof table === 'string' ? table.split('.') : []
  if (parts.length < 1 || parts.length > 2 || !parts.every((part) => /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/.test(part))) {
    throw new TrackerError(
      'invalid_config',
      `createPostgresStore: table must be a name like es_tracker_outbox or app.es_tracker_outbox; got ${JSON.stringify(table)}`,
    )
  }
  return parts.map((part) => `"${part}"`).join('.')
}

/**
 * The statements that create the store's table and its index when missing: what the store runs at
 * start unless `createTable: false`, and what a migration runs instead.
 *
 * @example
 * await client.query(outboxTableSql('es_tracker_outbox'))
 */
export function outboxTableSql(table: string = defaultOutboxTable): string {
  const name = quoteTableName(table)
  const index = `"${table.split('.').at(-1)}_created_at"`
  return `CREATE TABLE IF NOT EXISTS ${name} (
  id text PRIMARY KEY,
  event_name text NOT NULL,
  body text NOT NULL,
  created_at bigint NOT NULL,
  lease_owner text,
  lease_until timestamptz
);
CREATE INDEX IF NOT EXISTS ${index} ON ${name} (created_at);`
}

/** The statements the store runs on its table. */
export function outboxStatements(table: string) {
  const name = quoteTableName(table)
  const leaseFor = (parameter: string) => `now() + ${parameter} * interval '1 millisecond'`
  return {
    /** Rows written outside a transaction: this instance sends them now, so it holds them under lease. */
    insertLeased: `INSERT INTO ${name} (id, event_name, body, created_at, lease_owner, lease_until)
SELECT id, event_name, body, created_at, $5, ${leaseFor('$6')}
FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) AS e(id, event_name, body, created_at)`,
    /** A row written inside the application's transaction: free for any instance once committed. */
    insertFree: `INSERT INTO ${name} (id, event_name, body, created_at) VALUES ($1, $2, $3, $4)`,
    remove: `DELETE FROM ${name} WHERE id = ANY($1::text[])`,
    /** Claims free rows and rows whose lease ran out, oldest first, skipping rows others are claiming. */
    claim: `UPDATE ${name} SET lease_owner = $1, lease_until = ${leaseFor('$2')}
WHERE id IN (
  SELECT id FROM ${name}
  WHERE lease_until IS NULL OR lease_until < now()
  ORDER BY created_at
  LIMIT $3
  FOR UPDATE SKIP LOCKED
)
RETURNING id, event_name, body, created_at`,
    renew: `UPDATE ${name} SET lease_until = ${leaseFor('$2')} WHERE lease_owner = $1 AND id = ANY($3::text[])`,
    release: `UPDATE ${name} SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = $1`,
  }
}

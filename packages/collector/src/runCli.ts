import { parseArgs } from 'node:util'
import { DEFAULT_COLLECTOR_PORT, startCollector } from './startCollector'
import type { Collector } from './types'

const USAGE = `Usage: es-tracker-collector [--port ${DEFAULT_COLLECTOR_PORT}] [--host 127.0.0.1] [--out events.jsonl] [--max-events 10000]
                            [--max-stored-bytes 67108864] [--allowed-host name ...]

A local eSputnik / Yespo tracker endpoint: validates every event, keeps it, shows it live.
  --port        port to listen on (0 picks a free one)      default ${DEFAULT_COLLECTOR_PORT}
  --host        interface to listen on                       default 127.0.0.1
  --out         append every request to this JSON Lines file
  --max-events  requests kept in memory                      default 10000
  --max-stored-bytes  body bytes kept in memory (oldest dropped first)  default 67108864
  --allowed-host  another Host name to answer to (repeatable); any other is refused
  --help        show this text`

/** Where the CLI writes and how it learns it should stop; injectable for tests. */
export interface CliIo {
  log: (line: string) => void
  error: (line: string) => void
  /** Registers the stop handler (the CLI passes SIGINT and SIGTERM). */
  onStop: (stop: () => void) => void
}

const processIo: CliIo = {
  log: (line) => console.log(line),
  error: (line) => console.error(line),
  onStop(stop) {
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  },
}

const integerOption = (name: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined
  const number = Number(value)
  if (!Number.isInteger(number) || number < 0)
    throw new TypeError(`--${name} must be a non-negative integer, got "${value}"`)
  return number
}

/**
 * Runs the `es-tracker-collector` command with `argv` (without node and script): starts the
 * collector, prints its URLs, stops it on SIGINT/SIGTERM. Resolves to the running collector, or to
 * `undefined` after printing help or an error (with `process.exitCode` set to 1 on an error).
 */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<Collector | undefined> {
  let collector: Collector
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        out: { type: 'string' },
        'max-events': { type: 'string' },
        'max-stored-bytes': { type: 'string' },
        'allowed-host': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    })
    if (values.help) {
      io.log(USAGE)
      return undefined
    }
    const port = integerOption('port', values.port)
    const maxEvents = integerOption('max-events', values['max-events'])
    const maxStoredBytes = integerOption('max-stored-bytes', values['max-stored-bytes'])
    collector = await startCollector({
      ...(maxStoredBytes === undefined ? {} : { maxStoredBytes }),
      ...(values['allowed-host'] === undefined ? {} : { allowedHosts: values['allowed-host'] }),
      ...(port === undefined ? {} : { port }),
      ...(values.host === undefined ? {} : { host: values.host }),
      ...(values.out === undefined ? {} : { out: values.out }),
      ...(maxEvents === undefined ? {} : { maxEvents }),
    })
  } catch (error) {
    const code = (error as { code?: string }).code
    const message = error instanceof Error ? error.message : String(error)
    io.error(
      code === 'EADDRINUSE'
        ? `es-tracker-collector: ${message}; try another --port`
        : `es-tracker-collector: ${message}`,
    )
    if (code !== 'EADDRINUSE') io.error(USAGE)
    process.exitCode = 1
    return undefined
  }
  io.log('es-tracker collector is running')
  io.log(`  live page  ${collector.url}/`)
  io.log(`  endpoint   ${collector.endpoint}`)
  io.log(`  events     ${collector.url}/events`)
  io.log('Press Ctrl-C to stop.')
  io.onStop(() => {
    void collector.close().then(() => io.log('es-tracker collector stopped'))
  })
  return collector
}

import { parseRelayOptions, relayUsage } from './relayOptions'
import { startRelay } from './startRelay'

/**
 * Runs `es-tracker-relay` with these arguments and this environment: one line per failure on stderr,
 * a clean stop on SIGTERM or SIGINT (exit 0). Answers the exit code once it stops.
 */
export async function runRelay(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  const parsed = parseRelayOptions(argv, env)
  if (!parsed.ok) {
    if (parsed.help) {
      console.log(parsed.message)
      return 0
    }
    console.error(`es-tracker-relay: ${parsed.message}\n\n${relayUsage}`)
    return 2
  }
  const { options } = parsed
  let relay: ReturnType<typeof startRelay>
  try {
    relay = startRelay(options, (error) => console.error(`es-tracker-relay: ${error.code}: ${error.message}`))
  } catch (error) {
    console.error(`es-tracker-relay: ${(error as Error).message}`)
    return 2
  }
  console.log(`es-tracker-relay: delivering from ${options.table ?? 'es_tracker_outbox'} to ${relay.url}`)
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      console.log(`es-tracker-relay: ${signal}: closing (up to ${options.closeTimeoutMs} ms for events in flight)`)
      void relay.close().then(() => {
        console.log('es-tracker-relay: stopped')
        resolve(0)
      })
    }
    process.once('SIGTERM', () => stop('SIGTERM'))
    process.once('SIGINT', () => stop('SIGINT'))
  })
}

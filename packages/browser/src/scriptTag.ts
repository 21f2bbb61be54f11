// The script-tag build (dist/es-tracker.min.js): takes over `window.esTracker` and its queued calls.
import { createCommandDispatcher, installCommandQueue } from './commandQueue'
import { registerEsJsCommands } from './esjs/registerEsJsCommands'

try {
  const dispatcher = createCommandDispatcher()
  // The vendor script's calls: esTracker('sendEvent', ...), and window.eS with `esCompat: true`.
  registerEsJsCommands(dispatcher, window as unknown as Record<string, unknown>)
  installCommandQueue(window as unknown as Record<string, unknown>, dispatcher)
} catch {
  // Whatever the page did to `window` (or where there is none, a worker), loading the tracker must not break it.
}

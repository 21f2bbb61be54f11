// The script-tag build (dist/es-tracker.min.js): takes over `window.esTracker` and its queued calls.
import { createCommandDispatcher, installCommandQueue } from './commandQueue'
import { registerEsJsCommands } from './esjs/registerEsJsCommands'

try {
  if (typeof window !== 'undefined') {
    const dispatcher = createCommandDispatcher()
    // The vendor script's calls: esTracker('sendEvent', ...), and window.eS with `esCompat: true`.
    registerEsJsCommands(dispatcher, window as unknown as Record<string, unknown>)
    installCommandQueue(window as unknown as Record<string, unknown>, dispatcher)
  }
} catch {
  // Whatever the page did to `window`, loading the tracker must not break it.
}

// The script-tag build (dist/es-tracker.min.js): takes over `window.esTracker` and its queued calls.
import { createCommandDispatcher, installCommandQueue } from './commandQueue'

try {
  if (typeof window !== 'undefined') {
    installCommandQueue(window as unknown as Record<string, unknown>, createCommandDispatcher())
  }
} catch {
  // Whatever the page did to `window`, loading the tracker must not break it.
}

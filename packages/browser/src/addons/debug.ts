// The debug add-on (dist/es-tracker.debug.min.js): debug mode's log with personal data masked, and the
// wire model's check for unknown fields, which the script tag loads when `init` sets `debug: true`.
import { findUnknownFields } from '@es-tracker/core/internal'
import { createDebugLog, type DebugConsole } from '../debug/debugLog'
import { registerAddon } from './registerAddon'

registerAddon('debug', {
  createDebugLog: (options: unknown, output?: DebugConsole) => createDebugLog(options, output, findUnknownFields),
})

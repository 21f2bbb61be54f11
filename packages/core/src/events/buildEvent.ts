import { TrackerError } from '../errors/TrackerError'
import type { BuildResult, EventContext, EventName } from '../types'

/**
 * Builds the wire payload of one event from its friendly input; never throws.
 *
 * @example
 * buildEvent('CategoryPage', { categoryKey: 'Babies' }, { siteId: '8A412DC', sc: 'CDA6...' })
 */
export function buildEvent(eventName: EventName, _input: unknown, _context: EventContext): BuildResult {
  // Placeholder until the per-event builders land; the signature is final.
  return { ok: false, error: new TrackerError('invalid_event', `Invalid ${eventName} event: not implemented yet`) }
}

/**
 * Wraps a raw wire body (`{ ProductPage: {...} }`) with GeneralInfo from the context and validates it; never throws.
 *
 * @example
 * buildRawEvent('ProductPage', { ProductPage: { Product: { productKey: '1', price: '5' } } }, context)
 */
export function buildRawEvent(eventName: string, _body: unknown, _context: EventContext): BuildResult {
  return { ok: false, error: new TrackerError('invalid_event', `Invalid ${eventName} event: not implemented yet`) }
}

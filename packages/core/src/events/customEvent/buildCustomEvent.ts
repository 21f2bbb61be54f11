import { assembleEvent } from '../shared/assembleEvent'
import type { TagsInput } from '../shared/tags'
import type { BuildResult, EventContext } from '../types'
import { customEventWire } from './customEventSchema'

/** Input of {@link buildCustomEvent}: the event's own name and its tags. */
export interface CustomEventInput {
  name: string
  tags?: TagsInput | undefined
}

/**
 * Builds a `CustomEvent` payload: an event the site names itself.
 *
 * @example
 * buildCustomEvent({ name: 'my_event', tags: { plan: 'pro' } }, context)
 */
export function buildCustomEvent(input: CustomEventInput, context: EventContext): BuildResult {
  return assembleEvent(customEventWire, input, context)
}

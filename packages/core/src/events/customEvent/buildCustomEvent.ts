import type { BuildResult, EventContext } from '../../types'
import { assembleEvent } from '../shared/assembleEvent'
import { asRecord, setDefined } from '../shared/fields'
import { type TagsInput, toTags } from '../shared/tags'
import { customEventSchema } from './customEventSchema'

/** Input of {@link buildCustomEvent}: the event's own name and its tags. */
export interface CustomEventInput {
  name: string
  tags?: TagsInput
}

/**
 * Builds a `CustomEvent` payload: an event the site names itself.
 *
 * @example
 * buildCustomEvent({ name: 'my_event', tags: { plan: 'pro' } }, context)
 */
export function buildCustomEvent(input: CustomEventInput, context: EventContext): BuildResult {
  return assembleEvent('CustomEvent', customEventSchema, context, (issues) => {
    const given = asRecord(input)
    const body: Record<string, unknown> = { EventName: given.name }
    setDefined(body, 'Tags', toTags(given.tags, 'CustomEvent.Tags', issues))
    return body
  })
}

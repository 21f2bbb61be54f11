import type * as v from 'valibot'
import type { BuildResult, EventContext, EventName } from '../types'
import { BODY_KEYS, EVENT_NAMES } from './bodyKeys'
import { EVENT_MODEL } from './model'
import { assembleEvent } from './shared/assembleEvent'

/** What the SDK knows about one event: where its body goes, its wire schema and its builder. */
export interface EventDefinition {
  /** The body's key in the payload; `undefined` for CustomerData (GeneralInfo only). */
  bodyKey: string | undefined
  /** The whole payload's schema, GeneralInfo included. */
  schema: v.GenericSchema
  /** Friendly input -> wire payload; never throws. (A method, so each builder's own input type fits.) */
  build(input: unknown, context: EventContext): BuildResult
}

/* @__NO_SIDE_EFFECTS__ */
function define(eventName: EventName): [EventName, EventDefinition] {
  const [schema, body] = EVENT_MODEL[eventName]
  const build = (input: unknown, context: EventContext) => assembleEvent(eventName, schema, body, input, context)
  return [eventName, { bodyKey: BODY_KEYS[eventName], schema, build }]
}

/** Every REST event by name: its body key, schema and builder. */
export const eventRegistry: Readonly<Record<EventName, EventDefinition>> = /* @__PURE__ */ Object.fromEntries(
  EVENT_NAMES.map(define),
) as Record<EventName, EventDefinition>

import type { EventWire } from '../../schemas/wireSchema'
import type { BuildResult, EventContext } from '../types'

/**
 * What the tracker knows about one event, from the event's folder: its wire schema (which also names
 * the event and its body key) and its builder (whose input the tracker method takes). The registry
 * lists these. The eS.JS converters are listed apart (esjs/esJsConverters.ts), so that a bundle
 * without the eS.JS compatibility carries none of them.
 */
export interface EventDefinition<Wire extends EventWire = EventWire, Input = never, MethodInput = Input> {
  /** The event's name, as `GeneralInfo.eventName` carries it. */
  readonly name: Wire['eventName']
  /** The whole payload's wire schema, GeneralInfo included. */
  readonly wire: Wire
  /** Friendly input -> wire payload; never throws. */
  readonly build: (input: Input, context: EventContext) => BuildResult
  /** Types only, never set: what the tracker method takes (the builder's input unless told otherwise). */
  readonly '~types'?: { readonly methodInput: MethodInput }
}

/**
 * Defines one event from its parts. The tracker method takes the builder's input, or `MethodInput`
 * when given (StatusCart's method fills the GUID its builder needs).
 *
 * @example
 * export const categoryPageDefinition = defineEvent({
 *   wire: categoryPageWire,
 *   build: buildCategoryPage,
 * })
 */
/* @__NO_SIDE_EFFECTS__ */
export function defineEvent<const Wire extends EventWire, Input, MethodInput = Input>(parts: {
  wire: Wire
  build: (input: Input, context: EventContext) => BuildResult
}): EventDefinition<Wire, Input, MethodInput> {
  return { name: parts.wire.eventName, ...parts }
}

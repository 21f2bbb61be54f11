import type { EventWire } from '../../schemas/wireSchema'
import type { BuildResult, EventContext } from '../types'
import type { EsJsConverter } from './esJsConverter'

/**
 * What the SDK knows about one event, all of it in the event's folder: its wire schema (which also
 * names the event and its body key), its builder (whose input the tracker method takes), and, where
 * the vendor's script sends it in a form of its own, its eS.JS converter. The registry lists these.
 */
export interface EventDefinition<Wire extends EventWire = EventWire, Input = never, MethodInput = Input> {
  /** The event's name, as `GeneralInfo.eventName` carries it. */
  readonly name: Wire['eventName']
  /** The whole payload's wire schema, GeneralInfo included. */
  readonly wire: Wire
  /** Friendly input -> wire payload; never throws. */
  readonly build: (input: Input, context: EventContext) => BuildResult
  /** The eS.JS body -> the REST wire body; none where both forms are the same. */
  readonly fromEsJs?: EsJsConverter
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
 *   fromEsJs: categoryPageFromEsJs,
 * })
 */
/* @__NO_SIDE_EFFECTS__ */
export function defineEvent<const Wire extends EventWire, Input, MethodInput = Input>(parts: {
  wire: Wire
  build: (input: Input, context: EventContext) => BuildResult
  fromEsJs?: EsJsConverter
}): EventDefinition<Wire, Input, MethodInput> {
  return { name: parts.wire.eventName, ...parts }
}

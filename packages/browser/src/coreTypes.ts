// Core's context types, reached through the engine contract that core exports.
import type { TrackerError, TrackerMethodsOptions } from '@es-tracker/core'

/** GeneralInfo's parts for one event (core's `EventContext`). */
export type EventContext = Exclude<Awaited<ReturnType<TrackerMethodsOptions['context']>>, TrackerError>
/** Who the visitor is (core's `Identity`). */
export type Identity = NonNullable<EventContext['identity']>
/** Page-context fields of GeneralInfo (core's `PageContext`). */
export type PageContext = NonNullable<EventContext['context']>

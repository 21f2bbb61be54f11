// Type test, checked by `pnpm typecheck`: the friendly input agrees with the wire schema (every input
// field is read by a wire field, and what the wire requires the input requires).
import type { InputCheck } from '../shared/inputCheck'
import type { CustomEventInput } from './buildCustomEvent'
import type { customEventWire } from './customEventSchema'

export const inputMatchesWire: InputCheck<CustomEventInput, typeof customEventWire> = true

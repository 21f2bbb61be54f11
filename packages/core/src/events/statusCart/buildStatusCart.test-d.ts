// Type test, checked by `pnpm typecheck`: the friendly input agrees with the wire schema (every input
// field is read by a wire field, and what the wire requires the input requires).
import type { InputCheck } from '../shared/inputCheck'
import type { StatusCartInput } from './buildStatusCart'
import type { statusCartWire } from './statusCartSchema'

export const inputMatchesWire: InputCheck<StatusCartInput, typeof statusCartWire> = true

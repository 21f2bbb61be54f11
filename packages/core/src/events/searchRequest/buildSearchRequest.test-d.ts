// Type test, checked by `pnpm typecheck`: the friendly input agrees with the wire schema (every input
// field is read by a wire field, and what the wire requires the input requires).
import type { InputCheck } from '../shared/inputCheck'
import type { SearchRequestInput } from './buildSearchRequest'
import type { searchRequestWire } from './searchRequestSchema'

export const inputMatchesWire: InputCheck<SearchRequestInput, typeof searchRequestWire> = true

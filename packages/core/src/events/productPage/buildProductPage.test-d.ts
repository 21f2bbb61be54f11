// Type test, checked by `pnpm typecheck`: the friendly input agrees with the wire schema (every input
// field is read by a wire field, and what the wire requires the input requires).
import type { InputCheck } from '../shared/inputCheck'
import type { ProductPageInput } from './buildProductPage'
import type { productPageWire } from './productPageSchema'

export const inputMatchesWire: InputCheck<ProductPageInput, typeof productPageWire> = true

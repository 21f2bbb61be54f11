import { toValibot } from '../../schemas/toValibot'
import type { Infer } from '../../schemas/wireSchema'
import { bodilessEventWire } from '../shared/eventWire'

/** The `CustomerData` wire payload: who the visitor is, in GeneralInfo alone. */
export const customerDataWire = bodilessEventWire('CustomerData')

/** The `CustomerData` schema in valibot, for callers who validate with valibot themselves. */
export const customerDataSchema = toValibot(customerDataWire)

/** A `CustomerData` payload as the schema reads it. */
export type CustomerDataPayload = Infer<typeof customerDataWire>

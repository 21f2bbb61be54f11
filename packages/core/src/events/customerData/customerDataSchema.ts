import type * as v from 'valibot'
import { generalInfoSchema } from '../../schemas/generalInfo'
import { openObject } from '../../schemas/openObject'

/** The `CustomerData` wire payload: who the visitor is, in GeneralInfo alone. */
export const customerDataSchema = openObject({ GeneralInfo: generalInfoSchema('CustomerData') })

/** A `CustomerData` payload as the schema reads it. */
export type CustomerDataPayload = v.InferOutput<typeof customerDataSchema>

import { assembleEvent } from '../shared/assembleEvent'
import type { BuildResult, EventContext } from '../types'
import { customerDataWire } from './customerDataSchema'

/** Input of {@link buildCustomerData}: nothing; the identity comes from the context. */
export type CustomerDataInput = Record<string, never>

/**
 * Builds a `CustomerData` payload: GeneralInfo only, carrying the visitor's identity.
 *
 * @example
 * buildCustomerData(undefined, { siteId: '8D3869C', sc, identity: { email: 'user@example.com' } })
 */
export function buildCustomerData(input: CustomerDataInput | undefined, context: EventContext): BuildResult {
  return assembleEvent(customerDataWire, input, context)
}

import type { BuildResult, EventContext } from '../../types'
import { assembleEvent } from '../shared/assembleEvent'

/** Input of {@link buildCustomerData}: nothing; the identity comes from the context. */
export type CustomerDataInput = Record<string, never>

/**
 * Builds a `CustomerData` payload: GeneralInfo only, carrying the visitor's identity.
 *
 * @example
 * buildCustomerData(undefined, { siteId: '8D3869C', sc, identity: { email: 'user@example.com' } })
 */
export function buildCustomerData(input: CustomerDataInput | undefined, context: EventContext): BuildResult {
  return assembleEvent('CustomerData', input, context)
}

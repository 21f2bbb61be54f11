import { isRecord } from '../../schemas/predicates'
import type { LooseRecord } from '../shared/lenientValues'

/**
 * Converts a CustomerData body (`{ CustomerData: { externalCustomerId, user_email, ... } }`) to the
 * REST event, which has no body: its fields come back as a `GeneralInfo` fragment, whose identity and
 * page context `convertEsJsCall` reads like any other (identity is remembered for later events, like `identify`).
 *
 * @example
 * customerDataFromEsJs({ CustomerData: { user_email: 'a@example.com', user_city: 'Kyiv' } })
 * // { GeneralInfo: { user_email: 'a@example.com', user_city: 'Kyiv' } }
 */
export const customerDataFromEsJs = (body: LooseRecord): LooseRecord => ({
  // Some integrations put the fields straight in the body, without the CustomerData wrapper.
  GeneralInfo: isRecord(body.CustomerData) ? body.CustomerData : body,
})

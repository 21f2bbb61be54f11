import type { EsJsBody } from '../../esjs/types'
import type { LooseRecord } from '../../esjs/values'
import { isRecord } from '../../esjs/values'

/**
 * Converts a CustomerData body (`{ CustomerData: { externalCustomerId, user_email, ... } }`) to the
 * REST event, which has no body: its fields are identity and page context for GeneralInfo (read by
 * `convertEsJsCall`, like a GeneralInfo fragment), and are remembered for later events like `identify`.
 *
 * @example
 * customerDataFromEsJs({ CustomerData: { user_email: 'a@example.com', user_city: 'Kyiv' } })
 * // { body: {}, customer: { user_email: 'a@example.com', user_city: 'Kyiv' } }
 */
export function customerDataFromEsJs(body: LooseRecord): EsJsBody {
  // Some integrations put the fields straight in the body, without the CustomerData wrapper.
  return { body: {}, customer: isRecord(body.CustomerData) ? body.CustomerData : body }
}

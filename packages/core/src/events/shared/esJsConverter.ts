import type { LooseRecord } from './lenientValues'

/**
 * One event's eS.JS converter: the body (without the call's GeneralInfo) in, the wire body out.
 * Converters never fail: what they recognise comes out in the wire form, anything else is passed
 * through unchanged so that validation names it by its path. A `GeneralInfo` in what they answer
 * is a fragment of identity and page context (CustomerData's fields), not part of the wire body.
 */
export type EsJsConverter = (body: LooseRecord, state: EsJsCartState) => LooseRecord

/** Cart memory a converter may need: the GUID to join and a generator of new ones. */
export interface EsJsCartState {
  /** The GUID of the last cart that had products; a purchase without a GUID joins it. */
  lastCartGuid?: string
  /** A new cart GUID (32 uppercase hex digits, 8-4-4-4-12). */
  newGuid: () => string
}

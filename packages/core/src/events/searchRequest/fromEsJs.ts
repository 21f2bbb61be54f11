import type { EsJsBodyResult } from '../../esjs/types'
import { invalidEsJsBody } from '../../esjs/types'
import type { LooseRecord } from '../../esjs/values'
import { copyOpen, isRecord, toFoundFlag, toWireString } from '../../esjs/values'

/**
 * Converts a SearchRequest body (`{ SearchRequest: { search, isFound? } }`, the same in eS.JS and REST)
 * to the wire form: `search` a string, `isFound` the number 1 or 0.
 *
 * @example
 * searchRequestFromEsJs({ SearchRequest: { search: 'Coffe', isFound: '0' } })
 * // { ok: true, body: { SearchRequest: { search: 'Coffe', isFound: 0 } } }
 */
export function searchRequestFromEsJs(body: LooseRecord): EsJsBodyResult {
  const part = body.SearchRequest ?? ('search' in body ? body : undefined)
  if (!isRecord(part)) return { ok: false, error: invalidEsJsBody('SearchRequest', 'SearchRequest', 'an object', part) }
  const request = copyOpen(part)
  if (request.search !== undefined) request.search = toWireString(request.search)
  // A blank `isFound` is PHP's `false`; only a missing one stays missing.
  if (request.isFound === undefined || request.isFound === null) delete request.isFound
  else request.isFound = toFoundFlag(request.isFound)
  return { ok: true, body: { SearchRequest: request } }
}

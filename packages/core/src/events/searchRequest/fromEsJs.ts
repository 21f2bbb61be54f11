import { toIdString } from '../../schemas/convert'
import type { LooseRecord } from '../shared/lenientValues'
import { lenientFoundFlag, wireObject } from '../shared/lenientValues'

/**
 * Converts a SearchRequest body (`{ SearchRequest: { search, isFound? } }`, the same in eS.JS and
 * REST, with or without the outer key) to the wire form: `search` a string, `isFound` the number 1 or 0.
 *
 * @example
 * searchRequestFromEsJs({ SearchRequest: { search: 'Coffe', isFound: '0' } })
 * // { SearchRequest: { search: 'Coffe', isFound: 0 } }
 */
export const searchRequestFromEsJs = (body: LooseRecord): LooseRecord => ({
  SearchRequest: wireObject(body.SearchRequest ?? body, [
    ['search', toIdString],
    ['isFound', lenientFoundFlag],
  ]),
})

import { assembleEvent } from '../shared/assembleEvent'
import type { BuildResult, EventContext } from '../types'
import { searchRequestWire } from './searchRequestSchema'

/** Input of {@link buildSearchRequest}: what was searched and whether anything was found. */
export interface SearchRequestInput {
  search: string
  /** Sent as 1 / 0. */
  isFound?: boolean | 0 | 1 | undefined
}

/**
 * Builds a `SearchRequest` payload: a visitor searched the site.
 *
 * @example
 * buildSearchRequest({ search: 'Coffe', isFound: false }, context)
 */
export function buildSearchRequest(input: SearchRequestInput, context: EventContext): BuildResult {
  return assembleEvent(searchRequestWire, input, context)
}

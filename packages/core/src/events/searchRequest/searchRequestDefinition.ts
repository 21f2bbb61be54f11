import { defineEvent } from '../shared/defineEvent'
import { buildSearchRequest } from './buildSearchRequest'
import { searchRequestWire } from './searchRequestSchema'

/** The `SearchRequest` event: a visitor searched the site. */
export const searchRequestDefinition = defineEvent({
  wire: searchRequestWire,
  build: buildSearchRequest,
})

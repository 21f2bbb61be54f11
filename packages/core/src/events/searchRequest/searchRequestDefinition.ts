import { defineEvent } from '../shared/defineEvent'
import { buildSearchRequest } from './buildSearchRequest'
import { searchRequestFromEsJs } from './fromEsJs'
import { searchRequestWire } from './searchRequestSchema'

/** The `SearchRequest` event: a visitor searched the site. */
export const searchRequestDefinition = defineEvent({
  wire: searchRequestWire,
  build: buildSearchRequest,
  fromEsJs: searchRequestFromEsJs,
})

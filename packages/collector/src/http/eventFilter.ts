import type { EventFilter } from '../types'

const truthy = (value: string) => value === '1' || value === 'true'

/**
 * Reads an event filter from a query string: `eventName`, `valid` (`true`/`false`),
 * `includeFailed` (`1`/`true`) and `after` (an event id).
 */
export function eventFilterFromQuery(query: URLSearchParams): EventFilter {
  const filter: EventFilter = {}
  const eventName = query.get('eventName')
  if (eventName) filter.eventName = eventName
  const valid = query.get('valid')
  if (valid !== null) filter.valid = truthy(valid)
  const includeFailed = query.get('includeFailed')
  if (includeFailed !== null) filter.includeFailed = truthy(includeFailed)
  const after = Number(query.get('after'))
  if (query.has('after') && Number.isInteger(after)) filter.afterId = after
  return filter
}

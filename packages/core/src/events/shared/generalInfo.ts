import type { ValidationIssue } from '../../errors/TrackerError'
import { IDENTITY_FIELDS, normalizeIdentity } from '../../schemas/identity'
import { isBlank, isRecord } from '../../schemas/values'
import type { EventWire } from '../../schemas/wireSchema'
import { makeIssue } from '../../validation/issues'
import type { EventContext } from '../types'
import { copyFields, type Issues } from './toWire'

const PATH = 'GeneralInfo'

/**
 * Builds GeneralInfo from an event context: name, site, time (default now), identity, the `sc`
 * cookie and page context. A catalog event (ProductUpdate) gets `{ eventName, siteId }` only. Empty identity fields
 * are left out, malformed ones too, with a warning; page context never goes over the builder's fields.
 */
export function buildGeneralInfo(
  { eventName, catalog }: EventWire,
  context: EventContext,
  issues: Issues,
  warnings: ValidationIssue[],
): Record<string, unknown> {
  const given: Record<string, unknown> = isRecord(context) ? context : {}
  const info: Record<string, unknown> = { eventName, siteId: given.siteId }
  if (catalog) return info
  info.datetime = given.datetime ?? Date.now()
  const { identity, context: page } = given
  if (isRecord(identity)) {
    for (const field of IDENTITY_FIELDS) {
      const [input, wire, expected] = field
      const value = identity[input]
      if (isBlank(value)) continue
      const text = normalizeIdentity(field, value)
      if (text !== undefined) info[wire] = text
      else {
        const warning = makeIssue(`${PATH}.${wire}`, expected, value)
        warning.message += '; sent without it'
        warnings.push(warning)
      }
    }
  }
  info.cookies = { sc: given.sc }
  if (isRecord(page)) copyFields(page, info, [])
  else if (page != null) issues.push(makeIssue(PATH, 'a page context object', page))
  return info
}

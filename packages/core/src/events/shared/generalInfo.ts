import type { ValidationIssue } from '../../errors/TrackerError'
import { IDENTITY_FIELDS, normalizeIdentity } from '../../schemas/identity'
import { isBlank, isRecord } from '../../schemas/values'
import type { EventContext, EventName } from '../../types'
import { makeIssue } from '../../validation/issues'
import { copyFields, type Issues } from './fields'

const PATH = 'GeneralInfo'

/** Adds identity in wire names; empty fields are left out, malformed ones are left out with a warning. */
function addIdentity(info: Record<string, unknown>, identity: unknown, warnings: ValidationIssue[]): void {
  if (!isRecord(identity)) return
  for (const field of IDENTITY_FIELDS) {
    const [input, wire, expected] = field
    const value = identity[input]
    if (isBlank(value)) continue
    const text = normalizeIdentity(field, value)
    if (text !== undefined) {
      info[wire] = text
      continue
    }
    const warning = makeIssue(`${PATH}.${wire}`, expected, value)
    warnings.push({ ...warning, message: `${warning.message}; left out, the event goes without it` })
  }
}

/** Copies page-context fields as given, never over the fields the builder owns. */
function addPageContext(info: Record<string, unknown>, page: unknown, issues: Issues): void {
  if (isRecord(page)) copyFields(page, info, PATH, issues)
  else if (page != null) issues.push(makeIssue(PATH, 'page context fields in an object', page))
}

/**
 * Builds GeneralInfo from an event context: name, site, time (default now), identity, the `sc`
 * cookie and page context. `ProductUpdate` gets `{ eventName, siteId }` only.
 */
export function buildGeneralInfo(
  eventName: EventName,
  context: EventContext,
  issues: Issues,
  warnings: ValidationIssue[],
): Record<string, unknown> {
  const given: Record<string, unknown> = isRecord(context) ? context : {}
  const info: Record<string, unknown> = { eventName, siteId: given.siteId }
  if (eventName === 'ProductUpdate') return info
  info.datetime = given.datetime ?? Date.now()
  addIdentity(info, given.identity, warnings)
  info.cookies = { sc: given.sc }
  addPageContext(info, given.context, issues)
  return info
}

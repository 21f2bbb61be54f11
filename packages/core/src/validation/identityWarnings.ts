import type { ValidationIssue } from '../errors/TrackerError'
import { IDENTITY_FIELDS, normalizeIdentity } from '../schemas/identity'
import { isBlank, isRecord } from '../schemas/values'
import { makeIssue } from './issues'

/**
 * Warnings for identity fields of a valid payload that look malformed (an e-mail without `@`):
 * the schema lets them through, as the vendor would, but someone should hear about them.
 */
export function identityWarnings(generalInfo: unknown): ValidationIssue[] {
  if (!isRecord(generalInfo)) return []
  const warnings: ValidationIssue[] = []
  for (const field of IDENTITY_FIELDS) {
    const [, wire, expected] = field
    const value = generalInfo[wire]
    if (isBlank(value) || normalizeIdentity(field, value) !== undefined) continue
    warnings.push(makeIssue(`GeneralInfo.${wire}`, expected, value))
  }
  return warnings
}

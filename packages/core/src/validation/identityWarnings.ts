import type { ValidationIssue } from '../errors/TrackerError'
import { IDENTITY_FIELDS, isEmptyIdentityValue } from '../schemas/identity'
import { isRecord } from '../schemas/values'
import { makeIssue } from './issues'

/**
 * Warnings for identity fields of a valid payload that look malformed (an e-mail without `@`):
 * the schema lets them through, as the vendor would, but someone should hear about them.
 */
export function identityWarnings(generalInfo: unknown): ValidationIssue[] {
  if (!isRecord(generalInfo)) return []
  const warnings: ValidationIssue[] = []
  for (const field of IDENTITY_FIELDS) {
    const value = generalInfo[field.wire]
    if (isEmptyIdentityValue(value) || field.normalize(value) !== undefined) continue
    warnings.push(makeIssue(`GeneralInfo.${field.wire}`, field.expected, value))
  }
  return warnings
}

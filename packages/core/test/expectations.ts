// Test helpers: assertions on BuildResults that print the issues when they fail.
import { expect } from 'vitest'
import type { ValidationIssue } from '../src/errors/TrackerError'
import type { BuildResult, WirePayload } from '../src/events/types'

/** Asserts an ok result and returns its payload. */
export function expectPayload(result: BuildResult): WirePayload {
  if (!result.ok) expect.fail(`expected a payload, got ${result.error.message}`)
  return result.payload
}

/** Asserts an `invalid_event` result and returns its issues. */
export function expectInvalid(result: BuildResult): ValidationIssue[] {
  if (result.ok) expect.fail(`expected invalid_event, got a payload: ${JSON.stringify(result.payload)}`)
  expect(result.error.code).toBe('invalid_event')
  expect(result.error.issues.length).toBeGreaterThan(0)
  return result.error.issues
}

/** Asserts an `invalid_event` result with an issue at `path` (and `message` when given); returns that issue. */
export function expectIssueAt(result: BuildResult, path: string, message?: string | RegExp): ValidationIssue {
  const issues = expectInvalid(result)
  const issue = issues.find((candidate) => candidate.path === path)
  if (!issue)
    expect.fail(`expected an issue at ${path}, got ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`)
  if (message !== undefined) expect(issue.message).toMatch(message)
  return issue
}

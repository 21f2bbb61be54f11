import { describe, expect, it } from 'vitest'
import { loadExample } from '../../../test/examples'
import { expectIssueAt, expectPayload } from '../../../test/expectations'
import { withField, withoutField } from '../../../test/wirePath'
import { validatePayload } from '../validatePayload'

const example = loadExample('category-page.json')

describe('categoryPageSchema', () => {
  it('should accept the reference example when validated', () => {
    expect(expectPayload(validatePayload(example))).toBe(example)
  })

  it.each([
    'GeneralInfo.siteId',
    'GeneralInfo.cookies.sc',
    'CategoryPage',
    'CategoryPage.Category',
    'CategoryPage.Category.categoryKey',
  ])('should reject the payload naming %s when that required field is missing', (path) => {
    expectIssueAt(validatePayload(withoutField(example, path)), path, /got undefined$/)
  })

  it.each([
    ['CategoryPage.Category', 'Babies', /expected an object, got "Babies"$/],
    ['CategoryPage.Category.categoryKey', 5, /expected a non-empty string, got 5$/],
    ['CategoryPage.Tags.some_tags', ['1', 2], /got 2$/],
  ])('should reject %s when it is %j', (path, value, message) => {
    const issuePath = Array.isArray(value) ? `${path}[1]` : path
    expectIssueAt(validatePayload(withField(example, path, value)), issuePath, message)
  })
})

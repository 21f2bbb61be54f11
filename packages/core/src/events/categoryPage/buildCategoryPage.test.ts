import { describe, expect, it } from 'vitest'
import { loadExample, referenceContext } from '../../../test/examples'
import { expectIssueAt, expectPayload } from '../../../test/expectations'
import { validatePayload } from '../validatePayload'
import { buildCategoryPage, type CategoryPageInput } from './buildCategoryPage'

const build = (input: unknown) => buildCategoryPage(input as CategoryPageInput, referenceContext)

describe('buildCategoryPage', () => {
  it('should produce category-page.json exactly when given its friendly input', () => {
    const payload = expectPayload(
      build({ categoryKey: 'Babies', tags: { some_tags: ['1', 'a2'], some_tags1: ['4', 'gg'] } }),
    )
    expect(payload).toStrictEqual(loadExample('category-page.json'))
    expectPayload(validatePayload(payload))
  })

  it('should send a numeric category key as a string and leave Tags out when none are given', () => {
    expect(expectPayload(build({ categoryKey: 12 })).CategoryPage).toStrictEqual({ Category: { categoryKey: '12' } })
  })

  it.each([
    [{}, 'CategoryPage.Category.categoryKey', /got undefined$/],
    [{ categoryKey: '' }, 'CategoryPage.Category.categoryKey', /got ""$/],
    [{ categoryKey: ['a'] }, 'CategoryPage.Category.categoryKey', /got an array of 1$/],
    [
      { categoryKey: 'a', tags: JSON.parse('{"constructor":"x"}') },
      'CategoryPage.Tags.constructor',
      /__proto__, constructor or prototype/,
    ],
  ])('should reject %j naming the wire field', (input, path, message) => {
    expectIssueAt(build(input), path, message)
  })
})

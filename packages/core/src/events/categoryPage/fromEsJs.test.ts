import { describe, expect, it } from 'vitest'
import { categoryPageFromEsJs } from './fromEsJs'

describe('categoryPageFromEsJs', () => {
  it('should wrap the category and move Tags in when the eS.JS body has them beside', () => {
    expect(categoryPageFromEsJs({ CategoryPage: { categoryKey: 'Babies' }, Tags: { some_tags: ['1', 'a2'] } })).toEqual(
      {
        CategoryPage: { Category: { categoryKey: 'Babies' }, Tags: { some_tags: ['1', 'a2'] } },
      },
    )
  })

  it('should write a numeric category key as a string when a template printed it unquoted', () => {
    const result = categoryPageFromEsJs({ CategoryPage: { categoryKey: 15 } })
    expect(result).toEqual({ CategoryPage: { Category: { categoryKey: '15' } } })
  })

  it('should pass the REST form through when the body has a Category wrapper', () => {
    const rest = { CategoryPage: { Category: { categoryKey: 'Babies' }, Tags: { a: ['1'] } } }
    expect(categoryPageFromEsJs(rest)).toEqual(rest)
    expect(categoryPageFromEsJs(rest.CategoryPage)).toEqual(rest)
  })

  it('should pass a category it cannot read through unchanged, for validation to name', () => {
    expect(categoryPageFromEsJs({ CategoryPage: 'Babies' })).toEqual({ CategoryPage: 'Babies' })
  })
})

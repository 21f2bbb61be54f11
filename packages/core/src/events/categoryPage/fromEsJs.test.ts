import { describe, expect, it } from 'vitest'
import { categoryPageFromEsJs } from './fromEsJs'

describe('categoryPageFromEsJs', () => {
  it('should wrap the category and move Tags in when the eS.JS body has them beside', () => {
    expect(categoryPageFromEsJs({ CategoryPage: { categoryKey: 'Babies' }, Tags: { some_tags: ['1', 'a2'] } })).toEqual(
      {
        ok: true,
        body: { CategoryPage: { Category: { categoryKey: 'Babies' }, Tags: { some_tags: ['1', 'a2'] } } },
      },
    )
  })

  it('should write a numeric category key as a string when a template printed it unquoted', () => {
    const result = categoryPageFromEsJs({ CategoryPage: { categoryKey: 15 } })
    expect(result.ok && result.body).toEqual({ CategoryPage: { Category: { categoryKey: '15' } } })
  })

  it('should pass the REST form through when the body has a Category wrapper', () => {
    const rest = { CategoryPage: { Category: { categoryKey: 'Babies' }, Tags: { a: ['1'] } } }
    expect(categoryPageFromEsJs(rest)).toEqual({ ok: true, body: rest })
    expect(categoryPageFromEsJs(rest.CategoryPage)).toEqual({ ok: true, body: rest })
  })

  it('should answer invalid_event naming CategoryPage when the body has no category', () => {
    const result = categoryPageFromEsJs({ CategoryPage: 'Babies' })
    expect(!result.ok && result.error.issues[0]?.path).toBe('CategoryPage')
  })
})

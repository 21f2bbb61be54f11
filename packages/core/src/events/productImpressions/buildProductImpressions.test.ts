import { describe, expect, it } from 'vitest'
import { loadExample, referenceContext } from '../../../test/examples'
import { expectIssueAt, expectPayload } from '../../../test/expectations'
import { validatePayload } from '../validatePayload'
import { buildProductImpressions, type ProductImpressionsInput } from './buildProductImpressions'

const build = (input: unknown) => buildProductImpressions(input as ProductImpressionsInput, referenceContext)

describe('buildProductImpressions', () => {
  it('should produce product-impressions.json exactly, under the singular body key, when given its friendly input', () => {
    const input: ProductImpressionsInput = {
      products: [
        { productKey: '430968', containerType: '1253' },
        { productKey: 430738, containerType: 1254 },
        { productKey: '429983', containerType: '1255' },
      ],
      tags: { some_tags: ['1', 'a2'], some_tags1: [4, 'gg'] },
    }
    const payload = expectPayload(build(input))
    expect(payload).toStrictEqual(loadExample('product-impressions.json'))
    expect(Object.keys(payload)).toEqual(['GeneralInfo', 'ProductImpression'])
    expectPayload(validatePayload(payload))
  })

  it.each([
    [{ products: [] }, 'ProductImpression.Products', 'expected a non-empty array of impressions, got []'],
    [{}, 'ProductImpression.Products', /got undefined$/],
    [{ products: [{ containerType: '1' }] }, 'ProductImpression.Products[0].product_id', /got undefined$/],
    [{ products: [{ productKey: '1' }] }, 'ProductImpression.Products[0].container_type', /got undefined$/],
    [
      { products: [{ productKey: '1', containerType: {} }] },
      'ProductImpression.Products[0].container_type',
      /got an object$/,
    ],
    [
      { products: [{ productKey: '1', containerType: '2' }], tags: { 'a/b': 'x' } },
      'ProductImpression.Tags.a/b',
      /tag name/,
    ],
  ])('should reject %j naming the wire field', (input, path, message) => {
    expectIssueAt(build(input), path, message)
  })
})

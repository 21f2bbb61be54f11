import { describe, expect, it } from 'vitest'
import { loadExample } from '../../../test/examples'
import { expectIssueAt, expectPayload } from '../../../test/expectations'
import { withField, withoutField } from '../../../test/wirePath'
import { validatePayload } from '../validatePayload'

const example = loadExample('product-impressions.json')

describe('productImpressionsSchema', () => {
  it('should accept the reference example when validated', () => {
    expect(expectPayload(validatePayload(example))).toBe(example)
  })

  it.each([
    'GeneralInfo.cookies.sc',
    'GeneralInfo.datetime',
    'ProductImpression',
    'ProductImpression.Products',
    'ProductImpression.Products[2].product_id',
    'ProductImpression.Products[2].container_type',
  ])('should reject the payload naming %s when that required field is missing', (path) => {
    expectIssueAt(validatePayload(withoutField(example, path)), path, /got undefined$/)
  })

  it('should reject the body under the plural key, naming the singular one, when sent as ProductImpressions', () => {
    const { ProductImpression: body, ...rest } = example
    const result = validatePayload({ ...rest, ProductImpressions: body })
    const issue = expectIssueAt(result, 'ProductImpressions')
    expect(issue.message).toBe('expected the body under "ProductImpression", got "ProductImpressions"')
    if (!result.ok)
      expect(result.error.message).toContain('Invalid ProductImpressions event: ProductImpressions: expected')
  })

  it('should reject an empty impressions list when nothing was shown', () => {
    expectIssueAt(
      validatePayload(withField(example, 'ProductImpression.Products', [])),
      'ProductImpression.Products',
      /got \[\]$/,
    )
  })
})

import fc from 'fast-check'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { exampleNames, loadExample } from '../../test/examples'
import { withField, withoutField } from '../../test/wirePath'
import type { ValidationIssue } from '../errors/TrackerError'
import { EVENT_MODEL, EVENT_NAMES, eventRegistry } from '../events/registry'
import { checkSchema } from '../validation/checkSchema'
import { fromSchemaIssues } from '../validation/issues'

/** Every wire path of a JSON value, the root's children first. */
function pathsOf(value: unknown, path = ''): string[] {
  if (typeof value !== 'object' || value === null) return []
  const keys = Array.isArray(value) ? value.map((_, index) => `${path}[${index}]`) : []
  const children = Array.isArray(value)
    ? value.map((item, index) => pathsOf(item, keys[index]))
    : Object.entries(value).map(([key, item]) => [
        path ? `${path}.${key}` : key,
        ...pathsOf(item, path ? `${path}.${key}` : key),
      ])
  return [...keys, ...children.flat()]
}

const examples = exampleNames().map(loadExample)
const odd = fc.constantFrom<unknown>(undefined, null, '', ' ', 'x', -1, 0, 1.5, true, [], [1], {}, { a: 1 }, ['a'])
/** A reference example with one field removed or replaced by an odd value. */
const broken = fc
  .tuple(fc.constantFrom(...examples), fc.nat(), fc.option(odd, { freq: 4 }))
  .map(([example, pick, value]) => {
    const paths = pathsOf(example)
    const path = paths[pick % paths.length] as string
    return value === null ? withoutField(example, path) : withField(example, path, value)
  })

describe('toValibot', () => {
  it.each(EVENT_NAMES)(
    'should say what checkSchema says about %s payloads, reference examples and broken ones',
    (name) => {
      const wire = EVENT_MODEL[name]
      const schema = eventRegistry[name].schema
      fc.assert(
        fc.property(fc.oneof(fc.constantFrom(...examples), broken), (payload) => {
          const issues: ValidationIssue[] = []
          checkSchema(wire, payload, '', issues)
          const result = v.safeParse(schema, payload)
          expect(result.success ? [] : fromSchemaIssues(result.issues)).toEqual(issues)
        }),
        { numRuns: 200, seed: 20260127 },
      )
    },
  )
})

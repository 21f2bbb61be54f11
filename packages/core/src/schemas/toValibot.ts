import * as v from 'valibot'
import { isRecord } from './values'
import { expectsOf, type Infer, type Optional, type WireSchema } from './wireSchema'

type AnySchema = v.GenericSchema

/**
 * The valibot schema of a wire-model node, for callers who validate with valibot themselves: it
 * accepts what `validatePayload` accepts and its issues carry the same paths, messages and inputs.
 */
/* @__NO_SIDE_EFFECTS__ */
export function toValibot<const Schema extends WireSchema>(schema: Schema): v.GenericSchema<Infer<Schema>> {
  return wireToValibot(schema) as unknown as v.GenericSchema<Infer<Schema>>
}

/** The valibot schema of any wire-model node, untyped: {@link toValibot} for a schema whose type is known. */
/* @__NO_SIDE_EFFECTS__ */
export function wireToValibot(schema: WireSchema | Optional): AnySchema {
  if ('optional' in schema) return v.optional(wireToValibot(schema.optional))
  if ('fields' in schema) {
    const { fields, refine } = schema
    const entries = Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, wireToValibot(field)]))
    // A missing key is reported with that key's own expectation, as checkSchema does.
    const object = v.looseObject(entries, (issue) => {
      const key = issue.path?.[0]?.key
      return typeof key === 'string' && fields[key] ? expectsOf(fields[key]) : 'an object'
    })
    if (!refine) return object
    const check = v.rawCheck<Record<string, unknown>>(({ dataset, addIssue }) => {
      // The object's output (a plain copy, also of an array); the input itself when it is no object.
      const value = dataset.value as Record<string, unknown> | null
      if (!value || typeof value !== 'object') return
      refine(value, (key, message, input, nameIsWrong) => {
        // An issue about the key itself has the key as its origin, as valibot's record keys do.
        const origin = nameIsWrong ? 'key' : 'value'
        addIssue({ message, input, path: [{ type: 'object', origin, input: value, key, value: value[key] }] })
      })
    })
    return v.pipe(object, check) as unknown as AnySchema
  }
  if ('item' in schema) {
    const array = v.array(wireToValibot(schema.item), schema.expects)
    if (!schema.nonEmpty) return array
    return v.pipe(
      array,
      v.check((items) => items.length > 0, schema.expects),
    ) as unknown as AnySchema
  }
  if ('keys' in schema) {
    return v.pipe(
      v.custom<Record<string, unknown>>(isRecord, schema.expects),
      v.record(v.custom<string>(schema.keys.is, schema.keys.expects), wireToValibot(schema.values)),
    ) as unknown as AnySchema
  }
  return v.custom(schema.is, schema.expects)
}

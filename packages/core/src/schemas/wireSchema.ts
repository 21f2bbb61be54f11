// The wire model as plain data: leaves, open objects, lists and records. One walker checks payloads
// against it (validation/checkSchema.ts), toValibot.ts mirrors it as the exported valibot schemas, and
// the builders turn friendly inputs into it (events/shared/toWire.ts), each node by its `to`.
import type { ValidationIssue } from '../errors/TrackerError'

/**
 * How a builder turns a friendly input value into a node's wire value; it also gets the input object
 * the value was read from, the wire path and the issues. Nodes without one: see events/shared/toWire.ts.
 */
export type ToWire = (
  value: unknown,
  given: Record<string, unknown>,
  path: string,
  issues: ValidationIssue[],
) => unknown

/** What every node may carry: how builders convert a friendly input into it. */
interface Convertible {
  readonly to?: ToWire
}

/** A single value: the test it must pass and what it is, in words ("a positive integer"). */
export interface Leaf<Value = unknown> extends Convertible {
  readonly is: (value: unknown) => boolean
  /** What issues say was expected: `expected a positive integer, got "x"`. */
  readonly expects: string
  /** The wire type the leaf stands for (types only). */
  readonly type?: Value
}

/** A field that may be left out (or be `undefined`). */
export interface Optional<Schema extends WireSchema = WireSchema> {
  readonly optional: Schema
}

/** Reports one issue at `key` of the object being checked; `nameIsWrong` when the key itself is not allowed. */
export type ReportIssue = (key: string, expects: string, input: unknown, nameIsWrong?: boolean) => void

/** A check across an object's fields that no single field can make (a GUID or the order lines). */
export type Refine = (value: Record<string, unknown>, report: ReportIssue) => void

/** A wire object: its known fields are checked, any other key passes untouched (the vendor adds fields). */
export interface ObjectSchema<
  Fields extends Record<string, WireSchema | Optional> = Record<string, WireSchema | Optional>,
> extends Convertible {
  readonly fields: Fields
  readonly refine?: Refine
  /** What issues say was expected of anything but an object. */
  readonly expects: string
  /** A product object: its own tags go on the wire as `tag_*` fields. */
  readonly tagged?: boolean
}

/**
 * A whole event payload: an open object (`GeneralInfo` and the body) that also names its event and
 * the key its body goes under, so that builders and validation need nothing else to handle it.
 */
export interface EventWire<
  Name extends string = string,
  BodyKey extends string | undefined = string | undefined,
  Fields extends Record<string, WireSchema | Optional> = Record<string, WireSchema | Optional>,
> extends ObjectSchema<Fields> {
  readonly eventName: Name
  /** The body's key in the payload; `undefined` for an event that is GeneralInfo only (CustomerData). */
  readonly bodyKey: BodyKey
  /** A catalog event, sent by a server without a visitor: its GeneralInfo is `{ eventName, siteId }` only. */
  readonly catalog?: boolean
}

/** A list of items, at least one when `nonEmpty`. */
export interface ListSchema<Item extends WireSchema = WireSchema> extends Convertible {
  readonly item: Item
  readonly expects: string
  readonly nonEmpty?: boolean
}

/** An object of named values whose names are checked too (event `Tags`). */
export interface RecordSchema<Value extends WireSchema = WireSchema> extends Convertible {
  readonly keys: Leaf<string>
  readonly values: Value
  readonly expects: string
}

/** Any node of the wire model. */
export type WireSchema = Leaf | ObjectSchema | ListSchema | RecordSchema

/**
 * Any node or optional field, read by property: its kind is whichever of `is`, `fields`, `item`,
 * `keys`, `optional` it has. The walkers read properties rather than test them with `in`: the nodes
 * come in many shapes, and a megamorphic `in` is several times slower in V8 than a megamorphic read.
 */
export type AnyNode = Partial<Leaf & ObjectSchema & ListSchema & RecordSchema & Optional>

type OptionalKeys<Fields> = { [Key in keyof Fields]: Fields[Key] extends Optional ? Key : never }[keyof Fields]
type Flatten<Type> = { [Key in keyof Type]: Type[Key] }

/** The wire type a schema accepts. */
export type Infer<Schema> =
  Schema extends Leaf<infer Value>
    ? Value
    : Schema extends ListSchema<infer Item>
      ? Infer<Item>[]
      : Schema extends RecordSchema<infer Value>
        ? Record<string, Infer<Value>>
        : Schema extends ObjectSchema<infer Fields>
          ? Flatten<
              { [Key in Exclude<keyof Fields, OptionalKeys<Fields>>]: Infer<Fields[Key]> } & {
                [Key in OptionalKeys<Fields>]?: Fields[Key] extends Optional<infer Inner> ? Infer<Inner> : never
              }
            > & { [key: string]: unknown }
          : never

/** A leaf: `is` decides, `expects` names what it wants, `to` (if any) converts a friendly input. */
/* @__NO_SIDE_EFFECTS__ */
export const leaf = <Value>(is: (value: unknown) => boolean, expects: string, to?: ToWire): Leaf<Value> => ({
  is,
  expects,
  to,
})

/** Marks an object field as one that may be left out. */
/* @__NO_SIDE_EFFECTS__ */
export const optional = <Schema extends WireSchema>(optional: Schema): Optional<Schema> => ({ optional })

/**
 * An open wire object: the keys it knows are checked, any other key passes untouched (the vendor
 * adds fields). A missing required key is reported with that key's own expectation.
 */
/* @__NO_SIDE_EFFECTS__ */
export const openObject = <const Fields extends Record<string, WireSchema | Optional>>(
  fields: Fields,
  refine?: Refine,
): ObjectSchema<Fields> => ({ fields, refine, expects: 'an object' })

/** A list of items; `nonEmpty` wants at least one. `expects` names it in issues ("an array of cart products"). */
/* @__NO_SIDE_EFFECTS__ */
export const list = <Item extends WireSchema>(item: Item, expects: string, nonEmpty?: boolean): ListSchema<Item> => ({
  item,
  expects,
  nonEmpty,
})

/** What a field expects when it is missing: its own words, or "an object" for an optional one. */
export const expectsOf = (schema: WireSchema | Optional): string => ('expects' in schema ? schema.expects : 'an object')

// Type-level checks that an event's friendly input and its wire schema agree, for the type test in
// each event's folder: every input field is read by a wire field (by its friendly name, toWire.ts's
// INPUT_NAMES), and what the wire requires the input requires too, in nested objects and list items.
import type { EventWire, ListSchema, ObjectSchema, Optional, ToWire } from '../../schemas/wireSchema'
import type { InputNameOf } from './toWire'

type FieldsOf<Schema> = Schema extends ObjectSchema<infer Fields> ? Fields : never
type Unwrap<Field> = Field extends Optional<infer Inner> ? Inner : Field
type ItemOf<Value> = Value extends readonly (infer Item)[] ? Item : never

/** The input names an object schema reads: its fields' friendly names, and `tags`, `currency` on a product. */
type ReadNames<Schema> =
  | { [Key in keyof FieldsOf<Schema>]: InputNameOf<Key> }[keyof FieldsOf<Schema>]
  | (Schema extends { tagged: true } ? 'tags' | 'currency' : never)

/** The input names whose wire field is required. */
type RequiredNames<Schema> = {
  [Key in keyof FieldsOf<Schema>]: FieldsOf<Schema>[Key] extends Optional ? never : InputNameOf<Key>
}[keyof FieldsOf<Schema>]

/** The keys an input type requires. */
type RequiredKeys<Input> = { [Key in keyof Input]-?: object extends Pick<Input, Key> ? never : Key }[keyof Input]

/** The mismatches inside one field: an object converted field by field, or the items of a list. */
type FieldMismatches<Input, Field, Path extends string> = Field extends { to: ToWire }
  ? Field extends ListSchema<infer Item>
    ? Mismatches<ItemOf<NonNullable<Input>>, Item, `${Path}[]`>
    : never
  : Field extends ListSchema<infer Item>
    ? Mismatches<ItemOf<NonNullable<Input>>, Item, `${Path}[]`>
    : Field extends ObjectSchema
      ? Mismatches<NonNullable<Input>, Field, Path>
      : never

/** Every disagreement between an input type and the object schema it is converted to, as readable strings. */
type Mismatches<Input, Schema, Path extends string, Extra extends PropertyKey = never> = Schema extends ObjectSchema
  ?
      | `${Path}.${Exclude<keyof Input, ReadNames<Schema> | Extra> & string}: no wire field reads it`
      | `${Path}.${Exclude<RequiredNames<Schema>, RequiredKeys<Input>> & string}: required on the wire, not in the input`
      | {
          [Key in keyof FieldsOf<Schema>]: InputNameOf<Key> extends keyof Input
            ? FieldMismatches<Input[InputNameOf<Key>], Unwrap<FieldsOf<Schema>[Key]>, `${Path}.${InputNameOf<Key>}`>
            : never
        }[keyof FieldsOf<Schema>]
  : Schema extends ListSchema<infer Item>
    ? Mismatches<ItemOf<Input>, Item, `${Path}[]`, Extra>
    : never

/**
 * `true` when an event's friendly input agrees with its wire body; otherwise the mismatches, which
 * the compiler shows when `true` is assigned. `Extra` names input fields that steer the builder
 * without a wire field of their own (PurchasedItems' `oneClick`).
 *
 * @example
 * export const inputMatchesWire: InputCheck<CategoryPageInput, typeof categoryPageWire> = true
 */
export type InputCheck<Input, Wire extends EventWire, Extra extends PropertyKey = never> = [
  Mismatches<Input, Unwrap<FieldsOf<Wire>[Wire['bodyKey'] & keyof FieldsOf<Wire>]>, 'input', Extra>,
] extends [never]
  ? true
  : Mismatches<Input, Unwrap<FieldsOf<Wire>[Wire['bodyKey'] & keyof FieldsOf<Wire>]>, 'input', Extra>

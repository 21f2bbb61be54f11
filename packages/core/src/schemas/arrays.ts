import * as v from 'valibot'

/** A list of at least one item; `expected` names it in issues ("a non-empty array of products"). */
/* @__NO_SIDE_EFFECTS__ */
export function nonEmptyArray<const Item extends v.GenericSchema>(item: Item, expected: string) {
  return v.pipe(
    v.array(item, expected),
    v.check((list) => list.length > 0, expected),
  )
}

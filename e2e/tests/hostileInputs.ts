// Arbitrary tracker calls for the hostile-world fuzz tests (node in vitest, browser in Playwright).
//
// fast-check generates *descriptions* of values (plain JSON), never the hostile values themselves:
// a description can be printed in a failure report, sent into a page as JSON, and turned into the
// real value where the tracker runs by `materialize` (a self-contained function, so that a page can
// receive it as source text). That is how a throwing proxy or an object whose `toJSON` lies reaches
// the browser tracker, which `page.evaluate` could not carry.
import { EVENT_NAMES } from '@es-tracker/core'
import fc from 'fast-check'

/**
 * A value to build where the tracker runs: JSON primitives and arrays stand for themselves; an
 * object is `{ $: 'object', entries }` (so that keys such as `__proto__` stay own keys); the other
 * `$` forms stand for what JSON cannot carry or what a hostile host might pass.
 */
export type ValueSpec =
  | string
  | number
  | boolean
  | null
  | ValueSpec[]
  | { $: 'object'; entries: [string, ValueSpec][] }
  | { $: 'undefined' | 'symbol' | 'function' | 'throwingProxy' | 'revokedProxy' | 'map' }
  | { $: 'number'; v: 'NaN' | 'Infinity' | '-Infinity' | '-0' }
  | { $: 'bigint'; v: string }
  | { $: 'date'; v: number }
  | { $: 'longString'; n: number }
  | { $: 'cyclic'; v: ValueSpec }
  | { $: 'throwingGetter'; key: string; v: ValueSpec }
  | { $: 'flipping'; key: string; a: ValueSpec; b: ValueSpec; v: ValueSpec }
  | { $: 'lyingToJSON'; v: ValueSpec; json: ValueSpec }
  | { $: 'nullPrototype'; v: ValueSpec }
  | { $: 'frozen'; v: ValueSpec }

/** One generated call: a method (or command) name and its arguments; node calls also scope a visitor. */
export interface CallSpec {
  method: string
  args: ValueSpec[]
  visitor?: ValueSpec
}

/**
 * Builds the real value a {@link ValueSpec} describes. Self-contained (no outside references), so
 * that `materialize.toString()` runs as is in a page.
 */
export function materialize(spec: unknown): unknown {
  const build = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value
    if (Array.isArray(value)) return value.map(build)
    const s = value as Record<string, unknown> & { $: string }
    const object = (entries: unknown): Record<string, unknown> => {
      const target: Record<string, unknown> = {}
      for (const [key, item] of entries as [string, unknown][]) {
        Object.defineProperty(target, key, { value: build(item), enumerable: true, writable: true, configurable: true })
      }
      return target
    }
    // The object a hostile wrapper adds its trap to: the inner value when it can take one.
    const base = (inner: unknown): Record<string, unknown> => {
      const built = build(inner)
      try {
        if (built !== null && typeof built === 'object' && Object.isExtensible(built)) {
          return built as Record<string, unknown>
        }
      } catch {
        // A revoked proxy: wrap it.
      }
      return { value: built }
    }
    // Adds a trap; an array's `length` and the like refuse it, and then the value goes as it is.
    const define = (target: object, key: string, descriptor: PropertyDescriptor): object => {
      try {
        Object.defineProperty(target, key, { enumerable: true, configurable: true, ...descriptor })
      } catch {
        // kept as is
      }
      return target
    }
    switch (s.$) {
      case 'object':
        return object(s.entries)
      case 'undefined':
        return undefined
      case 'symbol':
        return Symbol('hostile')
      case 'function':
        return () => 'hostile'
      case 'map':
        return new Map([['productKey', '1']])
      case 'number':
        return s.v === '-0' ? -0 : Number(s.v)
      case 'bigint':
        return BigInt(s.v as string)
      case 'date':
        return new Date(s.v as number)
      case 'longString':
        return 'x'.repeat(s.n as number)
      case 'throwingProxy':
        return new Proxy(
          {},
          {
            get() {
              throw new Error('hostile proxy: get')
            },
            has() {
              throw new Error('hostile proxy: has')
            },
            ownKeys() {
              throw new Error('hostile proxy: ownKeys')
            },
            getOwnPropertyDescriptor() {
              throw new Error('hostile proxy: getOwnPropertyDescriptor')
            },
            getPrototypeOf() {
              throw new Error('hostile proxy: getPrototypeOf')
            },
          },
        )
      case 'revokedProxy': {
        const { proxy, revoke } = Proxy.revocable({}, {})
        revoke()
        return proxy
      }
      case 'cyclic': {
        const target = base(s.v)
        return define(target, 'self', { value: target, writable: true })
      }
      case 'throwingGetter':
        return define(base(s.v), s.key as string, {
          get() {
            throw new Error('hostile getter')
          },
        })
      case 'flipping': {
        // A different answer on every read: what was validated is not what would be serialized.
        const answers = [build(s.a), build(s.b)]
        let reads = 0
        return define(base(s.v), s.key as string, { get: () => answers[reads++ % 2] })
      }
      case 'lyingToJSON': {
        const json = build(s.json)
        return define(base(s.v), 'toJSON', { enumerable: false, value: () => json })
      }
      case 'nullPrototype':
      case 'frozen': {
        const target = base(s.v)
        try {
          return s.$ === 'frozen' ? Object.freeze(target) : Object.setPrototypeOf(target, null)
        } catch {
          return target // a proxy that refuses
        }
      }
      default:
        return object(Object.entries(s))
    }
  }
  return build(spec)
}

// ---- leaves ---------------------------------------------------------------------------------

const nastyStrings = [
  '',
  ' ',
  '0',
  '1',
  '-1',
  '1e400',
  'NaN',
  'Infinity',
  '754 USD',
  '12,50',
  '0x1F',
  'true',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'ann@example.com',
  '+380 50 111 3010',
  '<script>alert(1)</script>',
  '"},"GeneralInfo":{"eventName":"X',
  '\u0000',
  '\u2028\u2029',
  '\ud800',
  'é́́',
  '👩‍👩‍👧',
]

const loneSurrogates = fc.string({
  unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
})

const strangeNumber = fc
  .constantFrom('NaN', 'Infinity', '-Infinity', '-0')
  .map((v) => ({ $: 'number', v }) as ValueSpec)

const hostileObject: fc.Arbitrary<ValueSpec> = fc.oneof(
  fc.constantFrom<ValueSpec>(
    { $: 'undefined' },
    { $: 'symbol' },
    { $: 'function' },
    { $: 'throwingProxy' },
    { $: 'revokedProxy' },
    { $: 'map' },
  ),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map((v) => ({ $: 'bigint', v: String(v) }) as ValueSpec),
  fc.integer({ min: -8.64e15, max: 8.64e15 }).map((v) => ({ $: 'date', v }) as ValueSpec),
  fc.integer({ min: 1_000, max: 70_000 }).map((n) => ({ $: 'longString', n }) as ValueSpec),
)

/** Any primitive a caller might pass, hostile or not, and the hostile objects. */
export const anyLeaf: fc.Arbitrary<ValueSpec> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: loneSurrogates },
  { weight: 3, arbitrary: fc.constantFrom(...nastyStrings) },
  { weight: 3, arbitrary: fc.integer() },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)) },
  { weight: 1, arbitrary: strangeNumber },
  { weight: 2, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.constant<ValueSpec>({ $: 'undefined' }) },
  { weight: 2, arbitrary: hostileObject },
)

const objectKey = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toJSON', 'then', 'length') },
)

/** Any value: leaves, arrays and objects (own `__proto__` keys included), and wrapped hostile objects. */
export const anyValue: fc.Arbitrary<ValueSpec> = fc.letrec<{ value: ValueSpec }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: anyLeaf },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
    { weight: 1, arbitrary: objectOf(fc.array(fc.tuple(objectKey, tie('value')), { maxLength: 4 })) },
    { weight: 1, arbitrary: wrapped(tie('value')) },
  ),
})).value

function objectOf(entries: fc.Arbitrary<[string, ValueSpec][]>): fc.Arbitrary<ValueSpec> {
  return entries.map((list) => ({ $: 'object', entries: list }) as ValueSpec)
}

/** Wraps a value (an object) in a hostile shape: cyclic, a throwing or flipping getter, a lying toJSON. */
function wrapped(inner: fc.Arbitrary<ValueSpec>, keys = objectKey): fc.Arbitrary<ValueSpec> {
  return fc.oneof(
    inner.map((v) => ({ $: 'cyclic', v }) as ValueSpec),
    fc.record({ key: keys, v: inner }).map(({ key, v }) => ({ $: 'throwingGetter', key, v }) as ValueSpec),
    fc.record({ key: keys, a: anyLeaf, b: anyLeaf, v: inner }).map((r) => ({ $: 'flipping', ...r }) as ValueSpec),
    fc.record({ v: inner, json: anyValueShallow() }).map(({ v, json }) => ({ $: 'lyingToJSON', v, json }) as ValueSpec),
    inner.map((v) => ({ $: 'nullPrototype', v }) as ValueSpec),
    inner.map((v) => ({ $: 'frozen', v }) as ValueSpec),
  )
}

function anyValueShallow(): fc.Arbitrary<ValueSpec> {
  return fc.oneof(anyLeaf, objectOf(fc.array(fc.tuple(objectKey, anyLeaf), { maxLength: 3 })))
}

// ---- friendly shapes, with or without hostile parts ------------------------------------------

/** The generated inputs of every tracker method, with hostile parts or plausible only. */
export interface InputArbitraries {
  /** The argument of each tracker method of API.md (bar `send`). */
  methodInputs: Record<string, fc.Arbitrary<ValueSpec>>
  /** `[eventName, body]` for `send`. */
  sendArgs: fc.Arbitrary<ValueSpec[]>
  /** Identity fields, as `identify()` and a node visitor's `user` take them. */
  identity: fc.Arbitrary<ValueSpec>
  /** Arguments for a method: mostly its input; with hostile parts sometimes none or extra ones. */
  argsFor(method: string): fc.Arbitrary<ValueSpec[]>
}

/**
 * Builds the method inputs. With `hostile`, any field may now and then be any value at all, objects
 * may carry extra keys or be wrapped in a hostile shape, and calls may have too few or too many
 * arguments; without it, inputs are plausible (most valid, some refused by the rules).
 */
function inputArbitraries(hostile: boolean): InputArbitraries {
  const either = (plausible: fc.Arbitrary<ValueSpec>, weight = 14): fc.Arbitrary<ValueSpec> =>
    hostile ? fc.oneof({ weight, arbitrary: plausible }, { weight: 1, arbitrary: anyValue }) : plausible

  /** An object of the given fields (each maybe left out). */
  const shape = (fields: Record<string, fc.Arbitrary<ValueSpec>>, required: string[] = []): fc.Arbitrary<ValueSpec> => {
    type Entry = [string, ValueSpec]
    const names = Object.keys(fields)
    const own = fc.tuple(
      ...names.map((name) => {
        const entry = fields[name]!.map((value): Entry => [name, value])
        return required.includes(name) ? entry : fc.option(entry, { nil: undefined, freq: 3 })
      }),
    )
    const extraKeys = hostile ? fc.array(fc.tuple(objectKey, anyValue), { maxLength: 2 }) : fc.constant([])
    const plain = fc.record({ own, extra: extraKeys, dice: fc.nat(9) }).map(({ own, extra, dice }): ValueSpec => {
      const entries = own.filter((entry): entry is Entry => entry !== undefined)
      return { $: 'object', entries: dice === 0 ? [...entries, ...extra] : entries }
    })
    if (!hostile) return plain
    return fc.oneof(
      { weight: 12, arbitrary: plain },
      { weight: 1, arbitrary: wrapped(plain, fc.constantFrom(...names)) },
    )
  }
  const list = (item: fc.Arbitrary<ValueSpec>, maxLength = 4) => either(fc.array(item, { maxLength }))

  const productKey = either(fc.oneof(fc.stringMatching(/^[A-Z]{2}-\d{1,5}$/), fc.integer({ min: 1, max: 99_999 })))
  const price = either(
    fc.oneof(
      fc.integer({ min: 0, max: 100_000 }),
      fc.double({ min: 0, max: 1e6, noNaN: true }),
      fc.constantFrom('754', '19.90', '754 USD'),
    ),
  )
  const quantity = either(fc.oneof(fc.integer({ min: 1, max: 50 }), fc.constantFrom('1', '3')))
  const currency = either(fc.constantFrom('USD', 'EUR', 'UAH'))
  const inStock = either(fc.constantFrom<ValueSpec>(true, false, 0, 1, '0', '1'))
  const text = either(fc.string({ minLength: 1, maxLength: 30 }))
  const tagName = fc.oneof(
    { weight: 8, arbitrary: fc.stringMatching(/^[A-Za-z0-9_.-]{1,12}$/) },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', '', 'bad name', 'x'.repeat(65)) },
  )
  const tagValue = either(
    fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.integer(),
      fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.integer()), { maxLength: 3 }),
    ),
  )
  const tags = either(objectOf(fc.array(fc.tuple(tagName, tagValue), { maxLength: 3 })))
  const guid = either(
    fc.oneof(
      fc.uuid().map((id) => id.toUpperCase()),
      fc.stringMatching(/^[a-f0-9]{32}$/),
    ),
  )
  const email = either(fc.oneof(fc.emailAddress(), fc.constantFrom('ann@example.com', 'ann.smith@', 'no-at-sign')))
  const phone = either(fc.oneof(fc.stringMatching(/^\+380\d{9}$/), fc.constantFrom('+380 50 111 3010', '12')))

  const product = shape({ productKey, price, currency, isInStock: inStock, tags }, ['productKey', 'price'])
  const cartLine = shape({ productKey, price, quantity, discount: price, currency, tags }, [
    'productKey',
    'price',
    'quantity',
  ])
  const orderLine = shape({ productKey, price, quantity }, ['productKey', 'price', 'quantity'])
  const impression = shape({ productKey, containerType: text }, ['productKey', 'containerType'])
  const catalogProduct = shape(
    {
      productKey,
      isInStock: inStock,
      price,
      currency,
      name: text,
      description: text,
      imageUrl: either(fc.webUrl()),
      brand: text,
      discountPercent: price,
      oldPrice: price,
      category: text,
      categoryIds: either(fc.array(fc.oneof(fc.string({ minLength: 1, maxLength: 6 }), fc.nat()), { maxLength: 3 })),
      tags,
    },
    ['productKey', 'isInStock'],
  )
  const identity = shape({
    email,
    phone,
    externalCustomerId: either(fc.oneof(fc.string({ minLength: 1, maxLength: 10 }), fc.nat())),
    name: text,
    contactId: either(fc.nat()),
  })

  const methodInputs: Record<string, fc.Arbitrary<ValueSpec>> = {
    productPage: either(shape({ product, tags }, ['product'])),
    addToWishlist: either(shape({ product, tags }, ['product'])),
    statusCart: either(shape({ products: list(cartLine), tags, guid }, ['products'])),
    purchasedItems: either(
      shape({ orderNumber: text, products: list(orderLine), guid, oneClick: either(fc.boolean()), tags }, [
        'orderNumber',
      ]),
    ),
    productImpressions: either(shape({ products: list(impression), tags }, ['products'])),
    categoryPage: either(shape({ categoryKey: text, tags }, ['categoryKey'])),
    customerData: hostile
      ? fc.oneof(fc.constant<ValueSpec>({ $: 'undefined' }), anyValue)
      : fc.constant({ $: 'undefined' }),
    customEvent: either(shape({ name: text, tags }, ['name'])),
    searchRequest: either(
      shape({ search: text, isFound: either(fc.constantFrom<ValueSpec>(true, false, 0, 1)) }, ['search']),
    ),
    productUpdate: list(catalogProduct, 3),
  }

  // Wire bodies of the real events, by body key (a Map: an event name may be `constructor`).
  const wireBodies = new Map<string, fc.Arbitrary<ValueSpec>>([
    ['ProductPage', shape({ Product: product }, ['Product'])],
    ['AddToWishlist', shape({ Product: product }, ['Product'])],
    ['StatusCart', shape({ GUID: guid, Products: list(cartLine) }, ['GUID', 'Products'])],
    ['PurchasedItems', shape({ GUID: guid, OrderNumber: text }, ['GUID', 'OrderNumber'])],
    ['ProductImpression', shape({ Products: list(impression) }, ['Products'])],
    ['CategoryPage', shape({ Category: shape({ categoryKey: text }, ['categoryKey']) }, ['Category'])],
    ['CustomEvent', shape({ EventName: text, Tags: tags }, ['EventName'])],
    ['SearchRequest', shape({ search: text, isFound: either(fc.constantFrom<ValueSpec>(0, 1)) }, ['search'])],
    ['ProductUpdate', list(catalogProduct, 2)],
  ])
  const rawBody = (eventName: ValueSpec): fc.Arbitrary<ValueSpec> => {
    const name = typeof eventName === 'string' ? eventName : 'CustomEvent'
    const bodyKey = name === 'ProductImpressions' ? 'ProductImpression' : name
    const inner = wireBodies.get(bodyKey) ?? anyValue
    const generalInfo = shape({ user_email: email, eventName: either(fc.constant(name)) })
    return either(shape({ [bodyKey]: inner, GeneralInfo: either(generalInfo) }, [bodyKey]))
  }
  const sendArgs = either(fc.constantFrom(...EVENT_NAMES), 20).chain((eventName) =>
    rawBody(eventName).map((body) => [eventName, body]),
  )

  return {
    methodInputs,
    sendArgs,
    identity,
    argsFor(method) {
      const main = method === 'send' ? sendArgs : (methodInputs[method] ?? anyValue).map((input) => [input])
      if (!hostile) return main
      return fc.oneof(
        { weight: 20, arbitrary: main },
        { weight: 1, arbitrary: fc.constant<ValueSpec[]>([]) },
        { weight: 1, arbitrary: fc.tuple(main, fc.array(anyValue, { maxLength: 2 })).map(([a, b]) => [...a, ...b]) },
      )
    },
  }
}

/** Inputs with hostile parts: any value anywhere now and then, hostile objects, odd argument counts. */
export const hostileInputs = inputArbitraries(true)

/** Plausible inputs only (most valid): the ground for {@link withOneLie}. */
export const plausibleInputs = inputArbitraries(false)

/** The tracker methods of API.md every tracker answers. */
export const trackerMethods = [...Object.keys(hostileInputs.methodInputs), 'send']

/** The object nodes of a spec, by path (indexes into arrays and entries), for {@link withOneLie}. */
function objectPaths(spec: ValueSpec, path: number[] = []): number[][] {
  if (Array.isArray(spec)) return spec.flatMap((item, index) => objectPaths(item, [...path, index]))
  if (spec === null || typeof spec !== 'object' || spec.$ !== 'object') return []
  return [path, ...spec.entries.flatMap(([, item], index) => objectPaths(item, [...path, index]))]
}

function replaceAt(spec: ValueSpec, path: number[], replace: (node: ValueSpec) => ValueSpec): ValueSpec {
  if (path.length === 0) return replace(spec)
  const [index, ...rest] = path as [number, ...number[]]
  if (Array.isArray(spec)) return spec.map((item, at) => (at === index ? replaceAt(item, rest, replace) : item))
  if (spec === null || typeof spec !== 'object' || spec.$ !== 'object') return spec
  const entries = spec.entries.map(([key, item], at): [string, ValueSpec] =>
    at === index ? [key, replaceAt(item, rest, replace)] : [key, item],
  )
  return { $: 'object', entries }
}

/**
 * Arguments that are plausible except for one object somewhere inside that lies: its `toJSON`
 * answers something else, or one of its keys reads differently each time. What the tracker
 * validated must be what it sends.
 */
export function withOneLie(args: fc.Arbitrary<ValueSpec[]>): fc.Arbitrary<ValueSpec[]> {
  return args.chain((list) => {
    const paths = objectPaths(list)
    if (paths.length === 0) return fc.constant(list)
    return fc.record({ at: fc.nat(paths.length - 1), lie: fc.nat(1), json: anyValueShallow(), flip: anyLeaf }).map(
      ({ at, lie, json, flip }) =>
        replaceAt(list, paths[at]!, (node) => {
          const keys =
            node !== null && typeof node === 'object' && '$' in node && node.$ === 'object' ? node.entries : []
          const first = keys[0]
          if (lie === 1 && first) return { $: 'flipping', key: first[0], a: first[1], b: flip, v: node }
          return { $: 'lyingToJSON', v: node, json }
        }) as ValueSpec[],
    )
  })
}

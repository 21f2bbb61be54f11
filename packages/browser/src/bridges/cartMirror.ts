import type { CartProductInput } from '@es-tracker/core'
import { type BridgeStorage, readStoredJson, writeStoredJson } from './bridgeStorage'

/** One line of a {@link CartMirror}: a product (and its variant, when the platform has one), its price and quantity. */
export interface MirrorLine {
  /** The product's key, as `statusCart` sends it. */
  productKey: string
  /** The variant, when the platform names one apart from the product key: lines of one product differ by it. */
  variant?: string
  /** The unit price, a finite number. */
  price: number
  /** How many, above 0. */
  quantity: number
  /** The price's currency, when known. */
  currency?: string
}

/**
 * The whole cart as a bridge has seen it, built from the platform's changes (one line added or taken
 * off) and whole-cart events, so that every StatusCart can carry the whole cart. It lives in storage:
 * every operation reads it there first and writes it back, so pages and tabs share one cart.
 */
export interface CartMirror {
  /** The lines now in the cart, in the order they were first added. */
  lines(): MirrorLine[]
  /** Adds `line.quantity` of the line's product (a new line when it is not there) and takes its newer price; answers the whole cart. */
  add(line: MirrorLine): MirrorLine[]
  /**
   * Takes `line.quantity` of the line's product off, dropping the line at 0 or below; answers the whole
   * cart, or `undefined` when that product was not in the cart (nothing changed).
   */
  remove(line: MirrorLine): MirrorLine[] | undefined
  /** Makes the mirror the given whole cart (lines of one product merged); answers whether its contents changed ({@link sameCartContents}). */
  replace(lines: readonly MirrorLine[]): boolean
  /** Empties the cart (after a purchase). */
  clear(): void
}

// A line's identity in the mirror: its product, and its variant when given.
const lineKey = (line: MirrorLine) => JSON.stringify([line.productKey, line.variant ?? null])

const isMirrorLine = (value: unknown): value is MirrorLine => {
  const line = value as MirrorLine | null
  return (
    typeof line === 'object' &&
    line !== null &&
    typeof line.productKey === 'string' &&
    (line.variant === undefined || typeof line.variant === 'string') &&
    Number.isFinite(line.price) &&
    Number.isFinite(line.quantity) &&
    line.quantity > 0 &&
    (line.currency === undefined || typeof line.currency === 'string')
  )
}

// A copy with only the mirror's own fields, so that what is stored and compared is exactly a line.
const copyLine = ({ productKey, variant, price, quantity, currency }: MirrorLine): MirrorLine => ({
  productKey,
  ...(variant === undefined ? {} : { variant }),
  price,
  quantity,
  ...(currency === undefined ? {} : { currency }),
})

/**
 * Whether two carts hold the same lines (product and variant, quantity, price), in any order;
 * currencies and anything else the platform sends do not count.
 *
 * @example
 * sameCartContents([{ productKey: 'A', price: 5, quantity: 1 }], [{ productKey: 'A', price: 5, quantity: 1 }]) // true
 */
export function sameCartContents(first: readonly MirrorLine[], second: readonly MirrorLine[]): boolean {
  const describe = (lines: readonly MirrorLine[]) =>
    lines.map((line) => JSON.stringify([lineKey(line), line.quantity, line.price])).sort()
  const [one, other] = [describe(first), describe(second)]
  return one.length === other.length && one.every((entry, index) => entry === other[index])
}

/**
 * Creates the cart mirror kept under `key` in `storage`. Platform-free: the GA4 bridge and the
 * Shopify pixel each map their events to its lines. A change made before any whole-cart event
 * applies to an empty cart; a stored value that is not a list of lines counts as an empty cart.
 *
 * @example
 * const mirror = createCartMirror(createSafeStorage(), 'es-tracker:dataLayer:cart')
 * tracker.statusCart({ products: mirror.add({ productKey: 'SKU-1', price: 9.5, quantity: 2 }) })
 */
export function createCartMirror(storage: BridgeStorage, key: string): CartMirror {
  const read = (): MirrorLine[] => {
    const stored = readStoredJson(storage, key)
    return Array.isArray(stored) ? stored.filter(isMirrorLine).map(copyLine) : []
  }
  const write = (lines: MirrorLine[]) => {
    writeStoredJson(storage, key, lines)
    return lines
  }
  // The lines with `line` merged in: its quantity added to the line of the same product, its price taken.
  const merge = (lines: MirrorLine[], line: MirrorLine): MirrorLine[] => {
    const found = lines.find((candidate) => lineKey(candidate) === lineKey(line))
    if (!found) return [...lines, copyLine(line)]
    return lines.map((candidate) =>
      candidate === found ? { ...copyLine(line), quantity: found.quantity + line.quantity } : candidate,
    )
  }

  return {
    lines: read,
    add: (line) => write(merge(read(), line)),
    remove(line) {
      const lines = read()
      const found = lines.find((candidate) => lineKey(candidate) === lineKey(line))
      if (!found) return undefined
      const quantity = found.quantity - line.quantity
      return write(
        quantity > 0
          ? lines.map((candidate) => (candidate === found ? { ...found, quantity } : candidate))
          : lines.filter((candidate) => candidate !== found),
      )
    },
    replace(lines) {
      const next = lines.filter((line) => line.quantity > 0).reduce(merge, [])
      const changed = !sameCartContents(read(), next)
      write(next)
      return changed
    },
    clear: () => void write([]),
  }
}

/**
 * The mirror's lines as `statusCart` takes its products (the variant, which only tells lines apart
 * in the mirror, left out).
 *
 * @example
 * tracker.statusCart({ products: cartProducts(mirror.lines()) })
 */
export const cartProducts = (lines: readonly MirrorLine[]): CartProductInput[] =>
  lines.map(({ productKey, price, quantity, currency }) => ({
    productKey,
    price,
    quantity,
    ...(currency === undefined ? {} : { currency }),
  }))

import { TrackerError } from '@es-tracker/core'
import { describeValue } from '../../describe'
import type { Ga4Ecommerce, Ga4Item } from './types'

/** An item that can be sent: its GA4 fields, and the values the tracker's events take from it. */
export interface ReadItem {
  item: Ga4Item
  productKey: string
  /** `item_variant`, when given: cart lines of one product differ by it. */
  variant?: string
  price: number
  quantity: number
}

/** A decimal number, as a price may arrive in a string (`'12.50'`); no exponents, hex or thousands separators. */
const decimal = /^\s*-?(\d+\.?\d*|\.\d+)\s*$/

const toNumber = (value: unknown): number | undefined =>
  typeof value === 'number'
    ? Number.isFinite(value)
      ? value
      : undefined
    : typeof value === 'string' && decimal.test(value)
      ? Number(value)
      : undefined

/**
 * GA4 takes at most 200 items per event, and the bridge reads no more: a list that claims millions
 * (a sparse array, a Proxy) costs no more than 200 items.
 */
export const maxGa4Items = 200

/** Why an item cannot be sent: the field, what it must be, and what came. */
type ItemProblem = [field: string, expected: string, value: unknown]

/** Reads one item, or says what is wrong with it. */
function readItem(given: unknown, productKeyOf: string | ((item: Ga4Item) => unknown)): ReadItem | ItemProblem {
  if (typeof given !== 'object' || given === null) return ['the item', 'an object', given]
  const item = given as Ga4Item
  const key = typeof productKeyOf === 'string' ? item[productKeyOf] : productKeyOf(item)
  const productKey = typeof key === 'number' && Number.isFinite(key) ? String(key) : key
  if (typeof productKey !== 'string' || productKey.trim() === '') {
    const field = typeof productKeyOf === 'string' ? productKeyOf : "the productKey option's answer"
    return [field, 'a non-empty string or a number', key]
  }
  const price = toNumber(item.price)
  if (price === undefined) return ['price', 'a number or a numeric string', item.price]
  const quantity = item.quantity === undefined ? 1 : toNumber(item.quantity)
  if (quantity === undefined || !Number.isInteger(quantity) || quantity < 1)
    return ['quantity', 'a whole number above 0', item.quantity]
  const variant = typeof item.item_variant === 'string' && item.item_variant !== '' ? item.item_variant : undefined
  return { item, productKey, ...(variant === undefined ? {} : { variant }), price, quantity }
}

/**
 * Reads the items of one GA4 event. An item whose product key (`item_id` by default) is missing,
 * null or empty, whose price is missing or not numeric, or whose quantity is not a whole number
 * above 0 (1 when missing) is skipped and reported (code `invalid_event`, naming the event and the
 * item's index); the others are answered, in order. A numeric key becomes its string. Items past
 * the first {@link maxGa4Items} are skipped and reported at once.
 */
export function readGa4Items(
  eventName: string,
  ecommerce: Ga4Ecommerce | undefined,
  productKeyOf: string | ((item: Ga4Item) => unknown),
  report: (error: TrackerError) => void,
): ReadItem[] {
  const items: unknown[] = Array.isArray(ecommerce?.items) ? ecommerce.items : []
  if (items.length > maxGa4Items) {
    const message = `GA4 ${eventName}: the ${items.length - maxGa4Items} items past GA4's ${maxGa4Items} skipped`
    report(new TrackerError('invalid_event', message))
  }
  const read: ReadItem[] = []
  for (let index = 0; index < Math.min(items.length, maxGa4Items); index++) {
    const result = readItem(items[index], productKeyOf)
    if (!Array.isArray(result)) {
      read.push(result)
      continue
    }
    const [field, expected, value] = result
    const message = `GA4 ${eventName}: items[${index}] skipped: ${field} must be ${expected}; got ${describeValue(value)}`
    report(new TrackerError('invalid_event', message))
  }
  return read
}

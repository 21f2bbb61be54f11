// Core's validator is lenient on purpose (PAYLOADS.md "Value forms"): it accepts what real
// integrations send. These notes tell a developer where an accepted value still differs from the
// reference's strict wire form, which is what builders emit.

import { IDENTITY_FIELDS } from '@es-tracker/core/internal'

type Json = Record<string, unknown>

const REFERENCE_GUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/
/** The identity fields' wire names, from core's one list of them. */
const identityWireNames = IDENTITY_FIELDS.map(([, wire]) => wire)
/** Datetimes below this (Mar 1973 in ms) are almost surely seconds. */
const SMALLEST_LIKELY_MS = 1e11

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
const show = (value: unknown): string => JSON.stringify(value) ?? String(value)

/** Collects notes for one payload. */
class NoteCollector {
  readonly notes: string[] = []

  add(path: string, message: string): void {
    this.notes.push(`${path}: ${message}`)
  }

  /** The wire form is a string: a number (or boolean) is noted. */
  string(path: string, value: unknown): void {
    if (typeof value === 'number' || typeof value === 'boolean') {
      this.add(path, `sent as a ${typeof value} (${show(value)}); the wire form is a string (${show(String(value))})`)
    }
  }

  /** The wire form is a number: a string is noted. */
  number(path: string, value: unknown): void {
    if (typeof value === 'string') this.add(path, `sent as a string (${show(value)}); the wire form is a number`)
  }

  /** The wire form is an integer: a string is noted. */
  integer(path: string, value: unknown): void {
    if (typeof value === 'string') this.add(path, `sent as a string (${show(value)}); the wire form is an integer`)
  }

  /** isInStock's wire form is the string "1" or "0". */
  inStock(path: string, value: unknown): void {
    if (typeof value === 'number' || typeof value === 'boolean') {
      const wire = value === true || value === 1 ? '"1"' : '"0"'
      this.add(path, `sent as the ${typeof value} ${show(value)}; the wire form is the string ${wire}`)
    }
  }

  guid(path: string, value: unknown): void {
    if (typeof value === 'string' && !REFERENCE_GUID.test(value)) {
      this.add(path, `${show(value)} is accepted, but the reference's form is 32 uppercase hex digits, 8-4-4-4-12`)
    }
  }

  tags(path: string, tags: unknown): void {
    if (!isObject(tags)) return
    for (const [name, values] of Object.entries(tags)) {
      if (!Array.isArray(values)) continue
      values.forEach((value, index) => {
        this.string(`${path}.${name}[${index}]`, value)
      })
    }
  }

  /** A friendly input name left on the wire where the wire name is another. */
  inputName(path: string, object: Json, input: string, wire: string): void {
    if (input in object && !(wire in object)) this.add(`${path}.${input}`, `an input name; the wire name is ${wire}`)
  }
}

const products = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : [])

function noteGeneralInfo(info: Json, notes: NoteCollector): void {
  const { datetime } = info
  notes.number('GeneralInfo.datetime', datetime)
  if (typeof datetime === 'number' && datetime > 0 && datetime < SMALLEST_LIKELY_MS) {
    notes.add('GeneralInfo.datetime', `${datetime} looks like seconds; the wire form is milliseconds since epoch`)
  }
  for (const field of identityWireNames) {
    const value = info[field]
    if (value === '') notes.add(`GeneralInfo.${field}`, 'empty; builders leave empty identity fields out')
    else if (field === 'externalCustomerId' || field === 'user_es_contact_id')
      notes.string(`GeneralInfo.${field}`, value)
  }
}

function noteProduct(path: string, product: unknown, notes: NoteCollector): void {
  if (!isObject(product)) return
  notes.string(`${path}.price`, product.price)
  notes.inStock(`${path}.isInStock`, product.isInStock)
  notes.inputName(path, product, 'currency', 'price_currency_code')
}

/** Notes per body key: the fields whose strict wire form the reference fixes. */
const bodyNotes: Record<string, (body: unknown, notes: NoteCollector) => void> = {
  ProductPage: (body, notes) => isObject(body) && noteProduct('ProductPage.Product', body.Product, notes),
  AddToWishlist: (body, notes) => isObject(body) && noteProduct('AddToWishlist.Product', body.Product, notes),
  StatusCart(body, notes) {
    if (!isObject(body)) return
    notes.guid('StatusCart.GUID', body.GUID)
    products(body.Products).forEach((product, index) => {
      const path = `StatusCart.Products[${index}]`
      notes.number(`${path}.price`, product.price)
      notes.number(`${path}.discount`, product.discount)
      notes.integer(`${path}.quantity`, product.quantity)
      notes.inputName(path, product, 'currency', 'price_currency_code')
    })
  },
  PurchasedItems(body, notes) {
    if (!isObject(body)) return
    notes.guid('PurchasedItems.GUID', body.GUID)
    notes.string('PurchasedItems.OrderNumber', body.OrderNumber)
    products(body.Products).forEach((product, index) => {
      const path = `PurchasedItems.Products[${index}]`
      notes.string(`${path}.product_id`, product.product_id)
      notes.string(`${path}.unit_price`, product.unit_price)
      notes.integer(`${path}.quantity`, product.quantity)
    })
  },
  ProductImpression(body, notes) {
    if (!isObject(body)) return
    products(body.Products).forEach((product, index) => {
      notes.string(`ProductImpression.Products[${index}].product_id`, product.product_id)
      notes.string(`ProductImpression.Products[${index}].container_type`, product.container_type)
    })
  },
  SearchRequest(body, notes) {
    if (isObject(body) && body.isFound !== undefined && typeof body.isFound !== 'number') {
      notes.add('SearchRequest.isFound', `sent as ${show(body.isFound)}; the wire form is the number 1 or 0`)
    }
  },
  ProductUpdate(body, notes) {
    products(body).forEach((product, index) => {
      notes.string(`ProductUpdate[${index}].product_id`, product.product_id)
      notes.string(`ProductUpdate[${index}].unit_price`, product.unit_price)
      notes.inStock(`ProductUpdate[${index}].isInStock`, product.isInStock)
    })
  },
}

/**
 * Lists where an accepted payload differs from the reference's strict wire form, as
 * `"<wire path>: <what differs>"` lines (empty when it is exactly the wire form).
 */
export function wireNotes(payload: unknown): string[] {
  const notes = new NoteCollector()
  if (!isObject(payload)) return notes.notes
  if (isObject(payload.GeneralInfo)) noteGeneralInfo(payload.GeneralInfo, notes)
  for (const [key, body] of Object.entries(payload)) {
    if (key === 'GeneralInfo') continue
    // Own keys only: a payload may carry `__proto__` or `constructor` as a key.
    if (Object.hasOwn(bodyNotes, key)) bodyNotes[key]?.(body, notes)
    if (isObject(body) && 'Tags' in body) notes.tags(`${key}.Tags`, body.Tags)
  }
  return notes.notes
}

// Test helpers: the reference examples of /work/shared/spec/examples (`<repo root>/../shared`, as
// in CI) and the event contexts that reproduce their GeneralInfo.
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { EventContext } from '../src/events/types'

const EXAMPLES_DIR = fileURLToPath(new URL('../../../../shared/spec/examples/', import.meta.url))

/** The file names of every reference example. */
export function exampleNames(): string[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
}

/** One reference example, parsed. */
export function loadExample(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`${EXAMPLES_DIR}${name}`, 'utf8'))
}

/** The visitor of most reference examples. */
export const referenceContext: EventContext = {
  siteId: '8A412DC',
  sc: 'CDA68358-94FB-4D83-9655-3FEB3C4114A3',
  datetime: 1579622183208,
  identity: {
    externalCustomerId: '1234509876',
    phone: '1-541-754-3010',
    email: 'user@example.com',
    name: 'Gregori Boczynski',
    contactId: '255830499',
  },
}

/** The context of `customer-data.json`. */
export const customerDataContext: EventContext = {
  siteId: '8D3869C',
  sc: 'CDA68358-94FB-4D83-9655-3FEB3CGGG1',
  datetime: 1579622183208,
  identity: {
    externalCustomerId: '1234509876',
    phone: '3801111111111',
    email: 'user@example.com',
    name: 'Johny',
    contactId: '255830499',
  },
}

/** The context of `custom-event.json`: no externalCustomerId change, plus page context. */
export const customEventContext: EventContext = {
  ...referenceContext,
  context: {
    screendim: { h: 1200, w: 2304 },
    adblockEnabled: true,
    device: 'Desktop',
    browser: { name: 'Chrome', chrome: true, version: '74.0', webkit: true, a: true },
    s_location: 'https://example.com/product_id.html',
    referrer: 'https://example.com',
    user_client_id: '',
    user_city: '',
    user_card_id: '',
  },
}

/** The context of the ProductUpdate examples: a server, no visitor. */
export const catalogContext: EventContext = { siteId: 'site_id' }

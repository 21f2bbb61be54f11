// Wire payloads for tests that post to the collector directly (the reference examples' form).

const generalInfo = (eventName: string, sc = 'CDA68358-94FB-4D83-9655-3FEB3C4114A3') => ({
  eventName,
  siteId: 'DEMO123',
  datetime: Date.now(),
  user_email: 'ann@example.com',
  cookies: { sc },
})

/** A valid StatusCart with two lines under `guid`. */
export function statusCartPayload(guid = '6F9619FF-8B86-D011-B42D-00CF4FC964FF') {
  return {
    GeneralInfo: generalInfo('StatusCart'),
    StatusCart: {
      GUID: guid,
      Products: [
        { productKey: '430738', price: 201.95, quantity: 1, price_currency_code: 'USD' },
        { productKey: '902339', price: 596, quantity: 2, price_currency_code: 'USD' },
      ],
    },
  }
}

/** A valid PurchasedItems joining the cart `guid`. */
export function purchasePayload(guid = '6F9619FF-8B86-D011-B42D-00CF4FC964FF', orderNumber = 'A-1001') {
  return { GeneralInfo: generalInfo('PurchasedItems'), PurchasedItems: { GUID: guid, OrderNumber: orderNumber } }
}

/** A valid CategoryPage. */
export function categoryPagePayload(categoryKey = 'coffee') {
  return { GeneralInfo: generalInfo('CategoryPage'), CategoryPage: { Category: { categoryKey } } }
}

/** Posts one body to the collector as a tracker would; resolves to the HTTP status. */
export async function postEvent(endpoint: string, body: unknown, contentType = 'application/json'): Promise<number> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return response.status
}

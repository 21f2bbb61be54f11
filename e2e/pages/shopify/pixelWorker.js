// The pixel's strict sandbox (a Web Worker, no document): `analytics`, `browser`, `init` and
// `customerPrivacy` as the Web Pixels API gives them, `browser.*` reaching the shop page by message.
importScripts('/dist/es-tracker.shopify.min.js')

let lastCall = 0
const waiting = new Map()
/** Runs a browser.cookie / browser.localStorage method in the shop page; answers a promise, as Shopify's do. */
const inPage =
  (method) =>
  (...args) =>
    new Promise((resolve) => {
      waiting.set(++lastCall, resolve)
      postMessage({ type: 'call', id: lastCall, method, args })
    })

const browser = {
  cookie: { get: inPage('cookie.get'), set: inPage('cookie.set') },
  localStorage: {
    getItem: inPage('localStorage.getItem'),
    setItem: inPage('localStorage.setItem'),
    removeItem: inPage('localStorage.removeItem'),
    key: inPage('localStorage.key'),
    length: inPage('localStorage.length'),
  },
}
const subscribers = new Map()
const consentSubscribers = []
const analytics = {
  subscribe(name, callback) {
    subscribers.set(name, [...(subscribers.get(name) || []), callback])
    return () => true
  },
}
const customerPrivacy = {
  subscribe(name, callback) {
    if (name === 'visitorConsentCollected') consentSubscribers.push(callback)
  },
}
let tracking
let seq = 0

addEventListener('unhandledrejection', (event) => postMessage({ type: 'rejections', message: String(event.reason) }))

addEventListener('message', ({ data }) => {
  switch (data.type) {
    case 'answer':
      waiting.get(data.id)(data.value)
      waiting.delete(data.id)
      break
    case 'start':
      tracking = self.esTrackerShopify.trackShopifyEvents({
        analytics,
        browser,
        init: data.init,
        customerPrivacy,
        // One request at a time: the tests read the collector's arrival order as the order of the events.
        concurrency: 1,
        ...data.options,
        onError: (error) => postMessage({ type: 'reported', message: `${error.code}: ${error.message}` }),
      })
      break
    case 'publish': {
      // Delivered as Shopify delivers a standard event; a callback that throws would reach onerror.
      const event = {
        id: `event-${++seq}`,
        name: data.name,
        data: data.data,
        context: { document: { location: { href: `https://shop.example/${data.name}` }, referrer: '' } },
      }
      for (const callback of subscribers.get(data.name) || []) callback(event)
      break
    }
    case 'consent':
      for (const callback of consentSubscribers)
        callback({ customerPrivacy: { analyticsProcessingAllowed: data.allowed } })
      break
    case 'flush':
      tracking.flush().then(() => postMessage({ type: 'flushed' }))
      break
  }
})

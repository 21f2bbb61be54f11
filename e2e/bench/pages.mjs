// The pages the page benchmarks load (pageTaskTime.mjs, profilePage.mjs), served with the script tag at
// `/es-tracker.min.js` and posting to `/api/v2` on the same origin. Each defines `window.trackOne()`,
// which answers once its event is delivered (or not).

/** Events each page runs before it is measured (JIT, connections). */
export const warmupEvents = 100

/** The product each event carries. */
export const product = { productKey: '72354', price: 754, currency: 'USD', isInStock: true, tags: { color: ['red'] } }
/** What the tracker sends for that call, as an integrator would write it by hand. */
export const wirePayload = {
  GeneralInfo: { eventName: 'ProductPage', siteId: '8A412DC', datetime: 0, cookies: { sc: 'SC' } },
  ProductPage: {
    Product: { productKey: '72354', price: '754', currency: 'USD', isInStock: 1, tags: { color: ['red'] } },
  },
}

/** The pages by name: an empty one (the driver alone), a bare `fetch` one, the script tag's. */
export const pages = {
  empty: `<script>
  window.trackOne = async () => true
</script>`,
  'bare fetch': `<script>
  const payload = ${JSON.stringify(wirePayload)}
  window.trackOne = async () => {
    payload.GeneralInfo.datetime = Date.now()
    const response = await fetch('/api/v2', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      keepalive: true,
    })
    return response.ok
  }
</script>`,
  'script tag': `<script>
  window.esTracker = window.esTracker || function () { (esTracker.q = esTracker.q || []).push(arguments) };
  esTracker('init', { siteId: '8A412DC', endpoint: location.origin + '/api/v2' });
</script>
<script src="/es-tracker.min.js"></script>
<script>
  const product = ${JSON.stringify(product)}
  window.trackOne = async () => (await esTracker('productPage', { product })).ok
</script>`,
}

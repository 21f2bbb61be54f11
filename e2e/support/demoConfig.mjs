/**
 * The `config.js` the demo pages load before anything else: where the collector is, and the mode
 * (`'ga4'`: the shop only pushes GA4 events and the tracker's `dataLayer` option reads them).
 * @param {{ endpoint: string, collectorUrl: string, siteId?: string, mode?: 'direct' | 'ga4' }} config
 * @returns {{ type: string, body: string }}
 */
export function demoConfigScript({ endpoint, collectorUrl, siteId = 'DEMO123', mode = 'direct' }) {
  const config = JSON.stringify({ siteId, endpoint, collectorUrl, mode })
  return { type: 'text/javascript; charset=utf-8', body: `window.ES_DEMO_CONFIG = ${config};\n` }
}

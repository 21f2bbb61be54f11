/**
 * The `config.js` the demo pages load before anything else: where the collector is.
 * @param {{ endpoint: string, collectorUrl: string, siteId?: string }} config
 * @returns {{ type: string, body: string }}
 */
export function demoConfigScript({ endpoint, collectorUrl, siteId = 'DEMO123' }) {
  const config = JSON.stringify({ siteId, endpoint, collectorUrl })
  return { type: 'text/javascript; charset=utf-8', body: `window.ES_DEMO_CONFIG = ${config};\n` }
}

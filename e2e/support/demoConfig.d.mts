/** The `config.js` the demo pages load before anything else: where the collector is, and the demo's mode. */
export function demoConfigScript(config: {
  endpoint: string
  collectorUrl: string
  siteId?: string
  mode?: 'direct' | 'ga4'
}): {
  type: string
  body: string
}

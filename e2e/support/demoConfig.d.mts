/** The `config.js` the demo pages load before anything else: where the collector is. */
export function demoConfigScript(config: { endpoint: string; collectorUrl: string; siteId?: string }): {
  type: string
  body: string
}

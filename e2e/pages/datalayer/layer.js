// The page's own GA4 tagging, before any tracker: the data layer (GTM's, or GTM4WP's custom name),
// `gtag`, and the pushes the server rendered into the page. The test passes them in the query:
// ?layer=<name>&before=[push, ..., { "gtag": [args] }, ...]
;(() => {
  const params = new URLSearchParams(location.search)
  const layerName = params.get('layer') || 'dataLayer'
  window[layerName] = window[layerName] || []
  window.gtag = function gtag() {
    // biome-ignore lint/complexity/noArguments: gtag pushes its arguments object, as Google's snippet does
    window[layerName].push(arguments)
  }
  /** Pushes each entry as the page would: `{ gtag: [...] }` through gtag, anything else by `push`. */
  window.replayPushes = (entries) => {
    for (const entry of entries) {
      if (entry && Array.isArray(entry.gtag)) window.gtag(...entry.gtag)
      else window[layerName].push(entry)
    }
  }
  window.replayPushes(JSON.parse(params.get('before') || '[]'))
  window.trackerErrors = []
  window.reportError = (error) => window.trackerErrors.push({ code: error.code, message: error.message })
})()

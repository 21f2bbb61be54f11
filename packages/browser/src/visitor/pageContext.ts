import type { PageContext } from '@es-tracker/core'

/**
 * Reads the page-context fields of GeneralInfo (`s_location`, `referrer`, `screendim`) from the
 * current document; cheap enough for every event (no layout reads but the screen size).
 */
export const readPageContext = (): PageContext => {
  const context: PageContext = {}
  try {
    // A page always has an address (`about:blank` at least).
    context.s_location = location.href
    if (document.referrer) context.referrer = document.referrer
    const { width: w, height: h } = screen
    if (w > 0 && h > 0) context.screendim = { h, w }
  } catch {
    // No document (a worker), or a sandboxed one refusing some of these: the event goes out without them.
  }
  return context
}

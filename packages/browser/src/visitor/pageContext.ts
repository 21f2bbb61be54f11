import type { PageContext } from '@es-tracker/core'

/**
 * Reads the page-context fields of GeneralInfo (`s_location`, `referrer`, `screendim`) from the
 * current document; cheap enough for every event (no layout reads but the screen size).
 */
export function readPageContext(): PageContext {
  const context: PageContext = {}
  try {
    if (typeof location !== 'undefined' && location.href) context.s_location = location.href
    if (typeof document !== 'undefined' && document.referrer) context.referrer = document.referrer
    if (typeof screen !== 'undefined' && screen.width > 0 && screen.height > 0) {
      context.screendim = { h: screen.height, w: screen.width }
    }
  } catch {
    // Sandboxed documents may refuse some of these; the event goes out without them.
  }
  return context
}

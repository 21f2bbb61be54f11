import type { ConsentState } from './consentGate'

/** A `gtag('consent', ...)` call as it lands in the data layer: its `arguments` (or an array). */
type ConsentCommand = { 0: unknown; 1: unknown; 2: unknown; length: number }

const isConsentCommand = (entry: unknown): entry is ConsentCommand =>
  typeof entry === 'object' && entry !== null && (entry as ConsentCommand)[0] === 'consent'

/**
 * Follows Google Consent Mode v2 in the page's data layer and reports the tracker's consent state:
 * `analytics_storage` decides. A `gtag('consent', 'update', ...)` is the visitor's decision
 * (`granted` or `denied`); a `'default'` of `granted` grants, while a `'default'` of `denied` is the
 * state before the visitor chose (CMPs start from it), so events wait. Commands pushed before the
 * tracker started are read first, then every later push as it happens (the data layer's `push` is
 * wrapped, keeping whatever push was there: GTM's, a bridge's).
 */
export function followGoogleConsentMode(page: Record<string, unknown>, report: (state: ConsentState) => void): void {
  let byDefault: unknown
  let decided: unknown
  const read = (entry: unknown): void => {
    try {
      if (!isConsentCommand(entry)) return
      const analytics = (entry[2] as { analytics_storage?: unknown } | null | undefined)?.analytics_storage
      if (analytics !== 'granted' && analytics !== 'denied') return
      if (entry[1] === 'update') decided = analytics
      else if (entry[1] === 'default') byDefault = analytics
      else return
      report(
        decided === 'granted' || (decided === undefined && byDefault === 'granted')
          ? 'granted'
          : decided === 'denied'
            ? 'denied'
            : 'pending',
      )
    } catch {
      // A hostile entry (a throwing getter) is not a consent command.
    }
  }
  // The gtag snippet creates the data layer the same way, so a later snippet keeps this one.
  page.dataLayer ??= []
  const layer = page.dataLayer as unknown[]
  if (!Array.isArray(layer)) return
  for (const entry of layer) read(entry)
  const push = layer.push
  layer.push = function pushAndRead(this: unknown[], ...entries: unknown[]): number {
    const length = push.apply(this, entries)
    for (const entry of entries) read(entry)
    return length
  }
}

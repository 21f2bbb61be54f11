import { renderCartJourney } from './cartJourney'
import { renderEventCard } from './eventCard'
import { describeVisitor, summarizeEvent } from './eventSummary'
import { renderJsonView } from './jsonView'
import { livePageMain } from './pageScript'
import { pageStyles } from './pageStyles'

// The page's functions are shipped as their own source text, so the page needs no build step and
// loads nothing from elsewhere.
const pageScript = `(${livePageMain.toString()})({
  renderJsonView: ${renderJsonView.toString()},
  renderCartJourney: ${renderCartJourney.toString()},
  summarizeEvent: ${summarizeEvent.toString()},
  describeVisitor: ${describeVisitor.toString()},
  renderEventCard: ${renderEventCard.toString()},
})`

/** Returns the live page's HTML; its inline style and script carry `nonce` (allowed by the page's CSP). */
export function renderLivePage(nonce: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>es-tracker collector</title>
<style nonce="${nonce}">${pageStyles}</style>
</head>
<body>
<header class="top">
  <div class="brand"><span id="dot" class="dot" aria-hidden="true">&#9679;</span>es-tracker collector</div>
  <div class="endpoint">endpoint <code id="endpoint"></code></div>
  <div id="status" class="status">connecting&hellip;</div>
</header>
<nav class="toolbar">
  <div class="counts"><b id="count-all">0</b> events &middot; <span class="ok"><b id="count-valid">0</b> valid</span>
    &middot; <span class="bad"><b id="count-invalid">0</b> invalid</span>
    &middot; <span class="warn"><b id="count-notes">0</b> with notes</span></div>
  <div class="filters">
    <button type="button" data-filter="all" class="active">All</button>
    <button type="button" data-filter="valid">Valid</button>
    <button type="button" data-filter="invalid">Invalid</button>
    <button type="button" data-filter="notes">Notes</button>
    <button type="button" data-filter="failed">Faults</button>
  </div>
  <select id="event-filter" aria-label="Event name"><option value="">Every event name</option></select>
  <label class="toggle"><input type="checkbox" id="show-payloads" checked> Payloads</label>
  <button type="button" id="clear" class="clear">Clear</button>
</nav>
<main class="layout">
  <section aria-label="Events">
    <div id="empty" class="empty">
      <p><b>No events yet.</b> Point a tracker at the endpoint above (this collector, not the shop's own
        origin); each event shows up here as it arrives.</p>
      <pre id="hint"></pre>
    </div>
    <p id="no-match" class="no-match" hidden>No events match this filter.</p>
    <div id="list"></div>
  </section>
  <aside class="journey" aria-label="Cart journey">
    <h2>Cart journey</h2>
    <div id="journey"></div>
  </aside>
</main>
<script nonce="${nonce}">${pageScript}</script>
</body>
</html>
`
}

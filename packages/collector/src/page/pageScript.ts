// Runs in the live page (shipped as source text): no module-scope references; its helpers come in
// as arguments. Payloads are untrusted: every value goes into the page through textContent.
import type { CollectedEvent } from '../types'
import type { renderCartJourney } from './cartJourney'
import type { renderEventCard } from './eventCard'
import type { describeVisitor, summarizeEvent } from './eventSummary'
import type { renderJsonView } from './jsonView'

/** The page's helpers, shipped beside the main function. */
export interface PageHelpers {
  renderJsonView: typeof renderJsonView
  renderCartJourney: typeof renderCartJourney
  summarizeEvent: typeof summarizeEvent
  describeVisitor: typeof describeVisitor
  renderEventCard: typeof renderEventCard
}

/** The live page's main function: loads the events, follows the stream (or polls), renders. */
export function livePageMain(helpers: PageHelpers): void {
  const POLL_MS = 1000
  const MAX_CARDS = 500
  const byId = (id: string): HTMLElement => document.getElementById(id) as HTMLElement
  const el = (tag: string, className: string, text?: string): HTMLElement => {
    const node = document.createElement(tag)
    if (className) node.className = className
    if (text !== undefined) node.textContent = text
    return node
  }
  const events = new Map<number, CollectedEvent>()
  let lastId = 0
  let filter = 'all'
  let nameFilter = ''
  let pollTimer: number | undefined
  let reachable = true
  let stream: EventSource | undefined
  const list = byId('list')
  const nameSelect = byId('event-filter') as HTMLSelectElement
  const showPayloads = byId('show-payloads') as HTMLInputElement
  const endpoint = `${location.origin}/api/v2`
  byId('endpoint').textContent = endpoint
  // The collector's own address, spelt out: `location.origin` pasted into the shop would be the shop's.
  byId('hint').textContent = `esTracker('init', { siteId: 'DEMO123', endpoint: '${endpoint}', debug: true })`

  const setStatus = (state: 'live' | 'polling' | 'offline', text: string): void => {
    const status = byId('status')
    status.className = `status ${state}`
    status.textContent = text
    byId('dot').className = `dot ${state}`
  }
  const shows = (event: CollectedEvent): boolean => {
    if (nameFilter && event.eventName !== nameFilter) return false
    if (filter === 'valid') return event.valid && !event.failedByFault
    if (filter === 'invalid') return !event.valid
    if (filter === 'notes') return event.notes.length > 0
    if (filter === 'failed') return event.failedByFault === true
    return true
  }
  const card = (event: CollectedEvent): HTMLElement => {
    const open = showPayloads.checked || !event.valid || event.notes.length > 0
    const article = helpers.renderEventCard(event, helpers, open)
    article.hidden = !shows(event)
    return article
  }

  const refresh = (): void => {
    const all = [...events.values()]
    byId('count-all').textContent = String(all.length)
    byId('count-valid').textContent = String(all.filter((event) => event.valid && !event.failedByFault).length)
    byId('count-invalid').textContent = String(all.filter((event) => !event.valid).length)
    byId('count-notes').textContent = String(all.filter((event) => event.notes.length > 0).length)
    byId('empty').hidden = all.length > 0
    showNoMatch()
    byId('journey').replaceChildren(helpers.renderCartJourney(all, helpers.summarizeEvent))
    const names = [...new Set(all.map((event) => event.eventName).filter((name): name is string => !!name))].sort()
    const known = [...nameSelect.options].map((option) => option.value)
    for (const name of names) {
      if (known.includes(name)) continue
      const option = el('option', '', name) as HTMLOptionElement
      option.value = name
      nameSelect.append(option)
    }
  }
  // Bursts (a load test, a replayed queue) arrive one event at a time: redraw counts and journey once per burst.
  let refreshTimer: number | undefined
  const scheduleRefresh = (): void => {
    if (refreshTimer !== undefined) return
    refreshTimer = window.setTimeout(() => {
      refreshTimer = undefined
      refresh()
    }, 50)
  }
  const add = (incoming: CollectedEvent[]): void => {
    for (const event of incoming.slice(-MAX_CARDS)) {
      if (events.has(event.id)) continue
      events.set(event.id, event)
      lastId = Math.max(lastId, event.id)
      list.prepend(card(event))
    }
    while (list.children.length > MAX_CARDS) {
      const oldest = list.lastElementChild as HTMLElement
      events.delete(Number(oldest.dataset.eventId))
      oldest.remove()
    }
    if (incoming.length > 0) scheduleRefresh()
  }
  const reset = (): void => {
    events.clear()
    list.replaceChildren()
    refresh()
  }
  const catchUp = async (): Promise<void> => {
    try {
      const response = await fetch(`/events?includeFailed=1&after=${lastId}`, { cache: 'no-store' })
      add((await response.json()) as CollectedEvent[])
      reachable = true
      if (!(window.EventSource && stream?.readyState === EventSource.OPEN)) setStatus('polling', 'polling')
    } catch {
      reachable = false
      setStatus('offline', 'collector stopped or unreachable')
    }
  }
  const startPolling = (): void => {
    if (pollTimer === undefined) pollTimer = window.setInterval(catchUp, POLL_MS)
  }
  const stopPolling = (): void => {
    window.clearInterval(pollTimer)
    pollTimer = undefined
  }

  if (window.EventSource) {
    stream = new EventSource('/events/stream')
    stream.addEventListener('open', () => {
      stopPolling()
      setStatus('live', 'live')
      void catchUp()
    })
    stream.addEventListener('collected', (message) => add([JSON.parse((message as MessageEvent<string>).data)]))
    stream.addEventListener('cleared', reset)
    stream.addEventListener('error', () => {
      // The stream retries every second; a collector known to be down stays shown as down.
      if (reachable) setStatus('polling', 'reconnecting… (polling)')
      startPolling()
    })
  } else {
    startPolling()
  }
  void catchUp()

  function showNoMatch(): void {
    byId('no-match').hidden = events.size === 0 || [...list.children].some((node) => !(node as HTMLElement).hidden)
  }
  const applyFilter = (): void => {
    for (const node of list.children) {
      const event = events.get(Number((node as HTMLElement).dataset.eventId))
      if (event) (node as HTMLElement).hidden = !shows(event)
    }
    showNoMatch()
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-filter]')) {
    button.addEventListener('click', () => {
      filter = button.dataset.filter ?? 'all'
      for (const other of document.querySelectorAll('[data-filter]')) other.classList.toggle('active', other === button)
      applyFilter()
    })
  }
  showPayloads.addEventListener('change', () => {
    for (const details of list.querySelectorAll('details')) details.open = showPayloads.checked
  })
  nameSelect.addEventListener('change', () => {
    nameFilter = nameSelect.value
    applyFilter()
  })
  byId('clear').addEventListener('click', () => {
    void fetch('/events', { method: 'DELETE' }).then(reset)
  })
}

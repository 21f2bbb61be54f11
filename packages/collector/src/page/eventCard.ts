// Runs in the live page (shipped as source text): no module-scope references. Untrusted values go
// in through textContent only.
import type { CollectedEvent } from '../types'
import type { describeVisitor, summarizeEvent } from './eventSummary'
import type { renderJsonView } from './jsonView'

/** What a card needs from the page's other helpers. */
export interface CardHelpers {
  renderJsonView: typeof renderJsonView
  summarizeEvent: typeof summarizeEvent
  describeVisitor: typeof describeVisitor
}

/**
 * Renders one received request as a card: name, verdict, time, a one-line summary, its issues and
 * notes, and the payload with each issue and note beside its field.
 */
export function renderEventCard(event: CollectedEvent, helpers: CardHelpers, openPayload: boolean): HTMLElement {
  const el = (tag: string, className: string, text?: string): HTMLElement => {
    const node = document.createElement(tag)
    if (className) node.className = className
    if (text !== undefined) node.textContent = text
    return node
  }
  const time = (ms: number): string => {
    const date = new Date(ms)
    return `${date.toLocaleTimeString([], { hour12: false })}.${String(date.getMilliseconds()).padStart(3, '0')}`
  }

  const state = event.failedByFault ? 'faulted' : event.valid ? 'valid' : 'invalid'
  const article = el('article', `card ${state}`)
  article.id = `event-${event.id}`
  article.dataset.eventId = String(event.id)
  article.dataset.valid = String(event.valid)
  const head = el('header', 'card-head')
  head.append(el('span', 'event-name', event.eventName ?? '(no event name)'))
  head.append(el('span', `pill ${event.valid ? 'ok' : 'bad'}`, event.valid ? 'valid' : 'invalid'))
  if (event.failedByFault) head.append(el('span', 'pill fault', 'failed by injected fault'))
  if (event.notes.length > 0) head.append(el('span', 'pill warn', `${event.notes.length} note(s)`))
  const meta = [`#${event.id}`, time(event.receivedAt), event.contentType || 'no content type']
  if (event.authorization) meta.push('with Authorization')
  head.append(el('span', 'meta', meta.join(' · ')))
  article.append(head)
  const summary = el('p', 'summary', helpers.summarizeEvent(event))
  const visitor = helpers.describeVisitor(event)
  if (visitor) summary.append(el('span', 'visitor', visitor))
  article.append(summary)
  const messageList = (className: string, title: string, items: { path: string; message: string }[]) => {
    const box = el('div', className)
    box.append(el('h4', '', title))
    const ul = el('ul', '')
    for (const item of items) {
      const li = el('li', '')
      li.append(el('code', '', item.path || '(body)'), el('span', '', ` ${item.message}`))
      ul.append(li)
    }
    box.append(ul)
    return box
  }
  const notes = event.notes.map((note) => {
    const cut = note.indexOf(': ')
    return cut < 0 ? { path: '', message: note } : { path: note.slice(0, cut), message: note.slice(cut + 2) }
  })
  if (event.issues.length > 0) article.append(messageList('issues', 'Issues', event.issues))
  if (notes.length > 0) article.append(messageList('notes', 'Accepted, but not the reference wire form', notes))
  const details = el('details', 'payload') as HTMLDetailsElement
  details.open = openPayload
  details.append(el('summary', '', event.payload === undefined ? 'Raw body' : 'Payload'))
  if (event.payload !== undefined) {
    const annotations = [
      ...event.issues.map((issue) => ({
        path: issue.path,
        message: issue.message,
        kind: 'issue' as const,
      })),
      ...notes.map((note) => ({ ...note, kind: 'note' as const })),
    ]
    details.append(helpers.renderJsonView(event.payload, annotations))
  } else {
    details.append(el('pre', 'raw', event.raw ?? '(not kept)'))
  }
  article.append(details)
  return article
}

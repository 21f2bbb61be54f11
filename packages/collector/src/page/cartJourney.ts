// Runs in the live page (shipped as source text): no module-scope references.
import type { CollectedEvent } from '../types'

/**
 * Renders the cart journey: per visitor (`sc`), the accepted StatusCart and PurchasedItems events
 * grouped by GUID in order, marking purchases that join no cart or an empty one.
 */
export function renderCartJourney(
  events: CollectedEvent[],
  summarize: (event: CollectedEvent, withGuid: boolean) => string,
): HTMLElement {
  type Json = Record<string, unknown>
  type Group = { guid: string | undefined; carts: CollectedEvent[]; purchases: CollectedEvent[] }
  const el = (tag: string, className: string, text?: string): HTMLElement => {
    const node = document.createElement(tag)
    if (className) node.className = className
    if (text !== undefined) node.textContent = text
    return node
  }
  const field = (value: unknown, key: string): unknown =>
    typeof value === 'object' && value !== null ? (value as Json)[key] : undefined
  const body = (event: CollectedEvent): unknown => field(event.payload, event.eventName ?? '')

  const visitors = new Map<string, Group[]>()
  for (const event of events) {
    if (!event.valid || event.failedByFault) continue
    if (event.eventName !== 'StatusCart' && event.eventName !== 'PurchasedItems') continue
    const sc = String(field(field(field(event.payload, 'GeneralInfo'), 'cookies'), 'sc') ?? 'unknown')
    const groups = visitors.get(sc) ?? []
    visitors.set(sc, groups)
    const guidValue = field(body(event), 'GUID')
    const guid = typeof guidValue === 'string' ? guidValue : undefined
    let group = guid === undefined ? undefined : groups.find((candidate) => candidate.guid === guid)
    if (!group) {
      group = { guid, carts: [], purchases: [] }
      groups.push(group)
    }
    if (event.eventName === 'StatusCart') group.carts.push(event)
    else group.purchases.push(event)
  }

  const root = el('div', 'journey-body')
  if (visitors.size === 0) {
    root.append(el('p', 'muted', 'Cart changes and purchases appear here, grouped by cart GUID.'))
    return root
  }
  const row = (event: CollectedEvent, className: string, label: string): HTMLElement => {
    const item = el('li', className)
    const link = el('a', 'event-link', `#${event.id}`) as HTMLAnchorElement
    link.href = `#event-${event.id}`
    item.append(link, el('span', 'row-label', label), el('span', 'row-text', summarize(event, false)))
    return item
  }
  for (const [sc, groups] of visitors) {
    const visitor = el('section', 'visitor')
    visitor.append(el('h3', '', `Visitor sc ${sc.slice(0, 8)}…`))
    for (const group of groups) {
      const box = el('div', 'guid-group')
      const head = el('div', 'guid-head')
      head.append(el('code', '', group.guid ?? 'no GUID (one-click)'))
      const list = el('ul', 'guid-rows')
      for (const cart of group.carts) {
        const empty = (field(body(cart), 'Products') as unknown[] | undefined)?.length === 0
        list.append(row(cart, empty ? 'cart cart-empty' : 'cart', empty ? 'empty cart' : 'cart'))
      }
      const hasItems = group.carts.some((cart) => (field(body(cart), 'Products') as unknown[] | undefined)?.length)
      for (const purchase of group.purchases) {
        let verdict = 'joins this cart'
        let className = 'purchase joined'
        if (group.guid === undefined) verdict = 'one-click order'
        else if (group.carts.length === 0) [verdict, className] = ['no cart with this GUID was seen', 'purchase orphan']
        else if (!hasItems) [verdict, className] = ['joins an EMPTY cart', 'purchase orphan']
        list.append(row(purchase, className, `order, ${verdict}`))
      }
      if (group.purchases.length > 0) box.classList.add('purchased')
      if (group.carts.length > 1) head.append(el('span', 'pill warn', `GUID reused by ${group.carts.length} carts`))
      if (group.purchases.length > 0) head.append(el('span', 'pill ok', 'purchased'))
      box.append(head, list)
      visitor.append(box)
    }
    root.append(visitor)
  }
  return root
}

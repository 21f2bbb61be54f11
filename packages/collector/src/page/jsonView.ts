// Runs in the live page, not in Node: the function is shipped as its own source text, so it must
// not use anything from module scope. Payloads are untrusted: text goes in through textContent only.

/** A message to show beside the line of one wire path. */
export interface PathAnnotation {
  path: string
  message: string
  kind: 'issue' | 'note'
}

/**
 * Renders a JSON value as pretty-printed lines, with each annotation shown beside the line of its
 * wire path (or of the nearest enclosing line when the field is missing).
 */
export function renderJsonView(value: unknown, annotations: PathAnnotation[]): HTMLElement {
  const root = document.createElement('div')
  root.className = 'json'
  const lines = new Map<string, HTMLElement>()

  const span = (className: string, text: string): HTMLElement => {
    const node = document.createElement('span')
    node.className = className
    node.textContent = text
    return node
  }
  const line = (path: string, depth: number, parts: Node[]): void => {
    const row = document.createElement('div')
    row.className = 'line'
    row.style.paddingLeft = `${depth * 2}ch`
    for (const part of parts) row.append(part)
    root.append(row)
    if (!lines.has(path)) lines.set(path, row)
  }
  const scalar = (item: unknown, key?: string | number): HTMLElement => {
    if (typeof item === 'string') return span('str', JSON.stringify(item))
    if (typeof item === 'number' && key === 'datetime' && Number.isFinite(new Date(item).getTime())) {
      // An event time in ms since epoch reads better as a time.
      const number = span('num', String(item))
      number.append(span('time', ` ${new Date(item).toLocaleString([], { hour12: false })}`))
      return number
    }
    if (typeof item === 'number') return span('num', String(item))
    if (typeof item === 'boolean') return span('bool', String(item))
    return span('null', 'null')
  }
  const childPath = (parent: string, key: string | number): string =>
    typeof key === 'number' ? `${parent}[${key}]` : parent === '' ? key : `${parent}.${key}`

  const walk = (
    item: unknown,
    path: string,
    depth: number,
    label: Node[],
    comma: boolean,
    key?: string | number,
  ): void => {
    const tail = comma ? [document.createTextNode(',')] : []
    const isArray = Array.isArray(item)
    if (typeof item !== 'object' || item === null) {
      line(path, depth, [...label, scalar(item, key), ...tail])
      return
    }
    // The collector keeps 64 levels at most; a page must not recurse on whatever else comes.
    if (depth >= 100) {
      line(path, depth, [...label, span('punct', '…'), ...tail])
      return
    }
    const entries: [string | number, unknown][] = isArray
      ? item.map((child, index) => [index, child] as [number, unknown])
      : Object.entries(item)
    const [open, close] = isArray ? ['[', ']'] : ['{', '}']
    if (entries.length === 0) {
      line(path, depth, [...label, span('punct', open + close), ...tail])
      return
    }
    // Short lists of scalars (tags, category ids, an sc cookie) read better on one line.
    const flat = entries.every(([, child]) => typeof child !== 'object' || child === null)
    const annotatedInside = annotations.some(
      (annotation) => path === '' || annotation.path.startsWith(`${path}.`) || annotation.path.startsWith(`${path}[`),
    )
    if (flat && !annotatedInside && JSON.stringify(item).length <= 72) {
      const parts: Node[] = [span('punct', isArray ? '[' : '{ ')]
      entries.forEach(([key, child], index) => {
        if (index > 0) parts.push(span('punct', ', '))
        if (typeof key === 'string') parts.push(span('key', JSON.stringify(key)), document.createTextNode(': '))
        parts.push(scalar(child, key))
      })
      parts.push(span('punct', isArray ? ']' : ' }'))
      line(path, depth, [...label, ...parts, ...tail])
      return
    }
    line(path, depth, [...label, span('punct', open)])
    entries.forEach(([key, child], index) => {
      const childLabel =
        typeof key === 'number' ? [] : [span('key', JSON.stringify(key)), document.createTextNode(': ')]
      walk(child, childPath(path, key), depth + 1, childLabel, index < entries.length - 1, key)
    })
    line(`${path}\u0000end`, depth, [span('punct', close), ...tail])
  }
  walk(value, '', 0, [], false)

  // A missing field has no line of its own: show its message on the nearest enclosing one.
  const lineFor = (path: string): HTMLElement | undefined => {
    let current = path
    for (;;) {
      const found = lines.get(current)
      if (found || current === '') return found
      const cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['))
      current = cut > 0 ? current.slice(0, cut) : ''
    }
  }
  for (const annotation of annotations) {
    const row = lineFor(annotation.path)
    if (!row) continue
    row.classList.add(`has-${annotation.kind}`)
    const exact = lines.get(annotation.path) === row
    const text = exact ? annotation.message : `${annotation.path}: ${annotation.message}`
    row.append(span(`flag ${annotation.kind}`, text))
  }
  return root
}

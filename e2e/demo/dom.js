// A tiny element builder: text always goes in as text, never as markup.

/**
 * Creates an element. `props`: `class`, `text`, `on<Event>` handlers, `data-*`/`aria-*` and other attributes.
 * @param {string} tag
 * @param {Record<string, unknown>} [props]
 * @param {...(Node | string | null | undefined | false)} children
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue
    if (name === 'class') element.className = String(value)
    else if (name === 'text') element.textContent = String(value)
    else if (name.startsWith('on') && typeof value === 'function')
      element.addEventListener(name.slice(2).toLowerCase(), value)
    else if (name === 'style') for (const [key, v] of Object.entries(value)) element.style.setProperty(key, String(v))
    else element.setAttribute(name, value === true ? '' : String(value))
  }
  for (const child of children) if (child || child === 0) element.append(child)
  return element
}

/** The query-string parameter `name` of the current page. */
export const param = (name) => new URLSearchParams(location.search).get(name)

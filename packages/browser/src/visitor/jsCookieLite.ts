// The part of js-cookie that the `sc` source uses, on `document.cookie`. The script-tag build puts it
// in js-cookie's place (rollup.config.mjs, scriptTagBuild): js-cookie costs about 540 B gzip there
// for converters, attribute merging and removal the tracker never uses.
/**
 * Reads a cookie like `Cookies.get(name)`: the first cookie of that name whose name and value decode
 * (surrounding quotes dropped, `%XX` runs decoded), or `undefined`.
 */
function get(name: string): string | undefined {
  // No cookies: one empty part, which names no cookie.
  for (const cookie of document.cookie.split('; ')) {
    const [key = '', ...rest] = cookie.split('=')
    try {
      if (decodeURIComponent(key) !== name) continue
      const value = rest.join('=')
      return (value[0] === '"' ? value.slice(1, -1) : value).replace(/(%[\dA-F]{2})+/gi, decodeURIComponent)
    } catch {
      // A cookie that does not decode is skipped, as js-cookie does.
    }
  }
  return undefined
}

/** The attributes the `sc` source writes (js-cookie takes more). */
interface LiteAttributes {
  /** Days from now. */
  expires: number
  /** @default '/' */
  path?: string
  sameSite: string
  secure: boolean
}

/**
 * Writes a cookie like `Cookies.set(name, value, attributes)`. Name and value are URI-encoded: for
 * the tracker's own (letters, digits and `-`) the cookie is exactly the one js-cookie writes.
 */
function set(name: string, value: string, attributes: LiteAttributes): void {
  let cookie = `${encodeURIComponent(name)}=${encodeURIComponent(value)}`
  // js-cookie's order: its default `path` first.
  const all = { path: '/', ...attributes, expires: new Date(Date.now() + attributes.expires * 864e5).toUTCString() }
  for (const [key, given] of Object.entries(all)) if (given) cookie += `; ${key}${given === true ? '' : `=${given}`}`
  // biome-ignore lint/suspicious/noDocumentCookie: this is the one place the script tag writes a cookie, as js-cookie would.
  document.cookie = cookie
}

export default { get, set }

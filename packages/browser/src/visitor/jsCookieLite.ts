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
    // The name, and the value after the first "=" ('' when there is none).
    const [key, value = ''] = cookie.split(/=(.*)/)
    try {
      if (decodeURIComponent(key as string) === name) {
        return (value[0] === '"' ? value.slice(1, -1) : value).replace(/(%[\dA-F]{2})+/gi, decodeURIComponent)
      }
    } catch {
      // A cookie that does not decode is skipped, as js-cookie does.
    }
  }
}

/** The attributes the `sc` source writes (js-cookie takes more). */
interface LiteAttributes {
  /** Days from now. */
  expires: number
  path: string
  sameSite: string
  secure: boolean
}

/**
 * Writes a cookie like `Cookies.set(name, value, attributes)`, in js-cookie's attribute order. The
 * value is URI-encoded and the name taken as it is: for the tracker's own (`sc`, a UUID) the cookie
 * is exactly the one js-cookie writes.
 */
function set(name: string, value: string, { expires, path, sameSite, secure }: LiteAttributes): void {
  // biome-ignore lint/suspicious/noDocumentCookie: this is the one place the script tag writes a cookie, as js-cookie would.
  document.cookie = `${name}=${encodeURIComponent(value)}; path=${path}; expires=${new Date(Date.now() + expires * 864e5).toUTCString()}; sameSite=${sameSite}${secure ? '; secure' : ''}`
}

export default { get, set }

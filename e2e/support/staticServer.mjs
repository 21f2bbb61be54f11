// A small static file server for the e2e suite and the demo (plain JS so that `node` runs it as is).
import { readFile, stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join, resolve, sep } from 'node:path'

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
}

/** Resolves `relative` inside `dir`, or returns undefined when it would leave it. */
function inside(dir, relative) {
  const root = resolve(dir)
  const file = resolve(root, `.${sep}${relative}`)
  return file === root || file.startsWith(root + sep) ? file : undefined
}

/**
 * Starts a static server on `host:port`.
 * @param {import('./staticServer.d.mts').StaticServerOptions} options
 * @returns {Promise<import('./staticServer.d.mts').StaticServer>}
 */
export async function startStaticServer({ mounts, routes = {}, handlers = {}, port = 0, host = '127.0.0.1' }) {
  /** @type {Map<string, Record<string, string>>} */
  const extraHeaders = new Map()
  const dynamic = new Map(Object.entries(routes))
  // Longest prefix first, so that `/dist/` wins over `/`.
  const sortedMounts = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length)

  const headersFor = (path) => {
    const headers = { 'Cache-Control': 'no-store' }
    for (const [prefix, values] of extraHeaders) if (path.startsWith(prefix)) Object.assign(headers, values)
    return headers
  }
  const send = (response, status, headers, body) => {
    response.writeHead(status, headers)
    response.end(body)
  }

  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://static.invalid')
      const path = decodeURIComponent(url.pathname)
      const handler = handlers[path]
      if (handler) return handler(request, response)
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return send(response, 405, { Allow: 'GET, HEAD' }, 'method not allowed')
      }
      const route = dynamic.get(path)
      if (route) {
        const { type, body } = route()
        return send(response, 200, { ...headersFor(path), 'Content-Type': type }, body)
      }
      const mount = sortedMounts.find((candidate) => path.startsWith(candidate.prefix))
      let file = mount && inside(mount.dir, path.slice(mount.prefix.length))
      if (file && (await stat(file).catch(() => undefined))?.isDirectory()) file = join(file, 'index.html')
      const body = file && (await readFile(file).catch(() => undefined))
      if (!body) return send(response, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, `not found: ${path}`)
      const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream'
      send(response, 200, { ...headersFor(path), 'Content-Type': type }, request.method === 'HEAD' ? undefined : body)
    } catch (error) {
      send(response, 500, { 'Content-Type': 'text/plain; charset=utf-8' }, String(error))
    }
  })
  await new Promise((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolveListen(undefined))
  })
  const address = /** @type {import('node:net').AddressInfo} */ (server.address())
  const origin = `http://${host}:${address.port}`
  return {
    origin,
    port: address.port,
    url: (path = '/') => new URL(path, origin).href,
    setHeaders(pathPrefix, headers) {
      extraHeaders.set(pathPrefix, headers)
    },
    clearHeaders() {
      extraHeaders.clear()
    },
    route(path, handler) {
      dynamic.set(path, handler)
    },
    close: () =>
      new Promise((resolveClose) => {
        server.close(() => resolveClose(undefined))
        server.closeAllConnections()
      }),
  }
}

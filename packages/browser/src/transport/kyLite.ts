// The subset of ky that the browser transport uses, on plain fetch. The script-tag build puts it in
// ky's place (rollup.config.mjs, scriptTagBuild) because ky costs about 4.3 KB gzip there, a third
// of the bundle budget, for retries, hooks and parsing the transport turns off anyway.

/** The ky options the browser transport passes; the others are not supported. */
export interface KyLiteOptions {
  body: string
  headers: Record<string, string>
  keepalive: boolean
  /** kyLite never retries; ky is told so. */
  retry?: 0
  /** kyLite resolves whatever the status; ky is told so. */
  throwHttpErrors?: false
  timeout: number
  credentials: RequestCredentials
}

/**
 * Posts like `ky.post(url, options)` with `retry: 0` and `throwHttpErrors: false`: resolves with the
 * response whatever its status, rejects on a network error or with a `TimeoutError` after `timeout` ms.
 */
const post = (url: string, options: KyLiteOptions): Promise<Response> => {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), options.timeout)
  // The options are fetch's own but `timeout`, which a Request ignores.
  return fetch(url, { ...options, method: 'POST', signal: controller.signal })
    .catch((error) => {
      // Named like ky's TimeoutError, so that the transport reads a timeout the same way from both.
      throw controller.signal.aborted ? new DOMException(`Request timed out: POST ${url}`, 'TimeoutError') : error
    })
    .finally(() => clearTimeout(timer))
}

export default { post }

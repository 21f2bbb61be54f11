// The subset of ky that the browser transport uses, on plain fetch. The script-tag build puts it in
// ky's place (rollup.config.mjs, scriptTagBuild) because ky costs about 4.3 KB gzip there, a third
// of the bundle budget, for retries, hooks and parsing the transport turns off anyway.

/** The ky options the browser transport passes; the others are not supported. */
export interface KyLiteOptions {
  body: string
  headers: Record<string, string>
  keepalive: boolean
  retry: 0
  throwHttpErrors: false
  timeout: number
  credentials: RequestCredentials
  fetch?: typeof fetch
}

/** An error named like ky's, so the transport reads a timeout the same way from both. */
class TimeoutError extends Error {
  override readonly name = 'TimeoutError'
}

/**
 * Posts like `ky.post(url, options)` with `retry: 0` and `throwHttpErrors: false`: resolves with the
 * response whatever its status, rejects on a network error or with a `TimeoutError` after `timeout` ms.
 */
async function post(url: string, options: KyLiteOptions): Promise<Response> {
  const controller = new AbortController()
  const { body, headers, keepalive, credentials } = options
  let timer: ReturnType<typeof setTimeout> | undefined
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      controller.abort()
      reject(new TimeoutError(`Request timed out: POST ${url}`))
    }, options.timeout)
  })
  try {
    const fetchFunction = options.fetch ?? fetch
    return await Promise.race([
      fetchFunction(url, { method: 'POST', body, headers, keepalive, credentials, signal: controller.signal }),
      timedOut,
    ])
  } finally {
    clearTimeout(timer)
  }
}

export default { post }

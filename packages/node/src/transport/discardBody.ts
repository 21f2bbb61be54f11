/**
 * How long what is left of a response body may take after its status came. The tracker API's answers
 * are empty or a few bytes: a body not done by then is stalled, and its connection is closed.
 */
export const bodyGraceMs = 1000

/**
 * Reads and drops what is left of a response in the background, so that undici can reuse the
 * connection (keep-alive); the status is the answer and nobody waits for this. A body that has not
 * ended {@link bodyGraceMs} after the status (a server that stalls mid-body) is cancelled, which
 * closes its connection: a stalled body neither holds a delivery slot nor keeps the process alive
 * after `close()`.
 */
export function discardBody(response: Response): void {
  if (response.body === null || response.bodyUsed) return
  const reader = response.body.getReader()
  const giveUp = setTimeout(() => {
    reader.cancel().catch(() => {})
  }, bodyGraceMs)
  const readToEnd = (): Promise<void> => reader.read().then(({ done }) => (done ? undefined : readToEnd()))
  readToEnd()
    .catch(() => {})
    .finally(() => clearTimeout(giveUp))
}

/**
 * Reads what is left of a response so that undici can reuse the connection (keep-alive), but never
 * waits for it longer than `ms`: a server that stalls mid-body must not hold a delivery slot. A body
 * given up on is left to undici, whose own body timeout closes that connection eventually.
 */
export async function discardBody(response: Response, ms: number): Promise<void> {
  if (response.body === null || response.bodyUsed) return
  let timer: ReturnType<typeof setTimeout> | undefined
  const read = response.arrayBuffer().then(
    () => undefined,
    () => undefined,
  )
  const gaveUp = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms)
  })
  await Promise.race([read, gaveUp])
  clearTimeout(timer)
}

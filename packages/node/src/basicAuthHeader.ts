/**
 * The `Authorization` value for HTTP Basic auth with an empty user name and the API key as the
 * password, as the vendor's own server plugins send it: `Basic base64(':' + apiKey)`.
 *
 * Uses `btoa` over UTF-8 bytes rather than `Buffer`, so that edge runtimes work too.
 *
 * @example
 * basicAuthHeader('secret') // 'Basic OnNlY3JldA=='
 */
export function basicAuthHeader(apiKey: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(`:${apiKey}`)) binary += String.fromCharCode(byte)
  return `Basic ${btoa(binary)}`
}

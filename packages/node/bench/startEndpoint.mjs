// Starts bench/endpoint.mjs in a child process and gives a small handle on it.
import { fork } from 'node:child_process'

/**
 * Forks the endpoint; resolves with its URL, a `count()` of requests received and `stop()`. With
 * `tls` (paths of a key and a certificate file) it answers over HTTPS.
 */
export async function startEndpoint({ delayMs = 0, tls } = {}) {
  const args = ['--delay', String(delayMs), ...(tls ? ['--tls', tls.keyFile, tls.certFile] : [])]
  const child = fork(new URL('./endpoint.mjs', import.meta.url), args, { stdio: 'inherit' })
  const url = await new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('message', (message) => resolve(message.url))
  })
  return {
    url,
    count: () =>
      new Promise((resolve) => {
        child.once('message', (message) => resolve(message.received))
        child.send('count')
      }),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve)
        child.send('stop')
      }),
  }
}

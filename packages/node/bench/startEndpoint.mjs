// Starts bench/endpoint.mjs in a child process and gives a small handle on it.
import { fork } from 'node:child_process'

/** Forks the endpoint; resolves with its URL, a `count()` of requests received and `stop()`. */
export async function startEndpoint({ delayMs = 0 } = {}) {
  const child = fork(new URL('./endpoint.mjs', import.meta.url), ['--delay', String(delayMs)], { stdio: 'inherit' })
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

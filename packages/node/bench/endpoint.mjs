// A local tracker endpoint for the benchmarks, run in its own process (fork) so that it does not
// share a core with the client being measured. Answers 204 after `--delay` ms; reports counts over IPC.
// With `--tls <key file> <certificate file>` it answers over HTTPS.
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { createServer as createTlsServer } from 'node:https'

const option = (name, count = 1) => {
  const index = process.argv.indexOf(name)
  return index > 0 ? process.argv.slice(index + 1, index + 1 + count) : undefined
}
const delayMs = Number(option('--delay')?.[0] ?? 0)
const tls = option('--tls', 2)
let received = 0
let bytes = 0

const listener = (req, res) => {
  req.on('data', (chunk) => {
    bytes += chunk.length
  })
  req.on('end', () => {
    received++
    if (delayMs > 0) setTimeout(() => res.writeHead(204).end(), delayMs)
    else res.writeHead(204).end()
  })
}
const server = tls
  ? createTlsServer({ key: readFileSync(tls[0]), cert: readFileSync(tls[1]) }, listener)
  : createServer(listener)
server.keepAliveTimeout = 30_000
server.listen(0, '127.0.0.1', () => {
  const scheme = tls ? 'https' : 'http'
  process.send?.({ type: 'ready', url: `${scheme}://127.0.0.1:${server.address().port}/api/v2` })
})
process.on('message', (message) => {
  if (message === 'count') process.send?.({ type: 'count', received, bytes })
  if (message === 'stop') server.close(() => process.exit(0))
})
process.on('disconnect', () => process.exit(0))

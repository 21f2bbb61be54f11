// A local tracker endpoint for the benchmarks, run in its own process (fork) so that it does not
// share a core with the client being measured. Answers 204 after `--delay` ms; reports counts over IPC.
import { createServer } from 'node:http'

const delayIndex = process.argv.indexOf('--delay')
const delayMs = delayIndex > 0 ? Number(process.argv[delayIndex + 1]) : 0
let received = 0
let bytes = 0

const server = createServer((req, res) => {
  req.on('data', (chunk) => {
    bytes += chunk.length
  })
  req.on('end', () => {
    received++
    if (delayMs > 0) setTimeout(() => res.writeHead(204).end(), delayMs)
    else res.writeHead(204).end()
  })
})
server.keepAliveTimeout = 30_000
server.listen(0, '127.0.0.1', () => {
  process.send?.({ type: 'ready', url: `http://127.0.0.1:${server.address().port}/api/v2` })
})
process.on('message', (message) => {
  if (message === 'count') process.send?.({ type: 'count', received, bytes })
  if (message === 'stop') server.close(() => process.exit(0))
})
process.on('disconnect', () => process.exit(0))

// After close() nothing of the tracker keeps the process alive (issue 18 item 9): a real child process
// against a real server that sends its headers and then stalls the body.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildWorker } from '../test/child/buildWorker'
import { spawnWorker } from '../test/child/spawnWorker'
import { startTestServer, type TestServer } from '../test/testServer'

let server: TestServer
let worker: string
beforeAll(async () => {
  ;[server, worker] = await Promise.all([startTestServer(), buildWorker('closeWorker')])
}, 60_000)
afterAll(async () => {
  await server.close()
})

/** Resolves with the exit code, or 'alive' when the process is still running `ms` after it printed `closed`. */
async function exitAfterClose(env: Record<string, string | number>, ms: number) {
  const child = spawnWorker(worker, { ENDPOINT: server.url, ...env })
  await child.waitFor('closed', 30_000)
  const alive = new Promise<'alive'>((resolve) => setTimeout(() => resolve('alive'), ms).unref())
  const outcome = await Promise.race([child.exited, alive])
  if (outcome === 'alive') child.child.kill('SIGKILL')
  return { outcome, output: child.output }
}

describe.each(['http', 'fetch'])('close() with the %s transport', (transport) => {
  it('should let the process exit when a response body stalls after its headers', async () => {
    server.reply = () => ({ stallBody: 200 })
    const { outcome, output } = await exitAfterClose({ TRANSPORT: transport, EVENTS: 3 }, 5_000)
    expect(outcome).toBe(0)
    // The status came: the events were delivered, whatever became of the bodies' last bytes.
    expect(output).toContain('results [true,true,true]')
  }, 60_000)

  it('should let the process exit once its events are delivered', async () => {
    server.reply = () => ({ status: 204 })
    const { outcome, output } = await exitAfterClose({ TRANSPORT: transport, EVENTS: 3 }, 5_000)
    expect(outcome).toBe(0)
    expect(output).toContain('results [true,true,true]')
  }, 60_000)
})

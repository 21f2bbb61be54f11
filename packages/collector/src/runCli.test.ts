import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type CliIo, runCli } from './runCli'

const body = readFileSync(new URL('../test/examples/purchased-items.json', import.meta.url), 'utf8')

const fakeIo = () => {
  const io = { lines: [] as string[], errors: [] as string[], stop: undefined as (() => void) | undefined }
  const cliIo: CliIo = {
    log: (line) => io.lines.push(line),
    error: (line) => io.errors.push(line),
    onStop: (stop) => {
      io.stop = stop
    },
  }
  return { io, cliIo }
}

describe('runCli', () => {
  it('should print the URLs, append each request to --out and stop on the signal', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'collector-')), 'events.jsonl')
    const { io, cliIo } = fakeIo()
    const collector = await runCli(['--port', '0', '--out', out], cliIo)
    expect(collector).toBeDefined()
    expect(io.lines.join('\n')).toContain(`endpoint   ${collector!.endpoint}`)
    await fetch(collector!.endpoint, { method: 'POST', body })
    await fetch(collector!.endpoint, { method: 'POST', body: 'not json' })
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(lines.map((line) => [line.id, line.valid, line.eventName])).toEqual([
      [1, true, 'PurchasedItems'],
      [2, false, undefined],
    ])
    io.stop?.()
    await collector!.close()
    await expect(fetch(collector!.endpoint, { method: 'POST', body })).rejects.toThrow()
  })

  it('should print the usage and start nothing when asked for help', async () => {
    const { io, cliIo } = fakeIo()
    expect(await runCli(['--help'], cliIo)).toBeUndefined()
    expect(io.lines[0]).toMatch(/^Usage: es-tracker-collector/)
  })

  it('should report a bad option and set the exit code when the arguments are wrong', async () => {
    const { io, cliIo } = fakeIo()
    expect(await runCli(['--port', 'abc'], cliIo)).toBeUndefined()
    expect(io.errors[0]).toMatch(/--port must be a non-negative integer/)
    expect(process.exitCode).toBe(1)
    process.exitCode = 0
  })
})

// A new user's first run (README: `npm run demo`, `npm test`): the demo stops cleanly on Ctrl-C through
// npm and pnpm, says which ports it took when its own are taken; the end-to-end run says once, up
// front, that no Chromium is there and how to get one. Real child processes, real signals.
import { type ChildProcess, spawn } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'
import { findChromium } from '../support/chromium.mjs'

const root = fileURLToPath(new URL('../../', import.meta.url))
const e2eDir = fileURLToPath(new URL('../', import.meta.url))

/** The environment of a user's shell: none of this Playwright worker's own variables. */
function userEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(PW_|PLAYWRIGHT_|TEST_)/.test(name) && name !== 'CI'),
  )
  return { ...env, ...extra }
}

interface Run {
  child: ChildProcess
  output: () => string
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/** Starts `command` in a process group of its own, as a terminal runs a foreground job. */
function start(command: string, args: string[], env: NodeJS.ProcessEnv, cwd = root): Run {
  const child = spawn(command, args, { cwd, env, detached: true })
  let output = ''
  child.stdout?.on('data', (chunk) => {
    output += chunk
  })
  child.stderr?.on('data', (chunk) => {
    output += chunk
  })
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  )
  return { child, output: () => output, exit }
}

/** Ctrl-C: the terminal sends SIGINT to every process of the foreground group (npm, sh, pnpm, node). */
const pressCtrlC = (run: Run) => process.kill(-run.child.pid!, 'SIGINT')

/** Kills what is left of a run's process group (after a failed assertion). */
function cleanUp(run: Run) {
  try {
    process.kill(-run.child.pid!, 'SIGKILL')
  } catch {
    // Already gone.
  }
}

const urlAfter = (output: string, label: string) => output.match(new RegExp(`${label}\\s+(http://\\S+?)/?\\s`))?.[1]

/** Whether something answers HTTP at `url`. */
const answers = (url: string) =>
  fetch(url).then(
    () => true,
    () => false,
  )

test.describe('npm run demo', () => {
  test.setTimeout(120_000)

  for (const [runner, args] of [
    ['npm', ['run', '--silent', 'demo:serve']],
    ['pnpm', ['demo:serve']],
  ] as const) {
    test(`should stop both servers and exit 0 on Ctrl-C under ${runner}, without ELIFECYCLE`, async () => {
      const run = start(runner, [...args], userEnv({ COLLECTOR_PORT: '0', DEMO_PORT: '0' }))
      try {
        await expect.poll(run.output, { timeout: 60_000 }).toContain('Press Ctrl-C to stop.')
        const storefront = urlAfter(run.output(), 'Storefront')!
        const collectorPage = urlAfter(run.output(), 'Collector page')!
        expect(await answers(storefront)).toBe(true)
        expect(await answers(collectorPage)).toBe(true)

        pressCtrlC(run)
        expect(await run.exit).toEqual({ code: 0, signal: null })
        expect(run.output()).toContain('demo stopped')
        expect(run.output()).not.toMatch(/ELIFECYCLE|Command failed|npm error/)
        expect(await answers(storefront)).toBe(false)
        expect(await answers(collectorPage)).toBe(false)
      } finally {
        cleanUp(run)
      }
    })
  }

  test('should stop and exit 0 on SIGTERM (a process manager stopping it)', async () => {
    const run = start(process.execPath, ['e2e/demo/start.mjs'], userEnv({ COLLECTOR_PORT: '0', DEMO_PORT: '0' }))
    try {
      await expect.poll(run.output, { timeout: 60_000 }).toContain('Press Ctrl-C to stop.')
      run.child.kill('SIGTERM')
      expect(await run.exit).toEqual({ code: 0, signal: null })
      expect(run.output()).toContain('demo stopped')
    } finally {
      cleanUp(run)
    }
  })

  test('should say which ports it took when its own are taken', async () => {
    const listen = () =>
      new Promise<Server>((resolve) => {
        const server = createServer((_, response) => response.end('someone else'))
        server.listen(0, '127.0.0.1', () => resolve(server))
      })
    const taken = [await listen(), await listen()]
    const [collectorPort, shopPort] = taken.map((server) => (server.address() as { port: number }).port)
    const run = start(
      process.execPath,
      ['e2e/demo/start.mjs'],
      userEnv({ COLLECTOR_PORT: String(collectorPort), DEMO_PORT: String(shopPort) }),
    )
    try {
      await expect.poll(run.output, { timeout: 60_000 }).toContain('Press Ctrl-C to stop.')
      const output = run.output()
      const moved = (what: string, port: number | undefined) =>
        Number(output.match(new RegExp(`port ${port} is taken: the ${what} uses port (\\d+) instead`))?.[1])
      const collectorMovedTo = moved('collector', collectorPort)
      const shopMovedTo = moved('storefront', shopPort)
      expect(collectorMovedTo).toBeGreaterThan(collectorPort!)
      expect(shopMovedTo).toBeGreaterThan(shopPort!)
      expect(urlAfter(output, 'Collector page')).toBe(`http://127.0.0.1:${collectorMovedTo}`)
      expect(urlAfter(output, 'Storefront')).toBe(`http://127.0.0.1:${shopMovedTo}`)
      const page = await fetch(`http://127.0.0.1:${shopMovedTo}/`).then((response) => response.text())
      expect(page).toContain('<title>')
    } finally {
      cleanUp(run)
      for (const server of taken) server.close()
    }
  })
})

test.describe('npm test without a Chromium', () => {
  test.setTimeout(120_000)
  let dir: string
  test.beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'es-tracker-chromium-'))
  })
  test.afterAll(() => rmSync(dir, { recursive: true, force: true }))

  test('should find ES_TRACKER_CHROMIUM, else Debian’s, else Playwright’s own, else say how to get one', () => {
    const executable = join(dir, 'chrome')
    writeFileSync(executable, '#!/bin/sh\n')
    chmodSync(executable, 0o755)
    const missing = join(dir, 'missing')
    const candidates = (debian: string, playwright: string) => ({ debian, playwright })

    expect(
      findChromium({ env: { ES_TRACKER_CHROMIUM: executable }, candidates: candidates(missing, missing) }),
    ).toEqual({ executablePath: executable })
    expect(
      findChromium({ env: { ES_TRACKER_CHROMIUM: missing }, candidates: candidates(executable, executable) }),
    ).toEqual({
      problem: `ES_TRACKER_CHROMIUM is ${missing}, which does not exist: point it at a Chromium or Chrome executable.`,
    })
    expect(findChromium({ env: {}, candidates: candidates(executable, missing) })).toEqual({
      executablePath: executable,
    })
    expect(findChromium({ env: {}, candidates: candidates(missing, executable) })).toEqual({
      executablePath: undefined,
    })
    const { problem } = findChromium({ env: {}, candidates: candidates(missing, missing) })
    expect(problem).toContain('No Chromium for the end-to-end tests')
    expect(problem).toContain('apt-get install chromium')
    expect(problem).toContain('ES_TRACKER_CHROMIUM=/path/to/chromium npm test')
    expect(problem).toContain('playwright install chromium')
  })

  test('should fail the first step of `pnpm check` at once, with the fix', async () => {
    const run = start('pnpm', ['check:chromium'], userEnv({ ES_TRACKER_CHROMIUM: join(dir, 'missing') }))
    try {
      expect((await run.exit).code).toBe(1)
      expect(run.output()).toContain(`ES_TRACKER_CHROMIUM is ${join(dir, 'missing')}, which does not exist`)
    } finally {
      cleanUp(run)
    }
  })

  test('should stop the Playwright run before any test with one message, not one launch failure per test', async () => {
    const run = start(
      process.execPath,
      [
        'node_modules/@playwright/test/cli.js',
        'test',
        'tests/browser.scriptTag.spec.ts',
        'tests/journey.spec.ts',
        '--workers=1',
        `--output=${join(dir, 'results')}`,
      ],
      userEnv({ ES_TRACKER_CHROMIUM: join(dir, 'missing') }),
      e2eDir,
    )
    try {
      expect((await run.exit).code).toBe(1)
      const output = run.output()
      expect(output.match(/which does not exist/g)).toHaveLength(1)
      expect(output).not.toMatch(/browserType\.launch|Failed to launch|passed|failed/)
    } finally {
      cleanUp(run)
    }
  })
})

// Starts the bundled test/child/deliveryWorker.mjs as a real child process and follows what it prints.
import { type ChildProcess, spawn } from 'node:child_process'

export interface Worker {
  child: ChildProcess
  /** Lines printed so far (stdout and stderr). */
  output: string[]
  /** Resolves once the worker printed `line`; rejects after `timeoutMs`. */
  waitFor(line: string, timeoutMs?: number): Promise<void>
  /** Resolves with the exit code, or the signal that ended it. */
  exited: Promise<number | string | null>
}

/** Runs the worker bundled by `buildWorker()` (its path in `script`) with `env`. */
export function spawnWorker(script: string, env: Record<string, string | number>): Worker {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, ...Object.fromEntries(Object.entries(env).map(([key, value]) => [key, String(value)])) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output: string[] = []
  const waiters: Array<{ line: string; resolve: () => void }> = []
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      output.push(line)
      for (const waiter of waiters.filter((one) => one.line === line)) waiter.resolve()
    }
  }
  child.stdout!.on('data', collect)
  child.stderr!.on('data', collect)
  const exited = new Promise<number | string | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal)),
  )
  return {
    child,
    output,
    exited,
    waitFor: (line, timeoutMs = 60_000) =>
      new Promise<void>((resolve, reject) => {
        if (output.includes(line)) return resolve()
        const timer = setTimeout(
          () => reject(new Error(`worker did not print ${line} in ${timeoutMs} ms: ${output.slice(-5).join(' / ')}`)),
          timeoutMs,
        )
        waiters.push({
          line,
          resolve: () => {
            clearTimeout(timer)
            resolve()
          },
        })
      }),
  }
}

/** Polls `condition` every 20 ms until it holds; rejects after `timeoutMs` with `what`. */
export async function until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now()
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

// Says once, before anything runs, that no Chromium is there and how to install one, instead of one
// launch failure per test: Playwright's global setup, and the first step of `pnpm check` (`npm test`).
import { fileURLToPath } from 'node:url'
import { findChromium } from './chromium.mjs'

/** Playwright's global setup: fails the run with the install hint (and no stack) when no Chromium is found. */
export default function checkChromium() {
  const { problem } = findChromium()
  if (!problem) return
  const error = new Error(problem)
  error.stack = `Error: ${problem}`
  throw error
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { problem } = findChromium()
  if (problem) {
    console.error(problem)
    process.exit(1)
  }
}

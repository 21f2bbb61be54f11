// Which Chromium the end-to-end tests and the page benchmarks drive. Playwright cannot download its
// own browser on every machine, so Debian's `/usr/bin/chromium` comes first where it exists.
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

const debianChromium = '/usr/bin/chromium'

/**
 * Finds the Chromium to launch: `ES_TRACKER_CHROMIUM` when set, else Debian's `/usr/bin/chromium`,
 * else Playwright's own download. Answers `{ executablePath }` (undefined: Playwright's own) or, when
 * none is there, `{ problem }`: one message saying what is missing and how to install it.
 * @param {{ env?: Record<string, string | undefined>, candidates?: { debian: string, playwright: string } }} [where]
 * @returns {{ executablePath: string | undefined, problem?: undefined } | { executablePath?: undefined, problem: string }}
 */
export function findChromium({
  env = process.env,
  candidates = { debian: debianChromium, playwright: chromium.executablePath() },
} = {}) {
  const chosen = env.ES_TRACKER_CHROMIUM
  if (chosen) {
    return existsSync(chosen)
      ? { executablePath: chosen }
      : {
          problem: `ES_TRACKER_CHROMIUM is ${chosen}, which does not exist: point it at a Chromium or Chrome executable.`,
        }
  }
  if (existsSync(candidates.debian)) return { executablePath: candidates.debian }
  if (existsSync(candidates.playwright)) return { executablePath: undefined }
  return {
    problem: [
      'No Chromium for the end-to-end tests (they drive a real browser). Install one of:',
      `  - Debian/Ubuntu's: apt-get install chromium (it lands at ${candidates.debian}; what .ci/run does)`,
      '  - any Chromium or Chrome: ES_TRACKER_CHROMIUM=/path/to/chromium npm test',
      "  - Playwright's own: pnpm --filter @es-tracker/e2e exec playwright install chromium",
    ].join('\n'),
  }
}

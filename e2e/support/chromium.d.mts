/**
 * Finds the Chromium to launch: `ES_TRACKER_CHROMIUM` when set, else Debian's `/usr/bin/chromium`,
 * else Playwright's own download. Answers `{ executablePath }` (undefined: Playwright's own) or, when
 * none is there, `{ problem }`: one message saying what is missing and how to install it.
 */
export function findChromium(where?: {
  env?: Record<string, string | undefined>
  candidates?: { debian: string; playwright: string }
}): { executablePath: string | undefined; problem?: undefined } | { executablePath?: undefined; problem: string }

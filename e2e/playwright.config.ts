import { defineConfig } from '@playwright/test'
import { findChromium } from './support/chromium.mjs'

// ES_TRACKER_CHROMIUM, Debian's Chromium, else Playwright's own; when none is there, the global setup
// says so once and no test runs.
const { executablePath } = findChromium()

export default defineConfig({
  testDir: 'tests',
  globalSetup: './support/checkChromium.mjs',
  // Tests import the built packages through node_modules, never the TypeScript sources.
  tsconfig: './support/tsconfig.e2e.json',
  outputDir: 'test-results/artifacts',
  fullyParallel: false,
  workers: 2,
  // One retry in CI, where a loaded 2-core machine runs two workers: a test that passes only on its
  // retry is listed as flaky in the output (browser.delivery's offline-reload test was seen to be).
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    browserName: 'chromium',
    headless: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
})

import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Page } from '@playwright/test'

/** Where tests save screenshots for people to look at (test artifacts, never committed). */
export const screenshotDir = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url))

/** Saves a screenshot (full page unless told) as `e2e/test-results/screenshots/<name>.png`; returns its path. */
export async function saveScreenshot(page: Page, name: string, { fullPage = true } = {}): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true })
  const path = `${screenshotDir}${name}.png`
  await page.screenshot({ path, fullPage })
  return path
}

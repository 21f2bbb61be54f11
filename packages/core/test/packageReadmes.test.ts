// Every package README is read on npm, outside this repository: it must not point into the monorepo.
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const packagesDir = fileURLToPath(new URL('../../', import.meta.url))
const readmes = readdirSync(packagesDir).map((name) => [name, readFileSync(`${packagesDir}${name}/README.md`, 'utf8')])

describe('package READMEs', () => {
  it.each(readmes)('should make sense on npm when it is the README of %s', (_name, text) => {
    // Relative links leave the package, and these name what only a clone of the repository has.
    expect(text).not.toMatch(/\]\(\.\.?\//)
    expect(text).not.toMatch(/shared\/spec|PAYLOADS\.md|beyond this repository|node packages\//)
  })
})

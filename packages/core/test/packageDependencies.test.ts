// Each package's runtime dependencies are exactly what its code imports: nothing declared and unused
// (users would install it for nothing), nothing imported and undeclared (it would fail once installed).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const packagesDir = fileURLToPath(new URL('../../', import.meta.url))

/** The source files that ship (tests and type tests left out). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.ts$/.test(entry.name) && !/\.test(-d)?\.ts$/.test(entry.name) ? [path] : []
  })
}

/** The package a bare specifier names (`@scope/name/sub` -> `@scope/name`, `ky` -> `ky`). */
const packageOf = (specifier: string): string =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/')

/** The packages a file imports: static imports and re-exports (one line, or ending a multi-line one) and `import('...')`. */
function importedPackages(source: string): string[] {
  const specifiers = [
    ...source.matchAll(/^(?:import|export) [^\n]* from '([^']+)'/gm),
    ...source.matchAll(/^} from '([^']+)'/gm),
    ...source.matchAll(/^import '([^']+)'/gm),
    ...source.matchAll(/\bimport\('([^']+)'\)/g),
  ].map((match) => match[1] as string)
  return specifiers.filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('node:')).map(packageOf)
}

const packages = readdirSync(packagesDir).map((name) => {
  const manifest = JSON.parse(readFileSync(join(packagesDir, name, 'package.json'), 'utf8')) as {
    name: string
    dependencies?: Record<string, string>
    peerDependencies?: Record<string, string>
  }
  const imported = new Set(
    sourceFiles(join(packagesDir, name, 'src')).flatMap((file) => importedPackages(readFileSync(file, 'utf8'))),
  )
  imported.delete(manifest.name)
  const declared = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]
  return [manifest.name, [...imported].sort(), declared.sort()] as const
})

describe('package dependencies', () => {
  it.each(packages)('should declare exactly what %s imports when it is installed', (_name, imported, declared) => {
    expect(imported).toEqual(declared)
  })

  it('should find the imports it checks when it reads the sources', () => {
    // A guard on the reading itself: were the patterns to miss, every list would be empty and equal.
    expect(Object.fromEntries(packages.map(([name, imported]) => [name, imported.length > 0]))).toEqual({
      '@es-tracker/browser': true,
      '@es-tracker/collector': true,
      '@es-tracker/core': true,
      '@es-tracker/node': true,
    })
  })
})

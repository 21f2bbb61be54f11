// Core's folders are layered one way: a folder imports from its own layer and the layers below it,
// never from one above, so that each layer can be read (and tested) without those that build on it.
// Core is also platform-free: no `node:` modules, no package but valibot.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const source = fileURLToPath(new URL('../src', import.meta.url))

/** Each folder of `src/` and its layer, lowest first; the entry files at the root sit on top. */
const LAYERS: Record<string, number> = {
  errors: 0,
  schemas: 1,
  endpoint: 1,
  options: 1,
  validation: 2,
  events: 3,
  esjs: 4,
  engine: 5,
  '.': 6,
}

/** Every source file under `dir` (tests and type tests left out: they may reach anywhere). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') && !/\.test(-d)?\.ts$/.test(entry.name) ? [path] : []
  })
}

/** The top folder of `src/` a file is in (`.` for the entry files). */
const folderOf = (file: string): string => {
  const [first, ...rest] = relative(source, file).split('/')
  return rest.length ? (first as string) : '.'
}

/** What a file imports (or re-exports from), type-only imports included. */
const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)].map((match) => match[1]!)

const files = sourceFiles(source)

describe('core layering', () => {
  it('should put every folder of src/ in a layer when a folder is added', () => {
    expect(files.map(folderOf).filter((folder) => !(folder in LAYERS))).toEqual([])
  })

  it('should import only from its own layer or lower ones (schemas <- validation <- events <- esjs <- engine)', () => {
    const upward: string[] = []
    for (const file of files) {
      const layer = LAYERS[folderOf(file)]!
      for (const specifier of importsOf(file).filter((name) => name.startsWith('.'))) {
        const target = folderOf(resolve(dirname(file), specifier))
        if (LAYERS[target]! > layer) upward.push(`${relative(source, file)} imports ${specifier} (${target})`)
      }
    }
    expect(upward).toEqual([])
  })

  it('should import no Node module and no package but valibot, being platform-free', () => {
    const foreign = files.flatMap((file) =>
      importsOf(file)
        .filter((name) => !name.startsWith('.') && name !== 'valibot')
        .map((name) => `${relative(source, file)} imports ${name}`),
    )
    expect(foreign).toEqual([])
  })
})

// Bundles a worker script of test/child with the packages' TypeScript sources into one ES module, once per test
// file, so that each child process starts in a fraction of a second (Node 20 runs no TypeScript).
import { mkdirSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { fileURLToPath } from 'node:url'
import nodeResolve from '@rollup/plugin-node-resolve'
import { rollup } from 'rollup'
import ts from 'typescript'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const workspace: Record<string, string> = {
  '@es-tracker/core': here('../../../core/src/index.ts'),
  '@es-tracker/core/internal': here('../../../core/src/internal.ts'),
  '@es-tracker/node': here('../../src/index.ts'),
  '@es-tracker/node/postgres': here('../../src/postgres/index.ts'),
}

/** Builds a worker of test/child into packages/node/node_modules/.es-tracker-test/ (where `pg` resolves); answers its path. */
export async function buildWorker(name = 'deliveryWorker'): Promise<string> {
  const outDir = here('../../node_modules/.es-tracker-test')
  mkdirSync(outDir, { recursive: true })
  const bundle = await rollup({
    input: here(`./${name}.mjs`),
    external: (id) => id === 'pg' || id.startsWith('node:') || builtinModules.includes(id),
    plugins: [
      { name: 'workspace', resolveId: (source) => workspace[source] ?? null },
      {
        name: 'transpile-typescript',
        transform(code, id) {
          if (!id.endsWith('.ts')) return null
          const compilerOptions = {
            target: ts.ScriptTarget.ES2022,
            module: ts.ModuleKind.ESNext,
            verbatimModuleSyntax: true,
          }
          return { code: ts.transpileModule(code, { fileName: id, compilerOptions }).outputText, map: null }
        },
      },
      nodeResolve({ extensions: ['.ts', '.js', '.mjs'] }),
    ],
    onwarn: () => {},
  })
  const file = `${outDir}/${name}-${process.pid}-${Date.now()}.mjs`
  await bundle.write({ file, format: 'esm', inlineDynamicImports: true })
  await bundle.close()
  return file
}

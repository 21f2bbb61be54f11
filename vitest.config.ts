import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const source = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url))

export default defineConfig({
  resolve: {
    alias: {
      // Before '@es-tracker/node', which would match it as a prefix.
      '@es-tracker/node/postgres': fileURLToPath(new URL('./packages/node/src/postgres/index.ts', import.meta.url)),
      '@es-tracker/core': source('core'),
      '@es-tracker/browser': source('browser'),
      '@es-tracker/node': source('node'),
      '@es-tracker/collector': source('collector'),
    },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    testTimeout: 20_000,
  },
})

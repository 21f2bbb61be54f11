// Checks the BUILT package the way users load it: `require()` (Node >= 20.19 loads ES modules
// synchronously) and `import`, each sending one real event to a local endpoint, the main entry again
// where `pg` cannot be loaded (it is an optional peer dependency), and the `/postgres` subpath.
// Run after `pnpm build`.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'

const packageDir = fileURLToPath(new URL('..', import.meta.url))
if (!existsSync(new URL('../dist/index.js', import.meta.url))) {
  console.error('checkRequire: packages/node/dist is missing; run `pnpm build` first')
  process.exit(1)
}

const received = []
const server = createServer((req, res) => {
  let body = ''
  req.on('data', (chunk) => {
    body += chunk
  })
  req.on('end', () => {
    received.push(JSON.parse(body))
    res.writeHead(204).end()
  })
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const endpoint = `http://127.0.0.1:${server.address().port}/api/v2`

const program = (load) => `
  ${load}
  const tracker = createNodeTracker({ siteId: 'CHECK', endpoint: ${JSON.stringify(endpoint)} })
  const sc = scFromCookieHeader('sc=CHECK-SC')
  tracker.visitor({ sc }).customEvent({ name: process.argv[1] })
    .then((result) => tracker.close().then(() => console.log(JSON.stringify(result))))
`

/** Runs a child node on the built package; async so that this process's server keeps answering. */
async function run(name, inputType, load, nodeArgs = []) {
  const output = await new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      [...nodeArgs, `--input-type=${inputType}`, '-e', program(load), name],
      { cwd: packageDir, timeout: 30_000 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${name} failed: ${stderr || error.message}`)) : resolve(stdout),
    ),
  )
  const result = JSON.parse(output.trim().split('\n').at(-1))
  if (result.ok !== true) throw new Error(`${name}: the event was not delivered: ${output}`)
  if (!received.some((payload) => payload.CustomEvent?.EventName === name)) {
    throw new Error(`${name}: the endpoint did not receive the event`)
  }
  console.log(`checkRequire: ${name} of @es-tracker/node works (event delivered)`)
}

/** The subpath loads, and its store is the one the docs name. */
async function checkPostgresSubpath() {
  const script =
    "const { createPostgresStore, outboxTableSql } = await import('@es-tracker/node/postgres'); console.log(typeof createPostgresStore, outboxTableSql().startsWith('CREATE TABLE'))"
  const output = await new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      ['--input-type=module', '-e', script],
      { cwd: packageDir, timeout: 30_000 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`postgres subpath failed: ${stderr || error.message}`)) : resolve(stdout),
    ),
  )
  if (output.trim() !== 'function true') throw new Error(`postgres subpath: unexpected ${output}`)
  console.log('checkRequire: @es-tracker/node/postgres loads (createPostgresStore, outboxTableSql)')
}

let failed = false
try {
  const [major, minor] = process.versions.node.split('.').map(Number)
  if (major === 20 && minor < 19) throw new Error(`Node ${process.versions.node}: require() of ES modules needs 20.19+`)
  await run('require', 'commonjs', "const { createNodeTracker, scFromCookieHeader } = require('@es-tracker/node')")
  await run('import', 'module', "const { createNodeTracker, scFromCookieHeader } = await import('@es-tracker/node')")
  // `pg` is an optional peer dependency: the main entry must work where it cannot be loaded at all.
  await run(
    'import-without-pg',
    'module',
    "const { createNodeTracker, scFromCookieHeader } = await import('@es-tracker/node')",
    ['--import', './scripts/withoutPg.mjs'],
  )
  await checkPostgresSubpath()
} catch (error) {
  console.error(`checkRequire: ${error.message}`)
  failed = true
} finally {
  server.close()
}
process.exit(failed ? 1 : 0)

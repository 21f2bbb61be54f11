// Checks the BUILT package the way users load it: `require()` (Node >= 20.19 loads ES modules
// synchronously) and `import`, each sending one real event to a local endpoint. Run after `pnpm build`.
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
async function run(name, inputType, load) {
  const output = await new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      [`--input-type=${inputType}`, '-e', program(load), name],
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

let failed = false
try {
  const [major, minor] = process.versions.node.split('.').map(Number)
  if (major === 20 && minor < 19) throw new Error(`Node ${process.versions.node}: require() of ES modules needs 20.19+`)
  await run('require', 'commonjs', "const { createNodeTracker, scFromCookieHeader } = require('@es-tracker/node')")
  await run('import', 'module', "const { createNodeTracker, scFromCookieHeader } = await import('@es-tracker/node')")
} catch (error) {
  console.error(`checkRequire: ${error.message}`)
  failed = true
} finally {
  server.close()
}
process.exit(failed ? 1 : 0)

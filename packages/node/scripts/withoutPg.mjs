// `node --import ./scripts/withoutPg.mjs ...`: a Node where `pg` cannot be loaded, as for a user who
// never installed the optional peer dependency. checkRequire.mjs loads the main entry this way.
import { register } from 'node:module'

const refusePg = `export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'pg' || specifier.startsWith('pg/')) throw new Error('the main entry loaded pg')
  return nextResolve(specifier, context)
}`
register(`data:text/javascript,${encodeURIComponent(refusePg)}`)

// `es-tracker-relay` for the tests: the bin's own code (runRelay), bundled from the sources.
import { runRelay } from '../../src/relay/runRelay'

void runRelay(process.argv.slice(2), process.env).then((code) => process.exit(code))

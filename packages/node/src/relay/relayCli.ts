#!/usr/bin/env node
// The `es-tracker-relay` command. All logic lives in runRelay (testable); this file only runs it.
import { runRelay } from './runRelay'

void runRelay(process.argv.slice(2), process.env).then((code) => process.exit(code))

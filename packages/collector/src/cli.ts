#!/usr/bin/env node
// The `es-tracker-collector` command. All logic lives in runCli (testable); this file only runs it.
import { runCli } from './runCli'

void runCli(process.argv.slice(2))

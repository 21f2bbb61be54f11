import { appendFileSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { CollectedEvent } from './types'

/**
 * Returns a function that appends each event to `path` as one JSON line. Appends are synchronous so
 * that the file is complete as soon as the sender has its answer (tests read it right after).
 */
export function jsonLinesWriter(path: string): (event: CollectedEvent) => void {
  mkdirSync(dirname(path), { recursive: true })
  let warned = false
  return (event) => {
    try {
      appendFileSync(path, `${JSON.stringify(event)}\n`)
    } catch (error) {
      // A full disk must not fail the sender's request; say it once on stderr.
      if (!warned) console.error(`es-tracker collector: cannot append to ${path}:`, error)
      warned = true
    }
  }
}

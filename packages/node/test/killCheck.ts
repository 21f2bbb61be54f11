// What a kill test asserts about what the endpoint received, for any store.
import { expect } from 'vitest'
import type { ReceivedRequest } from './testServer'

/** The CustomEvent name of a received request. */
export const eventNameOf = (request: ReceivedRequest): string =>
  (request.json as { CustomEvent: { EventName: string } }).CustomEvent.EventName

/**
 * 0 lost: every one of `names` arrived. Duplicates only for what was in flight at the kill: each one
 * was sent once by the killed process (header `x-worker: killed`) and once more by its successor, and
 * there are no more than `inFlight` of them. Byte-identical: every copy of an event has the same body.
 * (A request the killed process had written may still reach the server after it died: the kernel
 * delivers what is in the socket's buffer, so the kill's moment is told by sender, not by arrival.)
 */
export function expectDeliveredOnce(
  requests: ReceivedRequest[],
  names: string[],
  inFlight: number,
): { duplicates: number } {
  const copiesOf = new Map<string, ReceivedRequest[]>()
  for (const request of requests) {
    const name = eventNameOf(request)
    copiesOf.set(name, [...(copiesOf.get(name) ?? []), request])
  }
  expect(names.filter((name) => !copiesOf.has(name))).toEqual([])
  const duplicated = [...copiesOf].filter(([, copies]) => copies.length > 1)
  for (const [, copies] of duplicated) {
    expect(copies.map((copy) => copy.headers['x-worker']).sort()).toEqual(['killed', 'next'])
    expect(new Set(copies.map((copy) => copy.body)).size).toBe(1)
  }
  expect(duplicated.length).toBeLessThanOrEqual(inFlight)
  return { duplicates: duplicated.length }
}

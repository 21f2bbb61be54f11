// What a kill test asserts about what the endpoint received, for any store.
import { expect } from 'vitest'
import type { ReceivedRequest } from './testServer'

/** The CustomEvent name of a received request. */
export const eventNameOf = (request: ReceivedRequest): string =>
  (request.json as { CustomEvent: { EventName: string } }).CustomEvent.EventName

/**
 * 0 lost: every one of `names` arrived. Duplicates only for what was in flight at the kill: each one
 * first arrived before the kill, and there are no more than `inFlight` of them. Byte-identical:
 * every copy of an event carries the same body.
 */
export function expectDeliveredOnce(
  requests: ReceivedRequest[],
  names: string[],
  receivedAtKill: number,
  inFlight: number,
): { duplicates: number } {
  const bodies = new Map<string, string[]>()
  const firstAt = new Map<string, number>()
  requests.forEach((request, index) => {
    const name = eventNameOf(request)
    bodies.set(name, [...(bodies.get(name) ?? []), request.body])
    if (!firstAt.has(name)) firstAt.set(name, index)
  })
  expect(names.filter((name) => !bodies.has(name))).toEqual([])
  const duplicated = [...bodies].filter(([, copies]) => copies.length > 1)
  for (const [name, copies] of duplicated) {
    expect(firstAt.get(name)!).toBeLessThan(receivedAtKill)
    expect(new Set(copies).size).toBe(1)
  }
  expect(duplicated.length).toBeLessThanOrEqual(inFlight)
  return { duplicates: duplicated.length }
}

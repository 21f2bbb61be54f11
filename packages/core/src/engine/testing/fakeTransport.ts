// Test double: a transport that records requests and answers as the test scripts it.
import type { Transport, TransportOutcome, TransportRequest } from '../types'

type Answer = TransportOutcome | Promise<TransportOutcome>

/** A {@link Transport} for tests, with what it saw. */
export interface FakeTransport extends Transport {
  readonly requests: TransportRequest[]
  inFlight: number
  maxInFlight: number
  /** Answers held back by {@link createHoldingTransport}, oldest first. */
  readonly held: Array<(outcome: TransportOutcome) => void>
}

/** Answers every request with 204 unless `respond` says otherwise. */
export function createFakeTransport(
  respond: (request: TransportRequest, index: number) => Answer = () => ({ type: 'response', status: 204 }),
): FakeTransport {
  const transport: FakeTransport = {
    requests: [],
    inFlight: 0,
    maxInFlight: 0,
    held: [],
    async send(request) {
      const index = transport.requests.length
      transport.requests.push(request)
      transport.inFlight++
      transport.maxInFlight = Math.max(transport.maxInFlight, transport.inFlight)
      try {
        return await respond(request, index)
      } finally {
        transport.inFlight--
      }
    },
  }
  return transport
}

/** A transport that answers nothing until the test releases answers through `held`, oldest first. */
export function createHoldingTransport(): FakeTransport {
  const held: Array<(outcome: TransportOutcome) => void> = []
  const transport = createFakeTransport(() => new Promise<TransportOutcome>((resolve) => held.push(resolve)))
  Object.assign(transport, { held })
  return transport
}

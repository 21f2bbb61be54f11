import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ValidationIssue } from '@es-tracker/core'
import type { EventStore } from './eventStore'
import type { FaultDecision, FaultInjector } from './faultInjector'
import { readBody } from './http/readBody'
import { applyCors, sendJson } from './http/respond'
import type { CollectedEvent } from './types'
import { wireNotes } from './wireNotes'

/** Raw bodies that are not JSON are kept up to this many characters, for the live page. */
const RAW_KEEP_CHARS = 4096

/** The validator's answer, as much of it as the collector reads (core's `validatePayload` returns more). */
export type ValidationVerdict = { ok: true } | { ok: false; error: { message: string; issues: ValidationIssue[] } }

/** What the `POST /api/v2` handler works with. */
export interface IngestDependencies {
  store: EventStore
  faults: FaultInjector
  validate: (json: unknown) => ValidationVerdict
  maxBodyBytes: number
  /** Called with every recorded request (the JSON Lines file). */
  onRecorded?: (event: CollectedEvent) => void
}

type Verdict = Pick<CollectedEvent, 'valid' | 'issues' | 'notes' | 'eventName' | 'payload' | 'raw'>

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** An issue with the request body as a whole, which `message` describes (malformed JSON, say). */
const bodyIssue = (message: string): ValidationIssue => ({
  path: '',
  kind: 'invalid_value',
  message,
  expected: 'a JSON payload',
  received: message,
})

/** Parses and validates one body; never throws. */
function judge(text: string, validate: IngestDependencies['validate']): Verdict {
  let payload: unknown
  try {
    payload = JSON.parse(text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return {
      valid: false,
      issues: [bodyIssue(`malformed JSON: ${reason}`)],
      notes: [],
      raw: text.slice(0, RAW_KEEP_CHARS),
    }
  }
  const info = (payload as { GeneralInfo?: { eventName?: unknown } } | null)?.GeneralInfo
  const eventName = typeof info?.eventName === 'string' ? info.eventName : undefined
  const named = eventName === undefined ? {} : { eventName }
  let result: ValidationVerdict
  try {
    result = validate(payload)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { valid: false, issues: [bodyIssue(`the validator threw: ${reason}`)], notes: [], payload, ...named }
  }
  if (result.ok) return { valid: true, issues: [], notes: wireNotes(payload), payload, ...named }
  const issues = result.error.issues.length > 0 ? result.error.issues : [bodyIssue(result.error.message)]
  return { valid: false, issues, notes: [], payload, ...named }
}

/** Answers a request failed on purpose: a status, or a dropped connection. */
function fail(response: ServerResponse, failure: NonNullable<FaultDecision['failure']>): void {
  if (failure.kind === 'reset') {
    response.socket?.destroy()
    return
  }
  if (failure.retryAfter !== undefined) response.setHeader('Retry-After', failure.retryAfter)
  sendJson(response, failure.status, { error: `fault injected: status ${failure.status}` })
}

/** Handles `POST /api/v2`: reads, judges, records and answers one event. */
export async function handleIngest(
  request: IncomingMessage,
  response: ServerResponse,
  deps: IngestDependencies,
): Promise<void> {
  applyCors(request, response)
  let clientGone = false
  response.on('close', () => {
    if (!response.writableFinished) clientGone = true
  })
  const body = await readBody(request, deps.maxBodyBytes)
  const receivedAt = Date.now()
  const contentType = request.headers['content-type'] ?? ''
  const authorization = request.headers.authorization
  const envelope = { receivedAt, contentType, ...(authorization === undefined ? {} : { authorization }) }

  if (body.kind === 'too_large') {
    const message = `body of ${body.bytes} bytes is above the limit of ${deps.maxBodyBytes} bytes`
    const event = deps.store.add({ ...envelope, valid: false, issues: [bodyIssue(message)], notes: [] })
    deps.onRecorded?.(event)
    sendJson(response, 413, { error: message, issues: event.issues })
    return
  }
  const decision = deps.faults.decide()
  if (decision.latencyMs > 0) await sleep(decision.latencyMs)
  const verdict = judge(body.text, deps.validate)
  // A sender that gave up during injected latency never saw an acceptance: count it as failed.
  const failedByFault = decision.failure !== undefined || clientGone
  const event = deps.store.add({ ...envelope, ...verdict, ...(failedByFault ? { failedByFault: true } : {}) })
  deps.onRecorded?.(event)

  if (decision.failure) return fail(response, decision.failure)
  if (clientGone) return
  if (verdict.valid) {
    response.writeHead(204).end()
    return
  }
  const malformed = verdict.payload === undefined
  sendJson(response, 400, {
    error: malformed ? 'malformed JSON' : `invalid ${verdict.eventName ?? 'event'}`,
    issues: verdict.issues,
  })
}

import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ValidationIssue } from '@es-tracker/core'
import { boundDepth } from './boundDepth'
import type { EventStore } from './eventStore'
import type { FaultDecision, FaultInjector } from './faultInjector'
import { readBody } from './http/readBody'
import { applyCors, sendJson } from './http/respond'
import type { CollectedEvent } from './types'
import { wireNotes } from './wireNotes'

/** Raw bodies that are not JSON are kept up to this many characters, for the live page. */
const RAW_KEEP_CHARS = 4096
/** Payloads are kept this many levels deep (the reference's events need 4); what is deeper is cut. */
export const MAX_KEPT_DEPTH = 64

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

const bodyIssue = (message: string): ValidationIssue => ({ path: '', message })

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
  // Everything after validation (notes, the list, the live page, `--out`) sees a bounded depth.
  const bounded = boundDepth(payload, MAX_KEPT_DEPTH)
  const cut =
    bounded.value === payload
      ? []
      : [`(body): nested ${bounded.depth} levels deep; what is deeper than ${MAX_KEPT_DEPTH} levels is not kept`]
  const kept = bounded.value
  if (result.ok) return { valid: true, issues: [], notes: [...cut, ...wireNotes(kept)], payload: kept, ...named }
  const issues = result.error.issues.length > 0 ? result.error.issues : [bodyIssue(result.error.message)]
  return { valid: false, issues, notes: cut, payload: kept, ...named }
}

/**
 * What is kept of an `Authorization` header: its scheme and that a credential came, never the
 * credential (a node tracker's is its API key).
 */
export function maskAuthorization(header: string): string {
  const scheme = /^\s*([A-Za-z][\w.-]*)\s+\S/.exec(header)?.[1]
  return scheme === undefined ? '(hidden)' : `${scheme} (hidden)`
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
  const { authorization } = request.headers
  const envelope = {
    receivedAt,
    contentType,
    ...(authorization === undefined ? {} : { authorization: maskAuthorization(authorization) }),
  }

  if (body.kind === 'too_large') {
    const message = `body of ${body.bytes} bytes is above the limit of ${deps.maxBodyBytes} bytes`
    const event = deps.store.add({ ...envelope, valid: false, issues: [bodyIssue(message)], notes: [] }, 0)
    deps.onRecorded?.(event)
    sendJson(response, 413, { error: message, issues: event.issues })
    return
  }
  const decision = deps.faults.decide()
  if (decision.latencyMs > 0) await sleep(decision.latencyMs)
  const verdict = judge(body.text, deps.validate)
  // A sender that gave up during injected latency never saw an acceptance: count it as failed.
  const failedByFault = decision.failure !== undefined || clientGone
  const event = deps.store.add(
    { ...envelope, ...verdict, ...(failedByFault ? { failedByFault: true } : {}) },
    body.bytes,
  )
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

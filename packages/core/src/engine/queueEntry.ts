// What a queue entry is: how one read back from a store is recognised, and how a new one is named.
import { isRecord } from '../schemas/values'
import type { QueueEntry } from './types'

/** Whether a value read back from a store (possibly tampered with or truncated) is a usable entry. */
export const isQueueEntry = (value: unknown): value is QueueEntry =>
  isRecord(value) &&
  !!value.id &&
  typeof value.id === 'string' &&
  typeof value.eventName === 'string' &&
  typeof value.body === 'string' &&
  [value.createdAt, value.attempts].every(Number.isFinite)

let sequence = 0

/**
 * A queue entry id unique across tabs sharing one store: about 52 random bits and a sequence number.
 * Not a secret and not a GUID; it only has to tell entries apart.
 */
export const newEntryId = (): string => `${Math.random().toString(36).slice(2)}-${++sequence}`

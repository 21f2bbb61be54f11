import { describeValue } from '../errors/describeValue'
import type { ValidationIssue } from '../errors/TrackerError'
import { isRecord } from '../schemas/predicates'
import type { AnyNode } from '../schemas/wireSchema'
import { joinPath } from '../validation/issues'
import { EVENT_MODEL, isEventName } from './registry'

/** What a note on an unknown field says. */
const UNKNOWN = 'a field the wire model does not know: sent as given (a typo?)'

/**
 * Notes every key of a valid payload that its event's wire model does not know, by wire path: wire
 * objects are open (the vendor reads fields we do not model), so such a key is sent, and a typo
 * (`isInstock`) would go unnoticed. A product's `tag_*` fields, event `Tags` and objects the model
 * leaves wholly open (`browser`) are the caller's by design and never noted. For debug output only.
 *
 * @example
 * findUnknownFields({ GeneralInfo: { eventName: 'CategoryPage', ... }, CategoryPage: { Category: { categoryKey: '1', categorykey: '1' } } })
 * // [{ path: 'CategoryPage.Category.categorykey', message: 'a field the wire model does not know: ...' }]
 */
export function findUnknownFields(payload: unknown): ValidationIssue[] {
  const notes: ValidationIssue[] = []
  const eventName = isRecord(payload) && isRecord(payload.GeneralInfo) ? payload.GeneralInfo.eventName : undefined
  if (!isEventName(eventName)) return notes
  // The payload is valid, so its depth is bounded (findOversizedContent): a stack of nodes to visit.
  const stack: Array<[node: AnyNode, value: unknown, path: string]> = [[EVENT_MODEL[eventName], payload, '']]
  while (stack.length > 0) {
    const [node, value, path] = stack.pop()!
    if (node.item && Array.isArray(value)) {
      for (let index = 0; index < value.length; index++)
        stack.push([node.item as AnyNode, value[index], joinPath(path, index)])
    } else if (node.fields && isRecord(value) && Object.keys(node.fields).length > 0) {
      for (const key of Object.keys(value)) {
        const field = node.fields[key] as AnyNode | undefined
        if (field) stack.push([(field.optional ?? field) as AnyNode, value[key], joinPath(path, key)])
        else if (!(node.tagged && key.startsWith('tag_')))
          notes.push({
            path: joinPath(path, key),
            kind: 'invalid_key',
            message: UNKNOWN,
            expected: 'a field of the wire model',
            received: describeValue(key),
          })
      }
    }
  }
  return notes
}

import type { EsJsBodyResult } from '../../esjs/types'
import { invalidEsJsBody } from '../../esjs/types'
import type { LooseRecord } from '../../esjs/values'
import { copyOpen, isRecord, renameField, setEventTags, toWireString } from '../../esjs/values'

/**
 * Converts a CustomEvent body (`{ CustomEvent: { EventName, Tags? } }`, or the same without the
 * wrapper) to the REST wire body; `eventName` is read as `EventName`.
 *
 * @example
 * customEventFromEsJs({ CustomEvent: { EventName: 'my_event', Tags: { size: 'XL' } } })
 * // { ok: true, body: { CustomEvent: { EventName: 'my_event', Tags: { size: ['XL'] } } } }
 */
export function customEventFromEsJs(body: LooseRecord): EsJsBodyResult {
  const part = body.CustomEvent ?? ('EventName' in body || 'eventName' in body ? body : undefined)
  if (!isRecord(part)) return { ok: false, error: invalidEsJsBody('CustomEvent', 'CustomEvent', 'an object', part) }
  const event = copyOpen(part, ['Tags'])
  renameField(event, 'eventName', 'EventName')
  if (event.EventName !== undefined) event.EventName = toWireString(event.EventName)
  return { ok: true, body: { CustomEvent: setEventTags(event, part.Tags ?? body.Tags) } }
}

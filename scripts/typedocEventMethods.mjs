// A TypeDoc plugin for the tracker methods derived from the event registry. `tracker.productPage(...)`
// and its siblings are a mapped type over the registered events, so TypeScript gives them no JSDoc of
// their own; this gives each one the JSDoc of its event's definition
// (`packages/core/src/events/<event>/<event>Definition.ts`), so that adding an event adds its method's
// documentation too, and the docs check (`notDocumented`) still holds every other export to a comment.
import { readdirSync, readFileSync } from 'node:fs'
import { Comment, Converter, ReflectionKind, ReflectionType } from 'typedoc'

const eventsDir = new URL('../packages/core/src/events/', import.meta.url)

/** Each event's tracker method name (its folder's name) and the first sentence block of its definition's JSDoc. */
function definitionDocs() {
  const docs = new Map()
  for (const folder of readdirSync(eventsDir, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue
    const file = new URL(`${folder.name}/${folder.name}Definition.ts`, eventsDir)
    let source
    try {
      source = readFileSync(file, 'utf8')
    } catch {
      continue // shared/ and other folders that define no event
    }
    const comment = /\/\*\*([\s\S]*?)\*\/\s*export const \w+Definition\b/.exec(source)?.[1]
    if (!comment) throw new Error(`${folder.name}Definition.ts: the definition has no JSDoc`)
    const text = comment
      .split('\n')
      .map((line) => line.replace(/^\s*\*\s?/, '').trim())
      .filter(Boolean)
      .join(' ')
    docs.set(folder.name, text)
  }
  return docs
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  const docs = definitionDocs()
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const reflection of context.project.getReflectionsByKind(ReflectionKind.Property)) {
      const doc = docs.get(reflection.name)
      const isMethod = reflection.type instanceof ReflectionType && reflection.type.declaration.signatures?.length
      if (!doc || !isMethod || reflection.hasComment()) continue
      // "The `ProductPage` event: a visitor viewed a product card." -> "Sends the `ProductPage` event: ..."
      const summary = `Sends ${doc.replace(/^The /, 'the ')} Resolves to a \`SendResult\`; never throws, never rejects.`
      reflection.comment = new Comment([{ kind: 'text', text: summary }])
    }
  })
}

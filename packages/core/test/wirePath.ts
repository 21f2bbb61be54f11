// Test helpers: edit a payload at a wire path (`StatusCart.Products[1].quantity`), on a copy.

type Container = Record<string | number, unknown>

function parse(path: string): (string | number)[] {
  return path
    .split(/\.|(?=\[)/)
    .filter((part) => part !== '')
    .map((part) => (part.startsWith('[') ? Number(part.slice(1, -1)) : part))
}

function parentOf(root: unknown, keys: (string | number)[]): Container {
  let node = root as Container
  for (const key of keys.slice(0, -1)) node = node[key] as Container
  return node
}

/** A deep copy of `payload` without the field at `path`. */
export function withoutField<T>(payload: T, path: string): T {
  const copy = structuredClone(payload)
  const keys = parse(path)
  const parent = parentOf(copy, keys)
  const last = keys[keys.length - 1] as string | number
  if (Array.isArray(parent)) parent.splice(Number(last), 1)
  else delete parent[last]
  return copy
}

/** A deep copy of `payload` with `value` at `path`. */
export function withField<T>(payload: T, path: string, value: unknown): T {
  const copy = structuredClone(payload)
  const keys = parse(path)
  parentOf(copy, keys)[keys[keys.length - 1] as string | number] = value
  return copy
}

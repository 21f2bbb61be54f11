/**
 * Makes `window.eS` the vendor snippet's queue stub where the page has no `eS` at all: each call's
 * arguments, wrapped once more as the snippet wraps them, pushed to `eS.q`. The script tag sets it at
 * `init` with `esCompat: true`, so that a page calling `eS(...)` before the esCompat add-on has loaded
 * gets no ReferenceError; the add-on replays the queue in order when it takes `window.eS` over
 * (installEsCompat.ts). A page's own `eS` (the vendor snippet's stub, the vendor's script) stays.
 *
 * @example
 * queueEsCalls(window)
 * eS('sendEvent', 'MainPage') // queued until the add-on takes over
 */
export function queueEsCalls(target: Record<string, unknown>): void {
  try {
    if (target.eS !== undefined) return
    const queued: unknown[] = []
    target.eS = Object.assign((...args: unknown[]) => void queued.push([args]), { q: queued })
  } catch {
    // A page whose `eS` cannot be read or set (a throwing accessor, a frozen window) keeps what it has.
  }
}

import { isScriptTag } from './buildTarget'

// One channel for the page, made on first use: a new MessageChannel per call costs ~35 µs.
let port: MessagePort | undefined
const queued: Array<() => void> = []

/**
 * Runs `callback` (which must not throw) in a task of its own, soon: a MessageChannel message, which
 * background tabs do not throttle as they do timers (every browser that runs this script, and Node,
 * has MessageChannel). Callbacks run in the order they came, one message each.
 */
export function nextTask(callback: () => void): void {
  if (!port) {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => queued.shift()!()
    port = channel.port2
    // Node's ports keep a process alive; a browser's have no unref.
    if (!isScriptTag) (channel.port1 as { unref?: () => void }).unref?.()
  }
  queued.push(callback)
  port.postMessage(0)
}

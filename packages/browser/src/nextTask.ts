import { isScriptTag } from './buildTarget'

// One channel for the page, made on first use: a new MessageChannel per call costs ~35 µs.
let port: MessagePort | undefined
const queued: Array<() => void> = []

/**
 * Runs `callback` in a task of its own, soon: a MessageChannel message, which background tabs do not
 * throttle as they do timers (every browser that runs this script, and Node, has MessageChannel).
 * Callbacks queued before that task runs share its one message (a message per callback cost a
 * tracking call about 25 µs more), in the order they came; one that throws does not stop the others.
 */
export function nextTask(callback: () => void): void {
  if (!port) {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      for (const run of queued.splice(0)) {
        try {
          run()
        } catch {}
      }
    }
    port = channel.port2
    // Node's ports keep a process alive; a browser's have no unref.
    if (!isScriptTag) (channel.port1 as { unref?: () => void }).unref?.()
  }
  if (queued.push(callback) === 1) port.postMessage(0)
}

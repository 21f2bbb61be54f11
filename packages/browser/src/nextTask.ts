import { isScriptTag } from './buildTarget'

// One channel for the page, made on first use: a new MessageChannel per call costs ~35 µs.
let channel: MessageChannel | undefined
const channelCallbacks: Array<() => void> = []

/**
 * Runs `callback` in a task of its own, soon: a MessageChannel message, which background tabs do not
 * throttle as they do timers (every browser that runs this script, and Node, has MessageChannel).
 */
export function nextTask(callback: () => void): void {
  if (!channel) {
    channel = new MessageChannel()
    channel.port1.onmessage = () => {
      for (const queued of channelCallbacks.splice(0)) {
        try {
          queued()
        } catch {
          // One failing callback must not keep the others from running.
        }
      }
    }
    // Node's ports keep a process alive; a browser's have no unref.
    if (!isScriptTag) (channel.port1 as { unref?: () => void }).unref?.()
  }
  // One message runs every callback queued before it runs.
  if (channelCallbacks.push(callback) === 1) channel.port2.postMessage(undefined)
}

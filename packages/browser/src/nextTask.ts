// One channel for the page, made on first use: a new MessageChannel per call costs ~35 µs.
let channel: MessageChannel | undefined
const channelCallbacks: Array<() => void> = []

/**
 * Runs `callback` in a task of its own, soon: a MessageChannel message (not throttled in background
 * tabs as timers are), or a timer where there is no MessageChannel.
 */
export function nextTask(callback: () => void): void {
  if (typeof MessageChannel === 'undefined') {
    setTimeout(callback, 0)
    return
  }
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
    ;(channel.port1 as { unref?: () => void }).unref?.()
  }
  channelCallbacks.push(callback)
  channel.port2.postMessage(undefined)
}

import { isScriptTag } from './buildTarget'

type PostTask = (task: () => void) => Promise<unknown>

const queued: Array<() => void> = []
// How this page posts a task, found on first use.
let post: (() => void) | undefined

/** Runs what was queued, in order; one that throws does not stop the others. */
const runQueued = () => {
  for (const run of queued.splice(0)) {
    try {
      run()
    } catch {}
  }
}

/** Posts {@link runQueued} as a message on one MessageChannel of the page's (a new channel per call costs ~35 µs). */
function messagePoster(): () => void {
  const channel = new MessageChannel()
  channel.port1.onmessage = runQueued
  // Node's ports keep a process alive; a browser's have no unref.
  if (!isScriptTag) (channel.port1 as { unref?: () => void }).unref?.()
  return () => channel.port2.postMessage(0)
}

/**
 * How this page posts {@link runQueued} as a task: the browser's own `scheduler.postTask` where it has
 * one (Chromium, Firefox), else a MessageChannel message (Safari, Node); neither is throttled in a
 * background tab as timers are. In Chromium a message task cost about 50 µs of main-thread time
 * (serializing and accepting the message) where a posted task cost about 10 µs. A page's own
 * `scheduler` (a polyfill, or one that throws) is not used: it might never run the task.
 */
function findPoster(): () => void {
  const byMessage = messagePoster()
  try {
    const scheduler = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler
    const postTask = scheduler?.postTask
    if (typeof postTask === 'function' && Function.prototype.toString.call(postTask).includes('[native code]')) {
      // A task the browser refuses (a detached document) goes by message instead.
      return () => postTask.call(scheduler, runQueued).catch(byMessage)
    }
  } catch {}
  return byMessage
}

/**
 * Runs `callback` in a task of its own, soon (see {@link findPoster}). Callbacks queued before that
 * task runs share it (a task per callback cost a tracking call about 25 µs more), in the order they
 * came; one that throws does not stop the others.
 */
export function nextTask(callback: () => void): void {
  post ??= findPoster()
  if (queued.push(callback) === 1) post()
}

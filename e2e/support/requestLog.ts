// What each page of a test sent, what it heard back, and when it was left: recorded in the pages
// themselves (the tracker's requests go through `fetch`), kept in localStorage so that the log of a
// closed tab outlives it, and read at the end from a page that stays. It tells a duplicate that
// rule 1 of the delivery guarantees allows (a request the endpoint accepted while its page was left
// before the answer came, during a failure streak) from one it does not.
import type { BrowserContext, Page } from '@playwright/test'

/** One line of a page's log, in the order it happened in that page. */
export interface RequestLogLine {
  /** The page (one document: a reload is a new page). */
  page: string
  kind: 'sent' | 'answered' | 'left'
  /** The event's `CustomEvent.Tags.id[0]` (sent, answered). */
  id?: string
  /** The page's request number (sent, answered). */
  request?: number
  /** The status, or the rejection's name (answered). */
  answer?: number | string
}

const logPrefix = 'request-log:'

/** Records every `fetch` of every page of `context` with the id of the event it carries, and `pagehide`. */
export async function recordRequests(context: BrowserContext): Promise<void> {
  await context.addInitScript((prefix) => {
    const page = `${new URLSearchParams(location.search).get('visit')}/${Math.random().toString(36).slice(2, 8)}`
    const lines: unknown[] = []
    const log = (line: object) => {
      lines.push({ page, ...line })
      try {
        localStorage.setItem(prefix + page, JSON.stringify(lines))
      } catch {}
    }
    const fetch = window.fetch.bind(window)
    let requests = 0
    window.fetch = (input, init) => {
      const request = ++requests
      let id: string | undefined
      try {
        id = JSON.parse(String(init?.body)).CustomEvent.Tags.id[0]
      } catch {}
      log({ kind: 'sent', id, request })
      const answer = fetch(input, init)
      answer.then(
        (response) => log({ kind: 'answered', id, request, answer: response.status }),
        (error) => log({ kind: 'answered', id, request, answer: String(error?.name) }),
      )
      return answer
    }
    // Registered before the tracker's own listener: requests it starts while leaving come after this line.
    addEventListener('pagehide', () => log({ kind: 'left' }))
  }, logPrefix)
}

/** Every page's log, read from `page` (any page of the context's origin that is still open). */
export function readRequestLog(page: Page): Promise<RequestLogLine[]> {
  return page.evaluate(
    (prefix) =>
      Object.keys(localStorage)
        .filter((key) => key.startsWith(prefix))
        .flatMap((key) => JSON.parse(localStorage.getItem(key) ?? '[]')),
    logPrefix,
  )
}

/**
 * For each page that was left, the ids of the requests it had sent and not heard back from when it
 * was left: their fate is unknown to the tracker (rule 1).
 */
export function unansweredAtLeave(log: RequestLogLine[]): Map<string, string[]> {
  const byPage = new Map<string, string[]>()
  const pages = new Set(log.map((line) => line.page))
  for (const page of pages) {
    const lines = log.filter((line) => line.page === page)
    const left = lines.findIndex((line) => line.kind === 'left')
    if (left < 0) continue
    const before = lines.slice(0, left)
    const answered = new Set(before.filter((line) => line.kind === 'answered').map((line) => line.request))
    byPage.set(
      page,
      before
        .filter((line) => line.kind === 'sent' && !answered.has(line.request) && line.id !== undefined)
        .map((line) => line.id as string),
    )
  }
  return byPage
}

// Page side of the hostile-world specs: runs generated calls against the page's tracker and
// reports, as plain data, whatever went wrong (a throw, a rejection, a result that is not a
// SendResult, a promise that never settles). `window.__materialize` is installed by the spec.
;(() => {
  const eventMethods = new Set([
    'productPage',
    'addToWishlist',
    'statusCart',
    'purchasedItems',
    'productImpressions',
    'categoryPage',
    'customerData',
    'customEvent',
    'searchRequest',
    'productUpdate',
    'send',
  ])
  const isSendResult = (value) =>
    typeof value === 'object' &&
    value !== null &&
    (value.ok === true || (value.ok === false && typeof value.error?.code === 'string'))
  const printable = (error) => {
    try {
      return String(error?.stack ?? error)
    } catch {
      return 'an unprintable error'
    }
  }

  /** How each call is made: on the ESM tracker object, or as a script-tag command. */
  const invokers = {
    method: (method, args) => window.tracker[method](...args),
    command: (method, args) => window.esTracker(method, ...args),
  }

  window.hostileHarness = {
    /**
     * Runs `calls` ({ method, args: ValueSpec[] }) one after the other without awaiting, then
     * grants consent (calls held back by a generated 'pending' go on), then waits up to
     * `settleMs` for every returned promise.
     */
    async run(calls, { via = 'method', settleMs = 20000 } = {}) {
      const invoke = invokers[via]
      const report = { thrown: [], rejected: [], malformed: [], hung: [], ok: 0, codes: {} }
      const waiting = []
      calls.forEach((call, index) => {
        const args = call.args.map(window.__materialize)
        let returned
        try {
          returned = invoke(call.method, args)
        } catch (error) {
          report.thrown.push({ index, method: call.method, error: printable(error) })
          return
        }
        const isEvent = eventMethods.has(call.method)
        if (via === 'method' && isEvent && !(returned instanceof Promise)) {
          report.malformed.push({ index, method: call.method, value: typeof returned })
          return
        }
        if (!(returned instanceof Promise)) return
        waiting.push(
          returned.then(
            (value) => {
              if (isEvent && !isSendResult(value)) {
                report.malformed.push({ index, method: call.method, value: typeof value })
              } else if (isSendResult(value)) {
                // A script-tag command's result too (eS.JS `sendEvent`, an unknown command).
                if (value.ok) report.ok++
                else report.codes[value.error.code] = (report.codes[value.error.code] ?? 0) + 1
              }
              return index
            },
            (error) => {
              report.rejected.push({ index, method: call.method, error: printable(error) })
              return index
            },
          ),
        )
      })
      invokers[via]('setConsent', ['granted'])
      const settled = new Set()
      const all = Promise.all(waiting.map((promise) => promise.then((index) => settled.add(index))))
      await Promise.race([all, new Promise((resolve) => setTimeout(resolve, settleMs))])
      if (settled.size < waiting.length) report.hung.push(`${waiting.length - settled.size} call(s) never settled`)
      return report
    },
  }
})()

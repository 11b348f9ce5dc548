import { timelineApp } from './app.js';

/**
 * The timeline page's three files, held as strings in the server's own bundle: nothing to find on
 * disk at run time (the same from the sources, `dist/` or the `scaling-mock` command), nothing
 * fetched from elsewhere.
 */

export const PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Scaling mock · escalation timeline</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/__mock/ui/style.css">
<script src="/__mock/ui/app.js" defer></script>
</head>
<body>
<header class="bar">
  <h1>Scaling mock <span class="muted">escalation timeline</span></h1>
  <div class="clock" title="The mock's virtual clock">
    <span class="label">Clock</span>
    <output id="clock-now">…</output>
  </div>
  <div class="controls" role="group" aria-label="Clock controls">
    <button type="button" data-control data-advance="1">+1 min</button>
    <button type="button" data-control data-advance="5">+5 min</button>
    <button type="button" data-control data-advance="15">+15 min</button>
    <button type="button" data-control data-advance="60">+60 min</button>
    <button type="button" data-control id="next-step" disabled>Next step</button>
    <button type="button" data-control id="reset" class="secondary" title="Back to the start: the seed applied again">Reset</button>
  </div>
  <span id="status" class="status" role="status" aria-live="polite"></span>
</header>
<main>
  <nav id="incidents" aria-label="Incidents by organization"><p class="muted">Loading…</p></nav>
  <section id="detail" aria-label="Selected incident">
    <div id="incident-header"></div>
    <figure id="timeline" class="timeline" aria-label="Timeline"></figure>
    <div class="panels">
      <section id="policy" class="panel"></section>
      <section id="schedules" class="panel"></section>
    </div>
    <details class="panel"><summary>As text</summary><pre id="timeline-text"></pre></details>
  </section>
</main>
</body>
</html>
`;

export const PAGE_CSS = `:root {
  color-scheme: light;
  --text: #0f172a; --muted: #64748b; --line: #e2e8f0; --bg: #f1f5f9; --card: #ffffff; --accent: #2563eb;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif;
  font-size: 14px; color: var(--text); background: var(--bg);
}
* { box-sizing: border-box; }
body { margin: 0; }
h1 { font-size: 16px; margin: 0; white-space: nowrap; }
h2 { font-size: 15px; margin: 0 0 6px; }
h3 { font-size: 13px; margin: 0 0 8px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.muted { color: var(--muted); font-weight: normal; }
.bar { display: flex; flex-wrap: wrap; align-items: center; gap: 12px 20px; padding: 10px 16px; background: var(--card); border-bottom: 1px solid var(--line); position: sticky; top: 0; z-index: 1; }
.clock { display: flex; align-items: baseline; gap: 8px; font-variant-numeric: tabular-nums; }
.clock .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.clock output { font-size: 15px; font-weight: 600; }
.controls { display: flex; flex-wrap: wrap; gap: 6px; }
button { font: inherit; font-size: 13px; padding: 5px 10px; border-radius: 6px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; }
button.secondary { background: var(--card); color: var(--accent); }
button:disabled { opacity: .45; cursor: default; }
.status { font-size: 12px; color: var(--muted); }
.status.error { color: #b91c1c; }
main { display: grid; grid-template-columns: minmax(240px, 300px) minmax(0, 1fr); gap: 16px; padding: 16px; align-items: start; }
nav { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px; max-height: calc(100vh - 90px); overflow: auto; }
.org + .org { margin-top: 14px; }
.org h2 { font-size: 13px; }
.org ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
.incident { display: grid; gap: 4px; padding: 8px; border: 1px solid var(--line); border-radius: 6px; color: inherit; text-decoration: none; }
.incident:hover { border-color: #93c5fd; }
.incident[aria-current="true"] { border-color: var(--accent); background: #eff6ff; }
.incident .title { font-weight: 600; }
.incident .id { font-size: 11px; }
.meta { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; margin: 0; }
.badge { font-size: 11px; padding: 1px 6px; border-radius: 999px; background: #e2e8f0; color: #334155; }
.badge-active { background: #dbeafe; color: #1d4ed8; }
.badge-acknowledged, .badge-resolved { background: #dcfce7; color: #15803d; }
.badge-exhausted { background: #fee2e2; color: #b91c1c; }
.badge-stopped, .badge-none { background: #f1f5f9; color: var(--muted); }
.badge-sev-critical { background: #fee2e2; color: #991b1b; }
.badge-sev-high { background: #ffedd5; color: #9a3412; }
#detail { display: grid; gap: 12px; min-width: 0; }
#incident-header { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.facts { margin: 6px 0 0; color: #334155; }
.timeline { margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 8px; overflow: auto; max-height: 62vh; }
.timeline:empty { display: none; }
.timeline svg { display: block; }
.panels { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 12px; }
.panel { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.panel:empty { display: none; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 4px 8px 4px 0; border-bottom: 1px solid var(--line); vertical-align: top; }
tr.current td { background: #eff6ff; font-weight: 600; }
#schedules ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
summary { cursor: pointer; color: var(--muted); }
pre { margin: 8px 0 0; font-size: 12px; overflow: auto; }
@media (max-width: 760px) { main { grid-template-columns: 1fr; } }
`;

/**
 * The script: the app function's own source, called at once. A TypeScript runner that keeps
 * function names (esbuild's `keepNames`, as tsx does) wraps inner functions in a `__name(fn, "…")`
 * helper that lives in the module, not in the function: a local stand-in keeps the source valid
 * on its own wherever it was compiled.
 */
export const PAGE_JS = `(() => {\n  const __name = (target) => target;\n  (${timelineApp.toString()})();\n})();\n`;

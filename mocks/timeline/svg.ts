import type { EscalationSimulation } from '../../src/escalation/simulate.js';
import { clockLabel, describeEvent, headline, nameOf, offsetLabel, summary } from './format.js';
import { fitText, Rows, textWidth, timeScale } from './layout.js';
import { asTimeline } from './of-simulation.js';
import type { Timeline, TimelineEvent, TimelineSVGOptions } from './types.js';

/**
 * The timeline as a standalone SVG document: a time axis from the incident's opening, one lane per
 * layer position, a mark per page (name and reason), and markers for escalations, skipped layers,
 * acknowledgment, handoff, exhaustion, resolution, the next due step and the clock's now.
 *
 * Stable hooks for tests: every page mark is a `<g data-kind="page" data-position="…">` (`none`
 * for a page without a layer), every marker a `<g data-kind="…">` (`escalated`, `skipped`,
 * `acknowledged`, `handoff`, `exhausted`, `resolved`, `stopped`, `status`, `next`, `now`), each with
 * `data-at` (ISO 8601). Styles are attributes, not a `<style>` sheet, so the drawing can be put
 * inline in a page without restyling it. Past five layers, the layers nobody reached collapse into
 * one row; lanes keep their height, so many layers make a taller drawing (it scrolls), never a
 * cramped one.
 */

const COLORS = {
  page: '#2563eb',
  handoffPage: '#7c3aed',
  escalated: '#94a3b8',
  skipped: '#d97706',
  acknowledged: '#16a34a',
  handoff: '#7c3aed',
  exhausted: '#dc2626',
  resolved: '#0d9488',
  stopped: '#64748b',
  status: '#0ea5e9',
  next: '#475569',
  now: '#0f172a',
  text: '#0f172a',
  muted: '#64748b',
  grid: '#e2e8f0',
} as const;

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";
const LEFT = 210;
const LANE = 40;
const COLLAPSED = 26;
const BAND_TOP = 50;
const BAND_ROW = 14;
const BAND_ROWS = 3;
const LANES_TOP = BAND_TOP + BAND_ROW * BAND_ROWS + 10;
/**
 * Past this many lanes, the positions after the next one to reach collapse into one row: up to
 * five lanes (or five reached) the drawing stays within 1200×400.
 */
const COLLAPSE_OVER = 5;
/** Label rows inside a lane, as baselines from its centre: beside the marks, above, below. */
const LANE_ROWS = [4, -9, 17] as const;
const SIZE = 11;

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
/** A number for an attribute: at most one decimal. */
const n = (value: number) => String(Math.round(value * 10) / 10);
const attrs = (values: Record<string, string | number | null | undefined>) =>
  Object.entries(values)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([name, value]) => ` ${name}="${escape(String(value))}"`)
    .join('');
const text = (x: number, y: number, content: string, extra: Record<string, string | number | undefined> = {}) =>
  `<text${attrs({ x: n(x), y: n(y), ...extra })}>${escape(content)}</text>`;

type Lane = { key: string; position: number | null; title: string; subtitle: string; top: number; height: number; collapsed: boolean };

/** Which positions get a lane: the policy's, any an event names, and the next step's. */
const lanesOf = (timeline: Timeline): Lane[] => {
  const named = new Map(timeline.lanes.map((lane) => [lane.position, lane]));
  const reached = new Set<number>();
  for (const event of timeline.events) {
    if ((event.kind === 'page' && event.position !== null) || event.kind === 'skipped') reached.add(event.position!);
    if (event.kind === 'escalated') for (const position of [event.fromPosition, event.toPosition]) if (position !== null) reached.add(position);
  }
  if (timeline.next?.position != null) reached.add(timeline.next.position);
  const positions = [...new Set([...named.keys(), ...reached])].sort((a, b) => a - b);
  const last = Math.max(1, ...reached, ...(timeline.next?.position == null ? [] : [timeline.next.position + 1]));
  const shown = positions.length > COLLAPSE_OVER ? positions.filter((position) => position <= last) : positions;
  const hidden = positions.filter((position) => !shown.includes(position));
  const lanes: Array<Omit<Lane, 'top' | 'height'>> = shown.map((position) => {
    const lane = named.get(position);
    return {
      key: String(position),
      position,
      title: `${position}${lane?.ackTimeoutMinutes == null ? '' : ` · ${lane.ackTimeoutMinutes} min`}`,
      subtitle: lane ? `${lane.target}${lane.condition === null ? '' : ` · ${lane.condition}`}` : timeline.source === 'mock' ? 'no longer in the policy' : '',
      collapsed: false,
    };
  });
  if (hidden.length > 0) {
    const range = hidden.length === 1 ? `Layer ${hidden[0]}` : `Layers ${hidden[0]}–${hidden.at(-1)}`;
    lanes.push({ key: 'collapsed', position: null, title: `${range}: not reached`, subtitle: '', collapsed: true });
  }
  if (timeline.events.some((event) => event.kind === 'page' && event.position === null)) {
    lanes.push({ key: 'none', position: null, title: 'no layer', subtitle: 'handoffs outside a policy', collapsed: false });
  }
  if (lanes.length === 0) {
    const [title, subtitle] = timeline.policy === null ? ['no escalation policy', 'nobody is paged'] : ['no layers', 'the policy pages nobody'];
    lanes.push({ key: 'empty', position: null, title, subtitle, collapsed: false });
  }
  let top = LANES_TOP;
  return lanes.map((lane) => {
    const height = lane.collapsed ? COLLAPSED : LANE;
    const placed = { ...lane, top, height };
    top += height;
    return placed;
  });
};

/**
 * How long each layer had the incident: from its page until escalation moved on, someone
 * acknowledged, it ran out, or (still waiting) the clock's now. Drawn as a faint bar in the lane.
 */
const waitsOf = (timeline: Timeline): Array<{ position: number | null; from: string; to: string; reason: 'escalation' | 'handoff' }> => {
  const waits: Array<{ position: number | null; from: string; to: string; reason: 'escalation' | 'handoff' }> = [];
  let open: { position: number | null; from: string; reason: 'escalation' | 'handoff' } | undefined;
  const close = (at: string) => {
    if (open) waits.push({ ...open, to: at });
    open = undefined;
  };
  for (const event of timeline.events) {
    if (event.kind === 'page') {
      if (open?.from === event.at && open.position === event.position) continue;
      close(event.at);
      open = { position: event.position, from: event.at, reason: event.reason };
    } else if (event.kind === 'escalated' || event.kind === 'acknowledged' || event.kind === 'exhausted' || event.kind === 'resolved' || event.kind === 'stopped') {
      close(event.at);
    }
  }
  if (open && timeline.now !== null) close(timeline.now);
  return waits.filter((wait) => wait.from !== wait.to);
};

/** Markers drawn as a line across every lane, labelled above the lanes, in the order their labels are placed. */
const GLOBAL: ReadonlyArray<TimelineEvent['kind']> = ['exhausted', 'resolved', 'stopped', 'acknowledged', 'handoff', 'status'];

const globalLabel = (timeline: Timeline, event: TimelineEvent): string => {
  switch (event.kind) {
    case 'acknowledged':
      return `acknowledged${event.userId === null ? '' : ` · ${nameOf(timeline, event.userId)}`}`;
    case 'handoff':
      return `handoff → ${nameOf(timeline, event.toUserId)}`;
    case 'status':
      return event.to;
    case 'stopped':
      return 'stopped';
    default:
      return event.kind;
  }
};

export const toSVG = (input: Timeline | EscalationSimulation, options: TimelineSVGOptions = {}): string => {
  const timeline = asTimeline(input);
  const width = Math.max(480, Math.round(options.width ?? 1200));
  const lanes = lanesOf(timeline);
  /** A page without a layer (a handoff without a policy) goes to the `no layer` lane. */
  const laneOf = (position: number | null) => lanes.find((lane) => (position === null ? lane.key === 'none' : lane.position === position));
  const layerLane = (position: number | null) => (position === null ? undefined : laneOf(position));
  const centre = (lane: Lane) => lane.top + lane.height / 2;
  const lanesBottom = lanes.at(-1)!.top + lanes.at(-1)!.height;

  const start = Date.parse(timeline.start);
  const instants = [start, ...timeline.events.map((event) => Date.parse(event.at))];
  if (timeline.now !== null) instants.push(Date.parse(timeline.now));
  if (timeline.next !== null) instants.push(Date.parse(timeline.next.at));
  const plotLeft = LEFT + 14;
  const plotRight = width - 40;
  const scale = timeScale(start, Math.max(...instants), plotLeft, plotRight);
  const xOf = (at: string) => scale.x(Date.parse(at));
  const when = (at: string) => `${offsetLabel(Date.parse(at) - start)} (${clockLabel(Date.parse(at))})`;

  // Everything that takes room, before any label is placed: lines across, arrows, marks.
  const band = new Rows(BAND_ROWS);
  const laneRows = new Map(lanes.map((lane) => [lane.key, new Rows(LANE_ROWS.length)]));
  const globals: Array<{ kind: string; at: string; label: string; color: string; dashed: boolean; title: string; extra: Record<string, string> }> = [];
  for (const kind of GLOBAL) {
    for (const event of timeline.events.filter((candidate) => candidate.kind === kind)) {
      globals.push({ kind, at: event.at, label: `${globalLabel(timeline, event)} ${offsetLabel(Date.parse(event.at) - start)}`, color: COLORS[kind as keyof typeof COLORS], dashed: false, title: `${when(event.at)} · ${describeEvent(timeline, event)}`, extra: {} });
    }
  }
  if (timeline.next !== null) {
    const { at, position } = timeline.next;
    globals.push({ kind: 'next', at, label: `next step ${offsetLabel(Date.parse(at) - start)}`, color: COLORS.next, dashed: true, title: `${when(at)} · next step${position === null ? '' : `: position ${position} times out`}`, extra: position === null ? {} : { 'data-position': String(position) } });
  }
  if (timeline.now !== null) {
    globals.push({ kind: 'now', at: timeline.now, label: `now ${offsetLabel(Date.parse(timeline.now) - start)}`, color: COLORS.now, dashed: false, title: `${when(timeline.now)} · the mock clock's now`, extra: {} });
  }
  for (const marker of globals) {
    const x = xOf(marker.at);
    band.takeAll(x - 2, x + 2);
    for (const rows of laneRows.values()) rows.takeAll(x - 2, x + 2);
  }
  const escalations = timeline.events.filter((event): event is Extract<TimelineEvent, { kind: 'escalated' }> => event.kind === 'escalated');
  for (const event of escalations) {
    const x = xOf(event.at);
    const [from, to] = [layerLane(event.fromPosition), layerLane(event.toPosition)];
    if (from && to) {
      for (const lane of lanes.filter((candidate) => candidate.top > from.top && candidate.top < to.top)) laneRows.get(lane.key)!.takeAll(x - 3, x + 3);
      laneRows.get(from.key)!.take(2, x - 3, x + 3);
      laneRows.get(to.key)!.take(1, x - 3, x + 3);
    }
  }
  const marks = timeline.events.filter((event): event is Extract<TimelineEvent, { kind: 'page' | 'skipped' }> => event.kind === 'page' || event.kind === 'skipped');
  for (const event of marks) {
    const lane = laneOf(event.position);
    if (lane) laneRows.get(lane.key)!.take(0, xOf(event.at) - 6, xOf(event.at) + 6);
  }

  const out: string[] = [];
  const label = `${headline(timeline)}: ${summary(timeline)}`;
  const key = legend(lanesBottom + 46, width);
  const height = lanesBottom + 46 + key.rows * 16 + 10;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg"${attrs({ width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label, 'font-family': FONT, 'font-size': SIZE, 'data-source': timeline.source, 'data-incident-id': timeline.incidentId })}>`,
    `<title>${escape(label)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    text(12, 22, fitText(headline(timeline), width - 24, 15, true), { 'font-size': 15, 'font-weight': 700, fill: COLORS.text }),
    text(12, 40, fitText(summary(timeline), width - 24, 12), { 'font-size': 12, fill: COLORS.muted }),
  );

  // Lanes: background, then the position and target on the left.
  const active = timeline.escalationState === 'active' ? timeline.next?.position : undefined;
  lanes.forEach((lane, index) => {
    const fill = lane.position !== null && lane.position === active ? '#eff6ff' : index % 2 === 0 ? '#f8fafc' : '#ffffff';
    // The full label as a tooltip: the visible one may be cut to fit the column.
    const full = lane.subtitle ? `${lane.title} · ${lane.subtitle}` : lane.title;
    out.push(`<g data-lane="${escape(lane.key)}">`, `<title>${escape(full)}</title>`, `<rect${attrs({ x: 0, y: lane.top, width, height: lane.height, fill })}/>`);
    if (lane.collapsed) out.push(text(12, lane.top + 17, fitText(lane.title, width - 24, SIZE), { fill: COLORS.muted, 'font-style': 'italic' }));
    else {
      out.push(text(12, lane.top + 17, fitText(lane.title, LEFT - 24, 12, true), { 'font-size': 12, 'font-weight': 600, fill: COLORS.text }));
      if (lane.subtitle) out.push(text(12, lane.top + 31, fitText(lane.subtitle, LEFT - 24, SIZE), { fill: COLORS.muted }));
    }
    out.push('</g>');
  });
  out.push(`<line${attrs({ x1: LEFT, y1: LANES_TOP, x2: LEFT, y2: lanesBottom, stroke: COLORS.grid })}/>`);

  // The axis: a faint line per tick through the lanes, its offset and clock time below.
  out.push('<g data-axis="time">');
  for (const tick of scale.ticks) {
    const x = scale.x(tick);
    out.push(
      `<line${attrs({ x1: n(x), y1: LANES_TOP, x2: n(x), y2: lanesBottom + 4, stroke: COLORS.grid })}/>`,
      text(x, lanesBottom + 17, offsetLabel(tick - start), { 'text-anchor': 'middle', fill: COLORS.text }),
      text(x, lanesBottom + 30, clockLabel(tick), { 'text-anchor': 'middle', fill: COLORS.muted, 'font-size': 10 }),
    );
  }
  out.push('</g>');

  // Markers across the lanes, their labels in the band above.
  for (const marker of globals) {
    const x = xOf(marker.at);
    const labelWidth = textWidth(marker.label, SIZE, true);
    const spot = band.place(x, labelWidth, 4, width - 4, [0, 1, 2], 5);
    const top = spot === undefined ? LANES_TOP : BAND_TOP + spot.row * BAND_ROW + 2;
    out.push(
      `<g${attrs({ 'data-kind': marker.kind, 'data-at': marker.at, ...marker.extra })}>`,
      `<title>${escape(marker.title)}</title>`,
      `<line${attrs({ x1: n(x), y1: top, x2: n(x), y2: lanesBottom, stroke: marker.color, 'stroke-width': marker.kind === 'now' ? 1.5 : 2, 'stroke-dasharray': marker.dashed ? '5 4' : undefined })}/>`,
      spot === undefined ? '' : text(spot.from, BAND_TOP + spot.row * BAND_ROW + 11, marker.label, { fill: marker.color, 'font-weight': 600 }),
      '</g>',
    );
  }

  // How long each layer had the incident, under the marks.
  for (const wait of waitsOf(timeline)) {
    const lane = laneOf(wait.position);
    if (!lane) continue;
    const [x1, x2] = [xOf(wait.from), xOf(wait.to)];
    out.push(`<rect${attrs({ x: n(x1), y: n(centre(lane) - 2), width: n(Math.max(0, x2 - x1)), height: 4, rx: 2, fill: wait.reason === 'handoff' ? COLORS.handoffPage : COLORS.page, 'fill-opacity': 0.22, 'data-wait': wait.position ?? 'none' })}/>`);
  }

  // Escalations: an arrow from the lane that timed out to the lane reached.
  for (const event of escalations) {
    const x = xOf(event.at);
    const [from, to] = [layerLane(event.fromPosition), layerLane(event.toPosition)];
    const hooks = attrs({ 'data-kind': 'escalated', 'data-at': event.at, 'data-position': event.toPosition ?? 'none', 'data-from-position': event.fromPosition ?? 'none' });
    const title = `<title>${escape(`${when(event.at)} · ${describeEvent(timeline, event)}`)}</title>`;
    if (from && to && from !== to) {
      const [y1, y2] = from.top < to.top ? [centre(from) + 7, centre(to) - 8] : [centre(from) - 7, centre(to) + 8];
      const tip = y2 > y1 ? -5 : 5;
      out.push(
        `<g${hooks}>${title}`,
        `<line${attrs({ x1: n(x), y1: n(y1), x2: n(x), y2: n(y2), stroke: COLORS.escalated, 'stroke-width': 1.5 })}/>`,
        `<path${attrs({ d: `M${n(x - 3.5)} ${n(y2 + tip)} L${n(x)} ${n(y2)} L${n(x + 3.5)} ${n(y2 + tip)}`, fill: 'none', stroke: COLORS.escalated, 'stroke-width': 1.5 })}/>`,
        '</g>',
      );
    } else {
      const lane = from ?? to ?? lanes[0]!;
      out.push(`<g${hooks}>${title}<path${attrs({ d: `M${n(x - 4)} ${n(centre(lane) + 9)} L${n(x)} ${n(centre(lane) + 14)} L${n(x + 4)} ${n(centre(lane) + 9)}`, fill: 'none', stroke: COLORS.escalated, 'stroke-width': 1.5 })}/></g>`);
    }
  }

  // Pages and skipped layers in their lanes; pages of one step in one lane share a label.
  const placeLabel = (lane: Lane, x: number, content: string, color: string): string => {
    const shown = fitText(content, 220, SIZE);
    if (shown === '') return '';
    // Above the lane's line first: the waiting bar runs along it.
    const spot = laneRows.get(lane.key)!.place(x, textWidth(shown, SIZE), plotLeft - 10, width - 4, [1, 2, 0], 9);
    return spot === undefined ? '' : text(spot.from, centre(lane) + LANE_ROWS[spot.row]!, shown, { fill: color });
  };
  const groups = new Map<string, Array<Extract<TimelineEvent, { kind: 'page' }>>>();
  for (const event of marks) if (event.kind === 'page') {
    const key = `${event.position}|${event.at}|${event.reason}`;
    groups.set(key, [...(groups.get(key) ?? []), event]);
  }
  for (const event of marks) {
    const lane = laneOf(event.position);
    if (!lane) continue;
    const x = xOf(event.at);
    const y = centre(lane);
    const title = `<title>${escape(`${when(event.at)} · ${describeEvent(timeline, event)}`)}</title>`;
    if (event.kind === 'skipped') {
      const reason = event.reason === 'condition_not_met' ? 'condition not met' : 'nobody to page';
      out.push(
        `<g${attrs({ 'data-kind': 'skipped', 'data-at': event.at, 'data-position': event.position, 'data-reason': event.reason })}>${title}`,
        `<circle${attrs({ cx: n(x), cy: n(y), r: 5, fill: '#ffffff', stroke: COLORS.skipped, 'stroke-width': 1.5 })}/>`,
        `<line${attrs({ x1: n(x - 3.5), y1: n(y + 3.5), x2: n(x + 3.5), y2: n(y - 3.5), stroke: COLORS.skipped, 'stroke-width': 1.5 })}/>`,
        placeLabel(lane, x, `skipped: ${reason}`, COLORS.skipped),
        '</g>',
      );
      continue;
    }
    const group = groups.get(`${event.position}|${event.at}|${event.reason}`)!;
    const color = event.reason === 'handoff' ? COLORS.handoffPage : COLORS.page;
    const names = group.map((page) => nameOf(timeline, page.userId));
    const content = `${event.reason === 'handoff' ? '→ ' : ''}${names.length > 2 ? `${names[0]} +${names.length - 1}` : names.join(', ')}`;
    out.push(
      `<g${attrs({ 'data-kind': 'page', 'data-at': event.at, 'data-position': event.position ?? 'none', 'data-user': event.userId, 'data-reason': event.reason })}>${title}`,
      `<circle${attrs({ cx: n(x), cy: n(y), r: 5, fill: color, stroke: '#ffffff', 'stroke-width': 1.5 })}/>`,
      group[0] === event ? placeLabel(lane, x, content, color) : '',
      '</g>',
    );
  }

  out.push(key.svg, '</svg>');
  return out.filter((part) => part !== '').join('\n');
};

const LEGEND: ReadonlyArray<{ name: string; color: string; glyph: 'dot' | 'ring' | 'line' | 'dash' | 'arrow' }> = [
  { name: 'page', color: COLORS.page, glyph: 'dot' },
  { name: 'handoff page', color: COLORS.handoffPage, glyph: 'dot' },
  { name: 'escalated', color: COLORS.escalated, glyph: 'arrow' },
  { name: 'skipped', color: COLORS.skipped, glyph: 'ring' },
  { name: 'acknowledged', color: COLORS.acknowledged, glyph: 'line' },
  { name: 'handoff', color: COLORS.handoff, glyph: 'line' },
  { name: 'exhausted', color: COLORS.exhausted, glyph: 'line' },
  { name: 'resolved', color: COLORS.resolved, glyph: 'line' },
  { name: 'next step', color: COLORS.next, glyph: 'dash' },
];

/** What each colour means, on one line (wrapping to a second on narrow drawings). */
const legend = (y: number, width: number): { svg: string; rows: number } => {
  const parts = ['<g data-legend="">'];
  let x = 12;
  let row = 0;
  for (const item of LEGEND) {
    const itemWidth = 18 + textWidth(item.name, 10) + 14;
    if (x + itemWidth > width - 12) {
      x = 12;
      row++;
    }
    const cy = y + row * 16;
    if (item.glyph === 'dot') parts.push(`<circle${attrs({ cx: x + 5, cy, r: 4.5, fill: item.color })}/>`);
    else if (item.glyph === 'ring') parts.push(`<circle${attrs({ cx: x + 5, cy, r: 4, fill: '#ffffff', stroke: item.color, 'stroke-width': 1.5 })}/>`);
    else if (item.glyph === 'arrow') parts.push(`<path${attrs({ d: `M${x + 2} ${cy - 2} L${x + 5} ${cy + 2} L${x + 8} ${cy - 2}`, fill: 'none', stroke: item.color, 'stroke-width': 1.5 })}/>`);
    else parts.push(`<line${attrs({ x1: x + 5, y1: cy - 6, x2: x + 5, y2: cy + 6, stroke: item.color, 'stroke-width': 2, 'stroke-dasharray': item.glyph === 'dash' ? '3 2' : undefined })}/>`);
    parts.push(text(x + 14, cy + 3.5, item.name, { 'font-size': 10, fill: COLORS.muted }));
    x += itemWidth;
  }
  parts.push('</g>');
  return { svg: parts.join(''), rows: row + 1 };
};

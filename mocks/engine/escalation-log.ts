import type { Millis } from './clock.js';
import { createInterned, intern, type Interned } from './interned.js';
import { pageReason, readPage, type PageLog, type PageReason } from './page-log.js';

/**
 * The escalation part of every incident's audit trail, written by the engine alone, in order. A
 * timer step appends two entries here (`escalated`, then `layer_paged`) and touches nothing of the
 * incident: stored by column in typed arrays like the page log, for the same reason (a 10,000
 * incident simulation must cost the same per step as a 1,000 one). A `layer_paged` entry names
 * its pages in the page log instead of copying them. The store interleaves these entries with its
 * own by the log's size when it wrote each of them (see `recordAudit`).
 */

export type StopReason = 'resolved' | 'policy_deleted';

/** The escalation steps of the trail, as read back (times still in epoch ms). */
export type EscalationAuditEntry =
  | { type: 'escalated'; at: Millis; fromPosition: number | null }
  | { type: 'layer_skipped'; at: Millis; position: number; layerId: string }
  | { type: 'layer_paged'; at: Millis; position: number | null; layerId: string | null; userIds: string[]; reason: PageReason }
  | { type: 'escalation_exhausted'; at: Millis }
  | { type: 'escalation_stopped'; at: Millis; reason: StopReason };

const KINDS = ['escalated', 'layer_skipped', 'layer_paged', 'escalation_exhausted', 'escalation_stopped'] as const;
/** Each kind's code: its index in `KINDS`. A literal, so that a step's lookup of it compiles to a constant. */
const KIND = { escalated: 0, layer_skipped: 1, layer_paged: 2, escalation_exhausted: 3, escalation_stopped: 4 } as const;
const STOP_REASONS: readonly StopReason[] = ['resolved', 'policy_deleted'];

/**
 * Which columns an entry uses depends on its kind: `position` (-1 for `null`) is the position
 * skipped, or the one escalated from; `layerId` (interned) the layer skipped; `firstPage` and
 * `pageCount` the pages of a `layer_paged`; `reason` why escalation stopped.
 */
const COLUMNS = ['incidentId', 'kind', 'position', 'layerId', 'firstPage', 'pageCount', 'reason'] as const;

export type EscalationLog = {
  size: number;
  at: Float64Array;
  columns: Record<(typeof COLUMNS)[number], Int32Array>;
  ids: Interned;
  /** Entry indices by incident (interned code), built as the log is read, up to `upTo`. */
  index: { upTo: number; byIncident: Map<number, number[]> };
};

export const createEscalationLog = (capacity = 1024): EscalationLog => ({
  size: 0,
  at: new Float64Array(capacity),
  columns: Object.fromEntries(COLUMNS.map((name) => [name, new Int32Array(capacity)])) as EscalationLog['columns'],
  ids: createInterned(),
  index: { upTo: 0, byIncident: new Map() },
});

const grow = (log: EscalationLog) => {
  const capacity = log.at.length * 2;
  const at = new Float64Array(capacity);
  at.set(log.at);
  log.at = at;
  for (const name of COLUMNS) {
    const column = new Int32Array(capacity);
    column.set(log.columns[name]);
    log.columns[name] = column;
  }
};

/**
 * An incident's code in the log. The engine keeps it with the escalation, so that a timer step
 * writes its entries without looking the incident's id up.
 */
export const incidentCode = (log: EscalationLog, incidentId: string): number => intern(log.ids, incidentId);

/**
 * Starts an entry of `incident` (its `incidentCode`); the caller fills the columns its kind uses.
 * Positional: a step allocates nothing.
 */
const append = (log: EscalationLog, kind: number, incident: number, at: Millis): number => {
  if (log.size === log.at.length) grow(log);
  const index = log.size++;
  log.at[index] = at;
  log.columns.incidentId[index] = incident;
  log.columns.kind[index] = kind;
  return index;
};

export const logEscalated = (log: EscalationLog, incident: number, at: Millis, fromPosition: number | null) => {
  log.columns.position[append(log, KIND.escalated, incident, at)] = fromPosition ?? -1;
};

export const logLayerSkipped = (log: EscalationLog, incident: number, at: Millis, position: number, layerId: string) => {
  const index = append(log, KIND.layer_skipped, incident, at);
  log.columns.position[index] = position;
  log.columns.layerId[index] = intern(log.ids, layerId);
};

/** The pages of one step: `count` pages from `firstPage` in the page log, all of one layer and instant. */
export const logLayerPaged = (log: EscalationLog, incident: number, at: Millis, firstPage: number, count: number) => {
  const index = append(log, KIND.layer_paged, incident, at);
  log.columns.firstPage[index] = firstPage;
  log.columns.pageCount[index] = count;
};

export const logExhausted = (log: EscalationLog, incident: number, at: Millis) => {
  append(log, KIND.escalation_exhausted, incident, at);
};

export const logStopped = (log: EscalationLog, incident: number, at: Millis, reason: StopReason) => {
  log.columns.reason[append(log, KIND.escalation_stopped, incident, at)] = STOP_REASONS.indexOf(reason);
};

/** The indices of an incident's entries, oldest first; the index catches up as it is read. */
export const escalationEntriesOf = (log: EscalationLog, incidentId: string): readonly number[] => {
  const { index } = log;
  for (; index.upTo < log.size; index.upTo++) {
    const code = log.columns.incidentId[index.upTo]!;
    const list = index.byIncident.get(code);
    if (list) list.push(index.upTo);
    else index.byIncident.set(code, [index.upTo]);
  }
  const code = log.ids.codes.get(incidentId);
  return (code === undefined ? undefined : index.byIncident.get(code)) ?? [];
};

export const readEscalationEntry = (log: EscalationLog, pages: PageLog, index: number): EscalationAuditEntry => {
  const { columns } = log;
  const at = log.at[index]!;
  const position = columns.position[index]!;
  switch (KINDS[columns.kind[index]!]!) {
    case 'escalated':
      return { type: 'escalated', at, fromPosition: position === -1 ? null : position };
    case 'layer_skipped':
      return { type: 'layer_skipped', at, position, layerId: log.ids.strings[columns.layerId[index]!]! };
    case 'layer_paged': {
      const firstPage = columns.firstPage[index]!;
      const first = readPage(pages, firstPage);
      const userIds = [first.userId];
      for (let page = firstPage + 1; page < firstPage + columns.pageCount[index]!; page++) userIds.push(readPage(pages, page).userId);
      return { type: 'layer_paged', at, position: first.position, layerId: first.layerId, userIds, reason: pageReason(first.cause) };
    }
    case 'escalation_exhausted':
      return { type: 'escalation_exhausted', at };
    case 'escalation_stopped':
      return { type: 'escalation_stopped', at, reason: STOP_REASONS[columns.reason[index]!]! };
  }
};

import type { Millis } from './clock.js';
import { createInterned, intern, internedFrom, internedStrings, type Interned } from './interned.js';
import { columnData, columnOf, createColumn, numberAt, setAt, unpackedData, type Column } from './columns.js';
import { pagePositionCode, pageReason, readPage, type PageLog, type PageReason } from './page-log.js';
import { arrayAt, numbersAt, objectAt, refuse } from './snapshot-check.js';

/**
 * The escalation part of every incident's audit trail, written by the engine alone, in order. A
 * timer step appends two entries here (`escalated`, then `layer_paged`) and touches nothing of the
 * incident: stored by column like the page log (`columns.ts`), for the same reason (a 100,000
 * incident simulation must cost the same per step as a 10,000 one). A `layer_paged` entry names
 * its pages in the page log instead of copying them. The store interleaves these entries with its
 * own by the log's size when it wrote each of them (see `recordAudit`).
 */

export type StopReason = 'resolved' | 'policy_deleted';

/** The escalation steps of the trail, as read back (times still in epoch ms). */
export type EscalationAuditEntry =
  | { type: 'escalated'; at: Millis; fromPosition: number | null }
  | { type: 'layer_skipped'; at: Millis; position: number; layerId: string; reason?: 'condition_not_met' }
  | { type: 'layer_paged'; at: Millis; position: number | null; layerId: string | null; userIds: string[]; reason: PageReason }
  | { type: 'escalation_exhausted'; at: Millis }
  | { type: 'escalation_stopped'; at: Millis; reason: StopReason };

const KINDS = ['escalated', 'layer_skipped', 'layer_paged', 'escalation_exhausted', 'escalation_stopped', 'escalated_and_paged'] as const;
/** Each kind's code: its index in `KINDS`. A literal, so that a step's lookup of it compiles to a constant. */
const KIND = { escalated: 0, layer_skipped: 1, layer_paged: 2, escalation_exhausted: 3, escalation_stopped: 4, escalated_and_paged: 5 } as const;
const STOP_REASONS: readonly StopReason[] = ['resolved', 'policy_deleted'];

/**
 * Two columns say what each kind needs (as few numbers per entry as will do: a long simulation
 * writes an entry or two a step, and every chunk it adds is memory the garbage collector paces):
 *
 * | kind                 | `primary`                         | `secondary`          |
 * | -------------------- | --------------------------------- | -------------------- |
 * | `escalated`          | position escalated from (-1: null) |                      |
 * | `layer_skipped`      | position skipped (negated: its condition failed) | layer id (interned) |
 * | `layer_paged`        | its first page in the page log    | how many pages       |
 * | `escalation_stopped` | reason (index in `STOP_REASONS`)  |                      |
 */
type Columns = { entry: Column; primary: Column; secondary: Column };

/**
 * An entry's incident (its code) and kind as one number, `incident * 8 + kind`: a column fewer to
 * write on every step and to keep for good.
 */
const entryOf = (incident: number, kind: number) => incident * 8 + kind;
const incidentOf = (entry: number) => Math.floor(entry / 8);
const kindOf = (entry: number) => entry % 8;

export type EscalationLog = {
  size: number;
  at: Column;
  columns: Columns;
  ids: Interned;
  /** Entry indices by incident (interned code), built as the log is read, up to `upTo`. */
  index: { upTo: number; byIncident: Map<number, number[]> };
};

export const createEscalationLog = (): EscalationLog => ({
  size: 0,
  at: createColumn(),
  columns: { entry: createColumn(), primary: createColumn(), secondary: createColumn() },
  ids: createInterned(),
  index: { upTo: 0, byIncident: new Map() },
});

/**
 * An incident's code in the log. The engine keeps it with the escalation, so that a timer step
 * writes its entries without looking the incident's id up.
 */
export const incidentCode = (log: EscalationLog, incidentId: string): number => intern(log.ids, incidentId);

/**
 * Appends an entry of `incident` (its `incidentCode`) with the two numbers its kind uses (0 for
 * one it does not). Positional: a step allocates nothing.
 */
const append = (log: EscalationLog, kind: number, incident: number, at: Millis, primary: number, secondary: number) => {
  const index = log.size++;
  const { columns } = log;
  setAt(log.at, index, at);
  setAt(columns.entry, index, entryOf(incident, kind));
  setAt(columns.primary, index, primary);
  setAt(columns.secondary, index, secondary);
};

export const logEscalated = (log: EscalationLog, incident: number, at: Millis, fromPosition: number | null) =>
  append(log, KIND.escalated, incident, at, fromPosition ?? -1, 0);

export const logLayerSkipped = (log: EscalationLog, incident: number, at: Millis, position: number, layerId: string, reason?: 'condition_not_met') =>
  append(log, KIND.layer_skipped, incident, at, reason === 'condition_not_met' ? -position : position, intern(log.ids, layerId));

/** The pages of one step: `count` pages from `firstPage` in the page log, all of one layer and instant. */
export const logLayerPaged = (log: EscalationLog, incident: number, at: Millis, firstPage: number, count: number) =>
  append(log, KIND.layer_paged, incident, at, firstPage, count);

/**
 * The common timer step, `escalated` from the position before then `layer_paged`, as one entry: a
 * long simulation writes one entry a step instead of two (half the log, half the chunks to add).
 */
export const logEscalatedAndPaged = (log: EscalationLog, incident: number, at: Millis, firstPage: number, count: number) =>
  append(log, KIND.escalated_and_paged, incident, at, firstPage, count);

export const logExhausted = (log: EscalationLog, incident: number, at: Millis) => append(log, KIND.escalation_exhausted, incident, at, 0, 0);

export const logStopped = (log: EscalationLog, incident: number, at: Millis, reason: StopReason) =>
  append(log, KIND.escalation_stopped, incident, at, STOP_REASONS.indexOf(reason), 0);

/** The indices of an incident's entries, oldest first; the index catches up as it is read. */
export const escalationEntriesOf = (log: EscalationLog, incidentId: string): readonly number[] => {
  const { index } = log;
  for (; index.upTo < log.size; index.upTo++) {
    const code = incidentOf(numberAt(log.columns.entry, index.upTo));
    const list = index.byIncident.get(code);
    if (list) list.push(index.upTo);
    else index.byIncident.set(code, [index.upTo]);
  }
  const code = log.ids.codes.get(incidentId);
  return (code === undefined ? undefined : index.byIncident.get(code)) ?? [];
};

/** The page-log indices of an incident's pages, oldest first: every page is written down by one step. */
export const pageIndicesOf = (log: EscalationLog, incidentId: string): number[] => {
  const { columns } = log;
  const indices: number[] = [];
  for (const entry of escalationEntriesOf(log, incidentId)) {
    const kind = kindOf(numberAt(columns.entry, entry));
    if (kind !== KIND.layer_paged && kind !== KIND.escalated_and_paged) continue;
    const first = numberAt(columns.primary, entry);
    for (let page = first; page < first + numberAt(columns.secondary, entry); page++) indices.push(page);
  }
  return indices;
};

const layerPaged = (pages: PageLog, at: Millis, firstPage: number, count: number) => {
  const first = readPage(pages, firstPage);
  const userIds = [first.userId];
  for (let page = firstPage + 1; page < firstPage + count; page++) userIds.push(readPage(pages, page).userId);
  return { type: 'layer_paged', at, position: first.position, layerId: first.layerId, userIds, reason: pageReason(first.cause) } as const;
};

/** The trail entries one log entry stands for: one, or two for the common timer step. */
export const readEscalationEntries = (log: EscalationLog, pages: PageLog, index: number): EscalationAuditEntry[] => {
  const { columns } = log;
  const at = numberAt(log.at, index);
  const primary = numberAt(columns.primary, index);
  const secondary = numberAt(columns.secondary, index);
  switch (KINDS[kindOf(numberAt(columns.entry, index))]!) {
    case 'escalated':
      return [{ type: 'escalated', at, fromPosition: primary === -1 ? null : primary }];
    case 'layer_skipped':
      return [
        primary < 0
          ? { type: 'layer_skipped', at, position: -primary, layerId: log.ids.strings[secondary]!, reason: 'condition_not_met' }
          : { type: 'layer_skipped', at, position: primary, layerId: log.ids.strings[secondary]! },
      ];
    case 'layer_paged':
      return [layerPaged(pages, at, primary, secondary)];
    case 'escalated_and_paged': {
      // Written only when nothing was skipped: the step came from the position just before.
      const paged = layerPaged(pages, at, primary, secondary);
      return [{ type: 'escalated', at, fromPosition: paged.position! - 1 }, paged];
    }
    case 'escalation_exhausted':
      return [{ type: 'escalation_exhausted', at }];
    case 'escalation_stopped':
      return [{ type: 'escalation_stopped', at, reason: STOP_REASONS[primary]! }];
  }
};

/** The log as plain data, for a snapshot: each column up to `size`, and the interned ids. */
export type EscalationLogData = Record<'at' | 'incidentId' | 'kind' | 'primary' | 'secondary', number[]> & { ids: Array<string | null> };

export const escalationLogData = (log: EscalationLog): EscalationLogData => ({
  at: columnData(log.at, log.size),
  incidentId: unpackedData(log.columns.entry, log.size, incidentOf),
  kind: unpackedData(log.columns.entry, log.size, kindOf),
  primary: columnData(log.columns.primary, log.size),
  secondary: columnData(log.columns.secondary, log.size),
  ids: internedStrings(log.ids),
});

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

/**
 * The log back from `escalationLogData`, each entry checked against what its kind needs (its pages
 * in `pages`, its layer id among the ids), so that reading the trail back never misses.
 */
export const escalationLogFrom = (value: unknown, where: string, pages: PageLog): EscalationLog => {
  const data = objectAt(value, where);
  const ids = internedFrom(data.ids, `${where}.ids`);
  const size = arrayAt(data.at, `${where}.at`).length;
  const lastId = ids.strings.length - 1;
  const at = numbersAt(data.at, `${where}.at`, size);
  const incidents = numbersAt(data.incidentId, `${where}.incidentId`, size, { min: 1, max: lastId });
  const kinds = numbersAt(data.kind, `${where}.kind`, size, { min: 0, max: KINDS.length - 1 });
  const primaries = numbersAt(data.primary, `${where}.primary`, size, INT32);
  const secondaries = numbersAt(data.secondary, `${where}.secondary`, size, INT32);
  for (let index = 0; index < size; index++) {
    const kind = kinds[index]!;
    const first = primaries[index]!;
    const second = secondaries[index]!;
    let problem: string | undefined;
    switch (kind) {
      case KIND.escalated:
        if (first < -1) problem = 'must name the position it escalated from, or -1';
        break;
      case KIND.layer_skipped:
        if (first === 0 || second < 1 || second > lastId) problem = 'must name a position and a layer id of the log';
        break;
      case KIND.layer_paged:
      case KIND.escalated_and_paged:
        if (first < 0 || second < 1 || first + second > pages.size) problem = `must name pages of the page log (it holds ${pages.size})`;
        else if (kind === KIND.escalated_and_paged && pagePositionCode(pages, first) < 1) problem = 'must name pages of a layer position';
        break;
      case KIND.escalation_stopped:
        if (first >= STOP_REASONS.length || first < 0) problem = 'must name a stop reason';
        break;
    }
    if (problem) refuse(`${where} entry ${index} (${KINDS[kind]})`, problem, [first, second]);
  }
  return {
    size,
    at: columnOf(at),
    columns: {
      entry: columnOf(incidents, (incident, index) => entryOf(incident, kinds[index]!)),
      primary: columnOf(primaries),
      secondary: columnOf(secondaries),
    },
    ids,
    index: { upTo: 0, byIncident: new Map() },
  };
};

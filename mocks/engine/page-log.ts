import type { Millis } from './clock.js';
import { createInterned, intern, internedFrom, internedStrings, internRecent, type Interned, type Recent } from './interned.js';
import { columnData, columnOf, createColumn, numberAt, setAt, unpackedData, type Column } from './columns.js';
import { arrayAt, numbersAt, objectAt } from './snapshot-check.js';

/**
 * Every page of one mock, in order, stored by column (see `columns.ts`): five million pages are a
 * few hundred chunks of numbers, not five million objects or pointer arrays, so a long simulation
 * costs the same per step at 10,000 incidents as at 100,000 (anything the garbage collector has to
 * trace or copy makes each step dearer as the run grows). Ids are interned to numbers on the way
 * in; the audit trail and `mock.pages()` read pages back with `readPage`.
 */
export type PageCause = 'opened' | 'escalated' | 'handoff';
const CAUSES: readonly PageCause[] = ['opened', 'escalated', 'handoff'];
const CAUSE_CODES: Record<PageCause, number> = { opened: 0, escalated: 1, handoff: 2 };

/** Why someone was paged, as tests and the audit trail see it: reached by escalation, or handed off. */
export type PageReason = 'escalation' | 'handoff';
export const pageReason = (cause: PageCause): PageReason => (cause === 'handoff' ? 'handoff' : 'escalation');

/** One page: who was notified, when, by which layer (`null` for a handoff without a policy), and why. */
export type PageRecord = {
  orgId: string;
  incidentId: string;
  userId: string;
  layerId: string | null;
  position: number | null;
  at: Millis;
  cause: PageCause;
};

/** A snapshot's columns besides `at`: interned ids, the layer position (-1 for `null`) and the cause's code. */
const COLUMNS = ['orgId', 'incidentId', 'userId', 'layerId', 'position', 'cause'] as const;

/**
 * The log keeps a page's position and cause as one number, `(position + 1) * 4 + cause`: a column
 * fewer to write on every page and to keep for good.
 */
const reachOf = (position: number, cause: number) => (position + 1) * 4 + cause;
const positionOf = (reach: number) => Math.floor(reach / 4) - 1;
const causeOf = (reach: number) => reach % 4;

/**
 * Two interned ids make one number, `first * PAIR + second`, exact in a double: a code is below
 * 2^24 + 1 (a `Map`, which interning fills, holds at most 2^24 entries), so a pair is below 2^50. Two
 * columns fewer to write on every page and to keep for good.
 */
const PAIR = 2 ** 25;
const pairOf = (first: number, second: number) => first * PAIR + second;
const firstOf = (pair: number) => Math.floor(pair / PAIR);
const secondOf = (pair: number) => pair - Math.floor(pair / PAIR) * PAIR;

export type PageLog = {
  size: number;
  at: Column;
  /** Interned ids as `pairOf` two (the incident and the user; the org and the layer), and the page's `reachOf` its position and cause. */
  columns: { incidentUser: Column; orgLayer: Column; reach: Column };
  ids: Interned;
  /** Each id column's last value: in a burst of steps, page after page is of the same org, user and layer. */
  recent: { orgId: Recent; userId: Recent; layerId: Recent };
};

const noneRecent = () => ({ orgId: { value: null, code: 0 }, userId: { value: null, code: 0 }, layerId: { value: null, code: 0 } });

export const createPageLog = (): PageLog => ({
  size: 0,
  at: createColumn(),
  columns: { incidentUser: createColumn(), orgLayer: createColumn(), reach: createColumn() },
  ids: createInterned(),
  recent: noneRecent(),
});

/**
 * An incident's code in the page log. The engine keeps it with the escalation, as it keeps the
 * escalation log's: consecutive pages are of different incidents in a burst, and looking each one
 * up among 100,000 ids was a quarter of a long simulation's time.
 */
export const pageIncidentCode = (log: PageLog, incidentId: string): number => intern(log.ids, incidentId);

/** Appends a page of `incident` (its `pageIncidentCode`); returns its index. Positional, so that a step allocates nothing here. */
export const appendPage = (
  log: PageLog,
  orgId: string,
  incident: number,
  userId: string,
  layerId: string | null,
  position: number | null,
  at: Millis,
  cause: PageCause,
): number => {
  const { ids, recent } = log;
  const org = internRecent(ids, recent.orgId, orgId);
  const user = internRecent(ids, recent.userId, userId);
  return appendPageCodes(log, at, org, incident, user, internRecent(ids, recent.layerId, layerId), reachOf(position ?? -1, CAUSE_CODES[cause]));
};

/** Appends a page given as codes (ids interned, position and cause as one `reach`); returns its index. */
export const appendPageCodes = (log: PageLog, at: Millis, org: number, incident: number, user: number, layer: number, reach: number): number => {
  const index = log.size++;
  const { columns } = log;
  setAt(log.at, index, at);
  setAt(columns.incidentUser, index, pairOf(incident, user));
  setAt(columns.orgLayer, index, pairOf(org, layer));
  setAt(columns.reach, index, reach);
  return index;
};

export const readPage = (log: PageLog, index: number): PageRecord => {
  const { columns, ids } = log;
  const reach = numberAt(columns.reach, index);
  const position = positionOf(reach);
  const incidentUser = numberAt(columns.incidentUser, index);
  const orgLayer = numberAt(columns.orgLayer, index);
  return {
    orgId: ids.strings[firstOf(orgLayer)]!,
    incidentId: ids.strings[firstOf(incidentUser)]!,
    userId: ids.strings[secondOf(incidentUser)]!,
    layerId: ids.strings[secondOf(orgLayer)] ?? null,
    position: position === -1 ? null : position,
    at: numberAt(log.at, index),
    cause: CAUSES[causeOf(reach)]!,
  };
};

/** A page's layer position (-1 for `null`), without reading the rest of it back. */
export const pagePositionCode = (log: PageLog, index: number): number => positionOf(numberAt(log.columns.reach, index));

/** What `mock.pages(filter)` asks for, in the page log's terms. */
export type PageQuery = {
  orgId?: string;
  incidentId?: string;
  userId?: string;
  layerId?: string | null;
  position?: number | null;
  reason?: PageReason;
};

/**
 * The indices of the pages that match, oldest first, among `candidates` (every page when absent):
 * ids are compared as their interned codes, column by column, and only the matches are read back,
 * so a filtered call costs a pass over integers plus what it returns. An id never interned matches
 * nothing.
 */
export const findPages = (log: PageLog, query: PageQuery, candidates?: Iterable<number>): number[] => {
  const { columns, ids } = log;
  const codeOf = (value: string | null | undefined) => (value === undefined ? undefined : value === null ? 0 : (ids.codes.get(value) ?? -1));
  const wanted = {
    orgId: codeOf(query.orgId),
    incidentId: codeOf(query.incidentId),
    userId: codeOf(query.userId),
    layerId: codeOf(query.layerId),
  };
  if (Object.values(wanted).includes(-1)) return [];
  const position = query.position === undefined ? undefined : (query.position ?? -1);
  const matches = (index: number) =>
    (wanted.orgId === undefined || firstOf(numberAt(columns.orgLayer, index)) === wanted.orgId) &&
    (wanted.incidentId === undefined || firstOf(numberAt(columns.incidentUser, index)) === wanted.incidentId) &&
    (wanted.userId === undefined || secondOf(numberAt(columns.incidentUser, index)) === wanted.userId) &&
    (wanted.layerId === undefined || secondOf(numberAt(columns.orgLayer, index)) === wanted.layerId) &&
    (position === undefined || positionOf(numberAt(columns.reach, index)) === position) &&
    (query.reason === undefined || (causeOf(numberAt(columns.reach, index)) === CAUSE_CODES.handoff) === (query.reason === 'handoff'));
  const found: number[] = [];
  if (candidates) {
    for (const index of candidates) if (matches(index)) found.push(index);
  } else {
    for (let index = 0; index < log.size; index++) if (matches(index)) found.push(index);
  }
  return found;
};

/** The log as plain data, for a snapshot: each column up to `size`, and the interned ids. */
export type PageLogData = Record<'at' | (typeof COLUMNS)[number], number[]> & { ids: Array<string | null> };

export const pageLogData = (log: PageLog): PageLogData => ({
  at: columnData(log.at, log.size),
  orgId: unpackedData(log.columns.orgLayer, log.size, firstOf),
  incidentId: unpackedData(log.columns.incidentUser, log.size, firstOf),
  userId: unpackedData(log.columns.incidentUser, log.size, secondOf),
  layerId: unpackedData(log.columns.orgLayer, log.size, secondOf),
  position: unpackedData(log.columns.reach, log.size, positionOf),
  cause: unpackedData(log.columns.reach, log.size, causeOf),
  ids: internedStrings(log.ids),
});

/** The log back from `pageLogData`, every code checked against its ids (`readPage` must never miss). */
export const pageLogFrom = (value: unknown, where: string): PageLog => {
  const data = objectAt(value, where);
  const ids = internedFrom(data.ids, `${where}.ids`);
  const size = arrayAt(data.at, `${where}.at`).length;
  const lastId = ids.strings.length - 1;
  const numbers = (name: (typeof COLUMNS)[number], min: number, max: number) => numbersAt(data[name], `${where}.${name}`, size, { min, max });
  const at = numbersAt(data.at, `${where}.at`, size);
  const orgIds = numbers('orgId', 1, lastId);
  const incidentIds = numbers('incidentId', 1, lastId);
  const userIds = numbers('userId', 1, lastId);
  const layerIds = numbers('layerId', 0, lastId);
  const positions = numbers('position', -1, 2 ** 31 - 1);
  const causes = numbers('cause', 0, CAUSES.length - 1);
  return {
    size,
    at: columnOf(at),
    columns: {
      incidentUser: columnOf(incidentIds, (incident, index) => pairOf(incident, userIds[index]!)),
      orgLayer: columnOf(orgIds, (org, index) => pairOf(org, layerIds[index]!)),
      reach: columnOf(positions, (position, index) => reachOf(position, causes[index]!)),
    },
    ids,
    recent: noneRecent(),
  };
};

import type { Millis } from '../store/state.js';

/**
 * Every page of one mock, in order, stored by column: a simulation of half a million pages keeps
 * a few growing arrays instead of half a million objects, so it costs the same per step at 1,000
 * incidents as at 10,000 (objects that outlive the young generation make every GC slower). The
 * audit trail refers to a page by its index here; `readPage` makes the object when someone looks.
 */
export type PageCause = 'opened' | 'escalated' | 'handoff';
const CAUSES: readonly PageCause[] = ['opened', 'escalated', 'handoff'];

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

export type PageLog = {
  size: number;
  at: Float64Array;
  /** -1 stands for `null`. */
  position: Int32Array;
  cause: Uint8Array;
  orgId: string[];
  incidentId: string[];
  userId: string[];
  layerId: Array<string | null>;
};

export const createPageLog = (capacity = 1024): PageLog => ({
  size: 0,
  at: new Float64Array(capacity),
  position: new Int32Array(capacity),
  cause: new Uint8Array(capacity),
  orgId: [],
  incidentId: [],
  userId: [],
  layerId: [],
});

const grow = (log: PageLog) => {
  const capacity = log.at.length * 2;
  const at = new Float64Array(capacity);
  at.set(log.at);
  const position = new Int32Array(capacity);
  position.set(log.position);
  const cause = new Uint8Array(capacity);
  cause.set(log.cause);
  Object.assign(log, { at, position, cause });
};

/** Appends a page; returns its index. */
export const appendPage = (log: PageLog, page: PageRecord): number => {
  if (log.size === log.at.length) grow(log);
  const index = log.size++;
  log.at[index] = page.at;
  log.position[index] = page.position ?? -1;
  log.cause[index] = CAUSES.indexOf(page.cause);
  log.orgId.push(page.orgId);
  log.incidentId.push(page.incidentId);
  log.userId.push(page.userId);
  log.layerId.push(page.layerId);
  return index;
};

export const readPage = (log: PageLog, index: number): PageRecord => {
  const position = log.position[index]!;
  return {
    orgId: log.orgId[index]!,
    incidentId: log.incidentId[index]!,
    userId: log.userId[index]!,
    layerId: log.layerId[index] ?? null,
    position: position === -1 ? null : position,
    at: log.at[index]!,
    cause: CAUSES[log.cause[index]!]!,
  };
};

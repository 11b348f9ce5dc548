import type { EscalationState } from '../../src/schemas/incidents.js';
import type { Millis } from './clock.js';
import { createInterned, intern, type Interned } from './interned.js';

/**
 * Every escalation's state, a row per escalation: all that a timer step reads and writes. A step
 * touches no object of the incident's: at 100,000 incidents one escalation's object lies far in the
 * heap from the next one's, and reading it cost a cache and TLB miss on every step, the largest
 * single cost of a long simulation (and the larger, the more incidents). The numbers of a row sit
 * side by side in one array (`numbers`, `WIDTH` to a row: one or two cache lines a step), the ids
 * in arrays of their own; a burst steps through rows in the order they were added. A timer step
 * reads and writes only the numbers: its org and policy as one code (`policyKey`), its layer as a
 * code among `layers`. The store keeps an `EscalationRecord` per escalation, which reads its row.
 */
export type EscalationRows = {
  /** `WIDTH` numbers per row, at the offsets of `FIELD`. */
  numbers: number[];
  orgId: string[];
  incidentId: string[];
  policyId: string[];
  /** Each org and policy pair's code (`FIELD.policyKey`), by org id then policy id. */
  policyKeys: Map<string, Map<string, number>>;
  policyKeyCount: number;
  /** The layer ids rows have reached, by code (`FIELD.layer`); code 0 is `null`. */
  layers: Interned;
};

/**
 * A row's numbers: its state (an index in `STATES`); a timer armed under an older generation is
 * stale and dropped when it comes up; its org and policy's code; the last position reached, paged or
 * skipped (-1 while none is); the incident's codes in the escalation log and in the page log (0
 * until its first page, and after a restore), so that a step writes there without a lookup; its
 * layer's code; when the running timer fires (`NaN` when none runs). What a step reads comes first,
 * what it only writes last: the reads of a row span as few cache lines as they can.
 */
export const FIELD = { state: 0, generation: 1, policyKey: 2, position: 3, incidentCode: 4, pageCode: 5, layer: 6, nextEscalationAt: 7 } as const;
export const WIDTH = 8;

const STATES = ['active', 'acknowledged', 'exhausted', 'resolved', 'stopped'] as const satisfies readonly EscalationState[];
/** Each state's index in `STATES`. A literal, so that a step's comparison compiles to a constant. */
export const STATE = { active: 0, acknowledged: 1, exhausted: 2, resolved: 3, stopped: 4 } as const satisfies Record<EscalationState, number>;

export const createEscalationRows = (): EscalationRows => ({
  // Doubles from the start (see `columns.ts`): `nextEscalationAt` is one, and the collector never
  // looks inside an array of doubles.
  numbers: [Number.NaN].slice(1),
  orgId: [],
  incidentId: [],
  policyId: [],
  policyKeys: new Map(),
  policyKeyCount: 0,
  layers: createInterned(),
});

/** An escalation as it is created, or read back from a snapshot. */
export type EscalationFields = {
  orgId: string;
  incidentId: string;
  incidentCode: number;
  policyId: string;
  state: EscalationState;
  position: number | null;
  layerId: string | null;
  nextEscalationAt: Millis;
  generation: number;
};

/**
 * Where an incident's escalation stands, as the store, its views and a snapshot read it: its row,
 * always current. `position` is the last position reached (paged or skipped); a timer armed under
 * an older `generation` is stale.
 */
export class EscalationRecord {
  constructor(
    readonly rows: EscalationRows,
    readonly row: number,
  ) {}

  private number(field: number): number {
    return this.rows.numbers[this.row * WIDTH + field]!;
  }

  get orgId(): string {
    return this.rows.orgId[this.row]!;
  }

  get incidentId(): string {
    return this.rows.incidentId[this.row]!;
  }

  /** The incident's code in the escalation log (a restore checks it against the restored log). */
  get incidentCode(): number {
    return this.number(FIELD.incidentCode);
  }

  get policyId(): string {
    return this.rows.policyId[this.row]!;
  }

  get state(): EscalationState {
    return STATES[this.number(FIELD.state)]!;
  }

  get position(): number | null {
    const position = this.number(FIELD.position);
    return position === -1 ? null : position;
  }

  get layerId(): string | null {
    return this.rows.layers.strings[this.number(FIELD.layer)]!;
  }

  /** When the running timer fires; `NaN` when none runs. */
  get nextEscalationAt(): Millis {
    return this.number(FIELD.nextEscalationAt);
  }

  get generation(): number {
    return this.number(FIELD.generation);
  }
}

/** The code of the org and policy pair: rows of one policy share it, and a timer step looks its policy up by it. */
const policyKeyOf = (rows: EscalationRows, orgId: string, policyId: string): number => {
  let byPolicy = rows.policyKeys.get(orgId);
  if (byPolicy === undefined) rows.policyKeys.set(orgId, (byPolicy = new Map()));
  let key = byPolicy.get(policyId);
  if (key === undefined) {
    key = rows.policyKeyCount++;
    byPolicy.set(policyId, key);
  }
  return key;
};

/** A layer id's code among the rows' `layers`. */
export const layerCodeOf = (rows: EscalationRows, layerId: string | null): number => intern(rows.layers, layerId);

/** A new row holding `fields` (its page-log code not known yet), and the record that reads it. */
export const addEscalation = (rows: EscalationRows, fields: EscalationFields): EscalationRecord => {
  const row = rows.orgId.length;
  rows.orgId.push(fields.orgId);
  rows.incidentId.push(fields.incidentId);
  rows.policyId.push(fields.policyId);
  // In `FIELD` order.
  rows.numbers.push(
    STATE[fields.state],
    fields.generation,
    policyKeyOf(rows, fields.orgId, fields.policyId),
    fields.position ?? -1,
    fields.incidentCode,
    0,
    layerCodeOf(rows, fields.layerId),
    fields.nextEscalationAt,
  );
  return new EscalationRecord(rows, row);
};

/**
 * Names the escalation's org and policy by their own id strings, as a new escalation does (see
 * `startEscalation`): a restored one holds copies read from the snapshot.
 */
export const shareIds = (escalation: EscalationRecord, orgId: string, policyId: string) => {
  escalation.rows.orgId[escalation.row] = orgId;
  escalation.rows.policyId[escalation.row] = policyId;
};

import type { EscalationState } from '../../src/schemas/incidents.js';
import type { Millis } from './clock.js';

/**
 * Every escalation's state, by column, a row per escalation: all that a timer step reads and
 * writes. A step touches no object of the incident's: at 100,000 incidents one escalation's object
 * lies far in the heap from the next one's, and reading it cost a cache and TLB miss on every step,
 * the largest single cost of a long simulation (and more, the more incidents). A burst steps through
 * rows in the order they were added, which is the order of these arrays. The store keeps an
 * `EscalationRecord` per escalation, which reads its row.
 */
export type EscalationRows = {
  orgId: string[];
  incidentId: string[];
  /** The incident's code in the escalation log, so that a step writes there without a lookup. */
  incidentCode: number[];
  /** Its code in the page log, for the same reason; 0 until its first page (and after a restore). */
  pageCode: number[];
  policyId: string[];
  /** An index in `STATES`. */
  state: number[];
  /** The last position reached (paged or skipped), -1 while none is. */
  position: number[];
  layerId: Array<string | null>;
  /** When the running timer fires; `NaN` when none runs. */
  nextEscalationAt: number[];
  /** A timer armed under an older generation is stale, and dropped when it comes up. */
  generation: number[];
};

const STATES = ['active', 'acknowledged', 'exhausted', 'resolved', 'stopped'] as const satisfies readonly EscalationState[];
/** Each state's index in `STATES`. A literal, so that a step's comparison compiles to a constant. */
export const STATE = { active: 0, acknowledged: 1, exhausted: 2, resolved: 3, stopped: 4 } as const satisfies Record<EscalationState, number>;

export const createEscalationRows = (): EscalationRows => ({
  orgId: [],
  incidentId: [],
  incidentCode: [],
  pageCode: [],
  policyId: [],
  state: [],
  position: [],
  layerId: [],
  nextEscalationAt: [],
  generation: [],
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

  get orgId(): string {
    return this.rows.orgId[this.row]!;
  }

  get incidentId(): string {
    return this.rows.incidentId[this.row]!;
  }

  /** The incident's code in the escalation log: a snapshot keeps it (a restore checks it against the restored log). */
  get incidentCode(): number {
    return this.rows.incidentCode[this.row]!;
  }

  get policyId(): string {
    return this.rows.policyId[this.row]!;
  }

  get state(): EscalationState {
    return STATES[this.rows.state[this.row]!]!;
  }

  get position(): number | null {
    const position = this.rows.position[this.row]!;
    return position === -1 ? null : position;
  }

  get layerId(): string | null {
    return this.rows.layerId[this.row]!;
  }

  /** When the running timer fires; `NaN` when none runs. */
  get nextEscalationAt(): Millis {
    return this.rows.nextEscalationAt[this.row]!;
  }

  get generation(): number {
    return this.rows.generation[this.row]!;
  }
}

/** A new row holding `fields` (its page-log code not known yet), and the record that reads it. */
export const addEscalation = (rows: EscalationRows, fields: EscalationFields): EscalationRecord => {
  const row = rows.orgId.length;
  rows.orgId.push(fields.orgId);
  rows.incidentId.push(fields.incidentId);
  rows.incidentCode.push(fields.incidentCode);
  rows.pageCode.push(0);
  rows.policyId.push(fields.policyId);
  rows.state.push(STATE[fields.state]);
  rows.position.push(fields.position ?? -1);
  rows.layerId.push(fields.layerId);
  rows.nextEscalationAt.push(fields.nextEscalationAt);
  rows.generation.push(fields.generation);
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

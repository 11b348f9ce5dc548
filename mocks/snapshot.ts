import { finiteAt, isObject, objectAt, refuse, stringAt } from './engine/snapshot-check.js';
import { stateData, stateFrom, type StateData } from './store/snapshot.js';
import type { MockState } from './store/state.js';
import type { MockSnapshot } from './types.js';

/**
 * `mock.snapshot()` and `mock.restore()`: the envelope around the store's and the engine's data
 * (what it is, its version, the mock it came from, the clock). A snapshot from another mock is
 * accepted when that mock was created with the same default org, admin and key (the same `seed`
 * and `apiKey` options): `mock.orgId`, `mock.userId` and `mock.apiKey` must stay true after a restore.
 */

export const SNAPSHOT_FORMAT = 'scaling-mock-snapshot';
export const SNAPSHOT_VERSION = 1;

export type SnapshotOrigin = MockSnapshot['origin'];

/** The snapshot as this version writes it: `state` is the store's data. */
export type SnapshotV1 = MockSnapshot & { readonly state: StateData };

export const takeSnapshot = (state: MockState, now: number, origin: SnapshotOrigin): SnapshotV1 => ({
  format: SNAPSHOT_FORMAT,
  version: SNAPSHOT_VERSION,
  origin: { ...origin },
  clock: now,
  state: stateData(state),
});

const ORIGIN_FIELDS = { orgId: 'default org', userId: 'default admin', apiKey: 'default API key' } as const;

/** What `restore` applies: a whole new state and the clock, or a `TypeError` naming what is wrong. */
export const readSnapshot = (value: unknown, origin: SnapshotOrigin): { state: MockState; now: number } => {
  if (!isObject(value)) refuse('the snapshot', 'must be an object that mock.snapshot() returned', value);
  const snapshot = value as Record<string, unknown>;
  if (snapshot.format !== SNAPSHOT_FORMAT) {
    refuse('snapshot.format', `must be "${SNAPSHOT_FORMAT}": this is not a snapshot of a Scaling mock`, snapshot.format);
  }
  if (snapshot.version !== SNAPSHOT_VERSION) {
    refuse('snapshot.version', `must be ${SNAPSHOT_VERSION}, the only version this package reads`, snapshot.version);
  }
  const from = objectAt(snapshot.origin, 'snapshot.origin');
  finiteAt(from.seed, 'snapshot.origin.seed');
  for (const [field, what] of Object.entries(ORIGIN_FIELDS) as Array<[keyof typeof ORIGIN_FIELDS, string]>) {
    const theirs = stringAt(from[field], `snapshot.origin.${field}`);
    if (theirs !== origin[field]) {
      refuse(
        `snapshot.origin.${field}`,
        `must be this mock's ${what}, ${origin[field]}: restore a snapshot into a mock created with the same seed and apiKey options as the one it came from`,
        theirs,
      );
    }
  }
  const now = finiteAt(snapshot.clock, 'snapshot.clock');
  return { state: stateFrom(snapshot.state, 'snapshot.state'), now };
};

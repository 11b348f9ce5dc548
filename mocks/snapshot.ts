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

/**
 * The snapshots this package took. Each is frozen to its leaves, so it is still what it was when
 * taken: `restore` shares its never-changed entries instead of copying them, which is most of a
 * restore's work (a snapshot read from JSON or cloned is copied and checked in full).
 */
const frozenSnapshots = new WeakSet<object>();

/**
 * Freezes `value` and every object and list of objects in it; what is already frozen (entries
 * shared with an earlier snapshot) is skipped. Empty lists and lists of numbers or strings are
 * left as they are, and `restore` checks and copies them: V8 stores a frozen list of numbers
 * boxed, ten times slower to read, and copies any frozen list by `slice` forty times slower.
 */
const deepFreeze = (value: unknown): void => {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  if (Array.isArray(value)) {
    const first: unknown = value[0];
    if (typeof first !== 'object' || first === null) return;
    Object.freeze(value);
    for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
  } else {
    Object.freeze(value);
    for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
  }
};

export const takeSnapshot = (state: MockState, now: number, origin: SnapshotOrigin): SnapshotV1 => {
  const snapshot: SnapshotV1 = {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    origin: { ...origin },
    clock: now,
    state: stateData(state),
  };
  deepFreeze(snapshot);
  frozenSnapshots.add(snapshot);
  return snapshot;
};

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
  return { state: stateFrom(snapshot.state, 'snapshot.state', frozenSnapshots.has(snapshot)), now };
};

import { expect } from 'vitest';
import type { ScalingMock } from '../../mocks/index.js';
import { type LayerTarget, Scaling, ScalingAPIError } from '../../src/index.js';
import { DAY, HOUR, MINUTE, type MHours, type MIncident, type Model, type MOrg, type MPolicy, type MUser, type OrgIndex } from './model-escalation-model.js';
import { sdk, START } from './support.js';

/**
 * The world of `model-escalation.test.ts`: two orgs built alike (an admin and three members, two
 * schedules, two working-hours sets, one two-layer policy), the clients that act in it, how a
 * command's outcome is checked, and the comparison of the mock with the model after every command.
 */

export const START_MS = Date.parse(START);

export type Real = {
  mock: ScalingMock;
  /** One client per user, with that user's own key: requests act as them. */
  clients: Map<string, Scaling>;
};

export const clientOf = (r: Real, userId: string) => r.clients.get(userId)!;
export const adminClient = (m: Model, r: Real, org: OrgIndex) => clientOf(r, m.orgs[org].adminId);

// ---------------------------------------------------------------------------------------------
// Outcomes.

export type Expected = { kind: 'ok' } | { kind: 'api'; status: number; code: string };
export const OK: Expected = { kind: 'ok' };
export const api = (status: number, code: string): Expected => ({ kind: 'api', status, code });

const describeExpected = (expected: Expected) => (expected.kind === 'api' ? `${expected.status} ${expected.code}` : 'ok');

/**
 * How often the runs reached each (command, outcome) pair and each rule of the model (every model
 * writes its `events` here): one that stops being reached fails the test.
 */
export const observed = new Map<string, number>();
export const observe = (what: string) => observed.set(what, (observed.get(what) ?? 0) + 1);

/** Runs one SDK call and checks its outcome against the prediction. Returns the value on success. */
export const perform = async <T>(expected: Expected, what: string, call: () => Promise<T>): Promise<T | undefined> => {
  let value: T | undefined;
  let error: unknown;
  let failed = false;
  try {
    value = await call();
  } catch (caught) {
    failed = true;
    error = caught;
  }
  observe(`${what.slice(0, what.indexOf('('))} ${describeExpected(expected)}`);
  const context = `${what}: expected ${describeExpected(expected)}, got ${failed ? String(error) : 'success'}`;
  if (expected.kind === 'ok') {
    expect(failed, context).toBe(false);
    return value;
  }
  expect(error, context).toBeInstanceOf(ScalingAPIError);
  const { status, code } = error as ScalingAPIError;
  expect({ status, code }, context).toEqual({ status: expected.status, code: expected.code });
  return undefined;
};

// ---------------------------------------------------------------------------------------------
// The world.

/** Minutes after midnight of an `HH:MM`. */
export const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const iso = (ms: number) => new Date(ms).toISOString();

/** Working hours the sets can be switched to (`EditHours`): zone, offset and windows. */
export const HOURS_PRESETS = [
  { timezone: 'Asia/Kolkata', offset: 5.5 * HOUR, windows: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }] },
  { timezone: 'UTC', offset: 0, windows: [{ days: [1, 2, 3, 4, 5, 6, 7], start: '22:00', end: '06:00' }] },
  { timezone: 'Asia/Tokyo', offset: 9 * HOUR, windows: [{ days: [2, 4], start: '18:30', end: '19:00' }, { days: [3], start: '00:00', end: '00:00' }] },
  { timezone: 'UTC', offset: 0, windows: [{ days: [2], start: '10:00', end: '10:20' }] },
] as const;

const buildOrg = async (mock: ScalingMock, m: Model, r: Real, org: OrgIndex, orgId: string, key: string, adminId: string) => {
  m.users.push({ id: adminId, org, key, member: true });
  r.clients.set(adminId, sdk(mock, key));
  const members: MUser[] = [];
  for (let i = 1; i <= 3; i++) {
    const user = mock.createUser({ orgId, firstName: `User${i}` });
    const member: MUser = { id: user.id, org, key: user.apiKey, member: true };
    members.push(member);
    m.users.push(member);
    r.clients.set(user.id, sdk(mock, user.apiKey));
  }
  const [u1, u2, u3] = members.map((user) => user.id) as [string, string, string];
  // Rotation layers, in UTC (Primary) and UTC+9 (Tokyo): coming into force, running out, and a gap
  // in which the Tokyo schedule has nobody on call.
  type Rotation = { name: string; participantIds: string[]; rotationLengthDays: number; handoffTime: string; effectiveFrom: number; effectiveUntil: number | null };
  const zones: Array<{ name: string; timezone: string; offset: number; layers: Rotation[] }> = [
    {
      name: 'Primary',
      timezone: 'UTC',
      offset: 0,
      layers: [
        { name: 'Days', participantIds: [u1, u2, adminId], rotationLengthDays: 1, handoffTime: '09:00', effectiveFrom: START_MS - DAY, effectiveUntil: null },
        { name: 'Evenings', participantIds: [u3, u1], rotationLengthDays: 2, handoffTime: '21:30', effectiveFrom: START_MS + 6 * HOUR, effectiveUntil: START_MS + 2 * DAY },
      ],
    },
    {
      name: 'Tokyo',
      timezone: 'Asia/Tokyo',
      offset: 9 * HOUR,
      layers: [
        { name: 'Mornings', participantIds: [u2, u3], rotationLengthDays: 1, handoffTime: '10:00', effectiveFrom: START_MS - 2 * DAY, effectiveUntil: START_MS + 30 * MINUTE },
        { name: 'Later', participantIds: [u3], rotationLengthDays: 1, handoffTime: '08:00', effectiveFrom: START_MS + DAY, effectiveUntil: null },
      ],
    },
  ];
  for (const zone of zones) {
    const created = mock.createSchedule({
      orgId,
      name: zone.name,
      timezone: zone.timezone,
      layers: zone.layers.map(({ effectiveFrom, effectiveUntil, rotationLengthDays, ...layer }) => ({
        ...layer,
        rotationType: rotationLengthDays === 1 ? 'daily' : 'custom',
        ...(rotationLengthDays === 1 ? {} : { rotationLengthDays }),
        effectiveFrom: iso(effectiveFrom),
        effectiveUntil: effectiveUntil === null ? null : iso(effectiveUntil),
      })),
    });
    m.schedules.push({
      id: created.id,
      org,
      timezone: zone.timezone,
      offset: zone.offset,
      layers: zone.layers.map((layer, position) => ({
        id: created.layers[position]!.id,
        participantIds: [...layer.participantIds],
        rotationDays: layer.rotationLengthDays,
        handoff: minutesOf(layer.handoffTime),
        from: layer.effectiveFrom,
        until: layer.effectiveUntil,
      })),
    });
  }
  const scaling = clientOf(r, adminId);
  for (const [index, preset] of HOURS_PRESETS.slice(0, 2).entries()) {
    const created = await scaling.workingHours.create({ name: `Hours ${index}`, timezone: preset.timezone, windows: preset.windows.map((window) => ({ ...window, days: [...window.days] })) });
    const hours: MHours = { id: created.id, org, timezone: preset.timezone, offset: preset.offset, windows: preset.windows.map(({ days, start, end }) => ({ days: [...days], start: minutesOf(start), end: minutesOf(end) })) };
    m.hours.push(hours);
  }
  // The first policy: a user for 5 minutes, then the primary schedule for 10 (the other way round in
  // org 1, whose incidents opened for the primary schedule then take this policy).
  const policy = await scaling.policies.create({ name: 'Policy 0' });
  const model: MPolicy = { id: policy.id, org, name: 'Policy 0', layers: [] };
  const primary = m.schedules.find((schedule) => schedule.org === org)!;
  const first: Array<[number, LayerTarget]> = [[5, { type: 'users', userIds: [u1] }], [10, { type: 'schedule', scheduleId: primary.id }]];
  if (org === 1) first.reverse();
  for (const [index, [ackTimeoutMinutes, target]] of first.entries()) {
    const layer = await scaling.policies.layers.create(policy.id, { position: index + 1, ackTimeoutMinutes, target });
    model.layers.push({ id: layer.id, ackTimeoutMinutes, target, condition: null });
  }
  m.policies.push(model);
};

/** Each run starts from the same state: the one mock, reset, and the same two orgs. */
export const newWorld = (mock: ScalingMock) => async (): Promise<{ model: Model; real: Real }> => {
  mock.reset();
  const orgB = mock.createOrg({ name: 'Org B' });
  const orgs: [MOrg, MOrg] = [
    { id: mock.orgId, key: mock.apiKey, adminId: mock.userId },
    { id: orgB.id, key: orgB.apiKey, adminId: orgB.adminUserId },
  ];
  const model: Model = { now: START_MS, orgs, users: [], schedules: [], hours: [], policies: [], incidents: [], pages: [], armed: 0, policiesMade: 1, events: observed };
  const real: Real = { mock, clients: new Map() };
  for (const org of [0, 1] as const) await buildOrg(mock, model, real, org, orgs[org].id, orgs[org].key, orgs[org].adminId);
  return { model, real };
};

// ---------------------------------------------------------------------------------------------
// The comparison, after every command.

const escalationView = (incident: MIncident) => {
  const { escalation } = incident;
  if (escalation === null) return null;
  return {
    policyId: escalation.policyId,
    state: escalation.state,
    position: escalation.position,
    layerId: escalation.layerId,
    nextEscalationAt: escalation.due === null ? null : iso(escalation.due),
    acknowledgedBy: incident.acknowledgedBy,
    acknowledgedAt: incident.acknowledgedAt === null ? null : iso(incident.acknowledgedAt),
  };
};

const detailOf = (incident: MIncident) => ({
  status: incident.status,
  ownerId: incident.ownerId,
  escalationPolicyId: incident.escalationPolicyId,
  acknowledgedBy: incident.acknowledgedBy,
  escalation: escalationView(incident),
  auditTrail: incident.trail.map((entry) => ({ ...entry, at: iso(entry.at) })),
});

/**
 * The clock, every page in order, and every incident's escalation as the model has them. `full`
 * names the incidents also read whole through `incidents.get()` (status, owner, escalation, audit
 * trail): those the command acted on or the model changed. The others' escalation is read through
 * `mock.escalationOf()`, the same view without a request, as the `GET`s would cost most of the run;
 * their trails are read whole at the end of every run.
 */
export const checkAgainstModel = async (m: Model, r: Real, after: string, full: ReadonlySet<string> | 'all') => {
  expectSame(r.mock.clock.now().toISOString(), iso(m.now), `after ${after}: the clock`);
  expectSame(r.mock.pages(), m.pages.map((page) => ({ ...page, at: iso(page.at) })), `after ${after}: every page, in order`);
  for (const incident of m.incidents) {
    const what = `after ${after}: incident ${incident.id}`;
    if (full === 'all' || full.has(incident.id)) {
      const { status, ownerId, escalationPolicyId, acknowledgedBy, escalation, auditTrail } = await adminClient(m, r, incident.org).incidents.get(incident.id);
      expectSame({ status, ownerId, escalationPolicyId, acknowledgedBy, escalation, auditTrail }, detailOf(incident), what);
    } else {
      expectSame(r.mock.escalationOf(incident.id), escalationView(incident), `${what}: its escalation`);
    }
  }
};

/**
 * `toEqual`, with a fast path: this runs a few hundred thousand times in `npm run test:fuzz`, and
 * vitest's deep equality costs more than the requests. The model builds its objects with the
 * mock's key order, so equal values give equal JSON; any other difference (a key order included)
 * goes to `toEqual`, which decides and fails with its diff.
 */
const expectSame = (actual: unknown, expected: unknown, what: string) => {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual, what).toEqual(expected);
};


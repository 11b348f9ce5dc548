import { describe, expect, test } from 'vitest';
import { createScalingMock } from '../mocks/index.js';
import { Scaling, type LayerTarget } from '../src/index.js';
import { useMock } from './helpers.js';

const t = useMock({ now: '2026-04-07T10:10:00.000Z' });
const MINUTE = 60_000;

/** Who was paged, as `[userId, position, 'HH:MM']`, for a compact timeline. */
const timeline = (incidentId: string) =>
  t.mock.pages({ incidentId }).map((page) => [page.userId, page.position, page.at.slice(11, 16)]);

/** A user on call alone on a schedule (one weekly layer), and that schedule. */
const onCall = (name: string) => {
  const user = t.mock.createUser({ firstName: name });
  const schedule = t.mock.createSchedule({ name: `${name}'s schedule`, layers: [{ participantIds: [user.id], effectiveFrom: '2026-04-01T00:00:00Z' }] });
  return { user, schedule };
};

/** A policy whose layers are `[ackTimeoutMinutes, target]` in position order. */
const policyOf = async (name: string, layers: Array<[number, LayerTarget]>) => {
  const policy = await t.scaling.policies.create({ name });
  const created = [];
  for (const [index, [ackTimeoutMinutes, target]] of layers.entries()) {
    created.push(await t.scaling.policies.layers.create(policy.id, { position: index + 1, ackTimeoutMinutes, target }));
  }
  return { policy, layers: created };
};

/** The guide's two layers: primary schedule for 5 minutes, then secondary for 10. */
const guidePolicy = async () => {
  const primary = onCall('Primary');
  const secondary = onCall('Secondary');
  const { policy, layers } = await policyOf('Platform Default', [
    [5, { type: 'schedule', scheduleId: primary.schedule.id }],
    [10, { type: 'schedule', scheduleId: secondary.schedule.id }],
  ]);
  return { policy, layers, primary: primary.user, secondary: secondary.user };
};

const openUnder = (escalationPolicyId: string) =>
  t.scaling.incidents.create({ title: 'Payment service degraded', severity: 'critical', escalationPolicyId });

describe('the guide’s two-layer policy', () => {
  test('pages layer 1 at +0 and layer 2 at +5 min, is exhausted at +15, and the incident stays open', async () => {
    const { policy, layers, primary, secondary } = await guidePolicy();
    const incident = await openUnder(policy.id);
    expect(timeline(incident.id)).toEqual([[primary.id, 1, '10:10']]);
    expect((await t.scaling.incidents.get(incident.id)).escalation).toEqual({
      policyId: policy.id,
      state: 'active',
      position: 1,
      layerId: layers[0]!.id,
      nextEscalationAt: '2026-04-07T10:15:00.000Z',
      acknowledgedBy: null,
      acknowledgedAt: null,
    });

    await t.mock.clock.advance(5 * MINUTE - 1);
    expect(timeline(incident.id)).toHaveLength(1);
    await t.mock.clock.advance(1);
    expect(timeline(incident.id)).toEqual([
      [primary.id, 1, '10:10'],
      [secondary.id, 2, '10:15'],
    ]);

    await t.mock.clock.advance(10 * MINUTE);
    const detail = await t.scaling.incidents.get(incident.id);
    expect(detail.status).toBe('investigating');
    expect(detail.escalation).toMatchObject({ state: 'exhausted', position: 2, nextEscalationAt: null });
    expect(detail.auditTrail.map((entry) => [entry.type, entry.at.slice(11, 16)])).toEqual([
      ['incident_created', '10:10'],
      ['layer_paged', '10:10'],
      ['escalated', '10:15'],
      ['layer_paged', '10:15'],
      ['escalation_exhausted', '10:25'],
    ]);
    // Exhausted means nobody more, however long we wait.
    await t.mock.clock.advance(7 * 24 * 60 * MINUTE);
    expect(timeline(incident.id)).toHaveLength(2);
  });

  test('an acknowledgment at +3 min means layer 2 is never paged; status is unchanged', async () => {
    const { policy, primary } = await guidePolicy();
    const incident = await openUnder(policy.id);
    await t.mock.clock.advance(3 * MINUTE);
    const primaryKey = t.mock.createUser().apiKey;
    const acked = await t.client({ apiKey: primaryKey }).incidents.acknowledge(incident.id);
    expect(acked.status).toBe('investigating');
    expect(acked.escalation).toMatchObject({ state: 'acknowledged', nextEscalationAt: null, acknowledgedAt: '2026-04-07T10:13:00.000Z' });
    await t.mock.clock.advance(60 * MINUTE);
    expect(timeline(incident.id)).toEqual([[primary.id, 1, '10:10']]);
    // Idempotent: a second acknowledgment changes nothing.
    const again = await t.scaling.incidents.acknowledge(incident.id);
    expect(again.escalation).toEqual(acked.escalation);
    expect(again.auditTrail.filter((entry) => entry.type === 'incident_acknowledged')).toHaveLength(1);
  });

  test('resolving stops the escalation', async () => {
    const { policy, primary } = await guidePolicy();
    const incident = await openUnder(policy.id);
    await t.mock.clock.advance(2 * MINUTE);
    for (const status of ['identified', 'monitoring', 'resolved'] as const) await t.scaling.incidents.updateStatus(incident.id, { status });
    await t.mock.clock.advance(60 * MINUTE);
    expect(timeline(incident.id)).toEqual([[primary.id, 1, '10:10']]);
    const detail = await t.scaling.incidents.get(incident.id);
    expect(detail.escalation).toMatchObject({ state: 'resolved', nextEscalationAt: null });
    expect(detail.auditTrail.at(-1)).toMatchObject({ type: 'escalation_stopped', reason: 'resolved', at: '2026-04-07T10:12:00.000Z' });
    // Acknowledging a resolved incident is a no-op.
    expect((await t.scaling.incidents.acknowledge(incident.id)).escalation).toMatchObject({ state: 'resolved' });
  });
});

describe('handoff', () => {
  test('pages the target at once, clears the acknowledgment and restarts the current layer’s timer', async () => {
    const { policy, primary, secondary } = await guidePolicy();
    const target = t.mock.createUser({ firstName: 'Target' });
    const incident = await openUnder(policy.id);
    await t.mock.clock.advance(2 * MINUTE);
    await t.scaling.incidents.acknowledge(incident.id);
    await t.mock.clock.advance(1 * MINUTE);
    const handed = await t.scaling.incidents.handoff(incident.id, { targetUserId: target.id });
    expect(handed).toMatchObject({ ownerId: target.id, acknowledgedBy: null });

    expect(t.mock.pages({ incidentId: incident.id, reason: 'handoff' })).toEqual([
      expect.objectContaining({ userId: target.id, position: 1, at: '2026-04-07T10:13:00.000Z' }),
    ]);
    expect((await t.scaling.incidents.get(incident.id)).escalation).toMatchObject({
      state: 'active',
      nextEscalationAt: '2026-04-07T10:18:00.000Z',
    });
    // Layer 2 comes 5 minutes after the handoff, not 5 minutes after the incident opened.
    await t.mock.clock.advance(5 * MINUTE - 1);
    expect(timeline(incident.id)).toEqual([
      [primary.id, 1, '10:10'],
      [target.id, 1, '10:13'],
    ]);
    await t.mock.clock.advance(1);
    expect(timeline(incident.id).at(-1)).toEqual([secondary.id, 2, '10:18']);
  });

  test('with the current layer deleted meanwhile, the handoff pages the new owner and the escalation is exhausted, not acknowledged by nobody', async () => {
    const { policy, layers } = await guidePolicy();
    const target = t.mock.createUser({ firstName: 'Target' });
    const incident = await openUnder(policy.id);
    await t.mock.clock.advance(5 * MINUTE);
    await t.scaling.incidents.acknowledge(incident.id);
    await t.scaling.policies.layers.delete(policy.id, layers[1]!.id);
    await t.mock.clock.advance(1 * MINUTE);
    const handed = await t.scaling.incidents.handoff(incident.id, { targetUserId: target.id });
    expect(handed).toMatchObject({ ownerId: target.id, acknowledgedBy: null });
    expect(t.mock.pages({ incidentId: incident.id, reason: 'handoff' })).toEqual([
      expect.objectContaining({ userId: target.id, position: 2, at: '2026-04-07T10:16:00.000Z' }),
    ]);
    const { escalation } = await t.scaling.incidents.get(incident.id);
    expect(escalation).toMatchObject({ state: 'exhausted', nextEscalationAt: null });
    // Nothing more happens, and the trail ends with the exhaustion at the handoff.
    await t.mock.clock.advance(60 * MINUTE);
    expect(t.mock.pages({ incidentId: incident.id })).toHaveLength(3);
    const { auditTrail } = await t.scaling.incidents.get(incident.id);
    expect(auditTrail.map((entry) => [entry.type, entry.at.slice(11, 16)]).slice(-3)).toEqual([
      ['incident_handed_off', '10:16'],
      ['layer_paged', '10:16'],
      ['escalation_exhausted', '10:16'],
    ]);
  });

  test('under a policy that had no layers when the incident opened, an acknowledged escalation handed off is exhausted, not acknowledged by nobody', async () => {
    // Found by the escalation model (test/fuzz/model-escalation.test.ts): no layer was ever reached,
    // so there is no current layer to restart, as when the current layer is deleted.
    const { policy } = await policyOf('Empty', []);
    const target = t.mock.createUser({ firstName: 'Target' });
    const incident = await openUnder(policy.id);
    await t.scaling.incidents.acknowledge(incident.id);
    // A layer added since changes nothing: the escalation never reached position 1.
    await t.scaling.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 5, target: { type: 'users', userIds: [target.id] } });
    await t.mock.clock.advance(1 * MINUTE);
    await t.scaling.incidents.handoff(incident.id, { targetUserId: target.id });
    expect(t.mock.pages({ incidentId: incident.id })).toEqual([
      { incidentId: incident.id, userId: target.id, layerId: null, position: null, at: '2026-04-07T10:11:00.000Z', reason: 'handoff', orgId: t.mock.orgId },
    ]);
    const { escalation, auditTrail } = await t.scaling.incidents.get(incident.id);
    expect(escalation).toMatchObject({ state: 'exhausted', position: null, nextEscalationAt: null, acknowledgedBy: null });
    expect(auditTrail.map((entry) => [entry.type, entry.at.slice(11, 16)])).toEqual([
      ['incident_created', '10:10'],
      ['escalation_exhausted', '10:10'],
      ['incident_acknowledged', '10:10'],
      ['incident_handed_off', '10:11'],
      ['layer_paged', '10:11'],
      ['escalation_exhausted', '10:11'],
    ]);
    await t.mock.clock.advance(60 * MINUTE);
    expect(t.mock.pages({ incidentId: incident.id })).toHaveLength(1);
  });

  test('an incident without a policy still pages the new owner', async () => {
    const target = t.mock.createUser();
    const incident = await t.scaling.incidents.create({ title: 'No policy', severity: 'low', ownerId: t.mock.userId });
    await t.scaling.incidents.handoff(incident.id, { targetUserId: target.id });
    expect(t.mock.pages({ incidentId: incident.id })).toEqual([
      { incidentId: incident.id, userId: target.id, layerId: null, position: null, at: '2026-04-07T10:10:00.000Z', reason: 'handoff', orgId: t.mock.orgId },
    ]);
    expect((await t.scaling.incidents.get(incident.id)).escalation).toBeNull();
  });

  test('a target outside the org is 400 invalid_target_user, and nobody is paged', async () => {
    const { policy } = await guidePolicy();
    const incident = await openUnder(policy.id);
    const outsider = t.mock.createUser({ orgId: t.mock.createOrg().id });
    await expect(t.scaling.incidents.handoff(incident.id, { targetUserId: outsider.id })).rejects.toMatchObject({ code: 'invalid_target_user' });
    expect(t.mock.pages({ incidentId: incident.id })).toHaveLength(1);
  });
});

describe('who a layer pages', () => {
  test('a users target pages each listed member at the same instant', async () => {
    const [a, b] = [t.mock.createUser(), t.mock.createUser()];
    const { policy } = await policyOf('Users', [[5, { type: 'users', userIds: [a.id, b.id] }]]);
    const incident = await openUnder(policy.id);
    expect(timeline(incident.id)).toEqual([
      [a.id, 1, '10:10'],
      [b.id, 1, '10:10'],
    ]);
  });

  test('a layer that resolves to nobody is skipped and the next is paged at once; a last one exhausts', async () => {
    const gone = t.mock.createUser();
    const staying = t.mock.createUser();
    const empty = t.mock.createSchedule({ name: 'Not yet started', layers: [{ participantIds: [staying.id], effectiveFrom: '2026-05-01T00:00:00Z' }] });
    const { policy, layers } = await policyOf('Skips', [
      [5, { type: 'schedule', scheduleId: empty.id }],
      [5, { type: 'users', userIds: [gone.id] }],
      [7, { type: 'users', userIds: [staying.id, gone.id] }],
      [5, { type: 'users', userIds: [gone.id] }],
    ]);
    await t.scaling.team.members.remove(gone.id);
    const incident = await openUnder(policy.id);
    expect(timeline(incident.id)).toEqual([[staying.id, 3, '10:10']]);
    await t.mock.clock.advance(7 * MINUTE);
    const detail = await t.scaling.incidents.get(incident.id);
    expect(detail.auditTrail.map((entry) => [entry.type, entry.position ?? null, entry.at.slice(11, 16)])).toEqual([
      ['incident_created', null, '10:10'],
      ['layer_skipped', 1, '10:10'],
      ['layer_skipped', 2, '10:10'],
      ['layer_paged', 3, '10:10'],
      ['escalated', null, '10:17'],
      ['layer_skipped', 4, '10:17'],
      ['escalation_exhausted', null, '10:17'],
    ]);
    expect(detail.escalation).toMatchObject({ state: 'exhausted', position: 4, layerId: layers[3]!.id });
  });

  test('a policy with no layers is exhausted as soon as the incident opens', async () => {
    const policy = await t.scaling.policies.create({ name: 'Empty' });
    const incident = await openUnder(policy.id);
    expect((await t.scaling.incidents.get(incident.id)).escalation).toMatchObject({ state: 'exhausted', position: null });
    expect(t.mock.pages()).toEqual([]);
  });

  test('a schedule target pages whoever is on call at the paging instant, across a DST change', async () => {
    // A mock of its own, started the evening before New York springs forward (2026-03-08).
    const mock = createScalingMock({ now: '2026-03-08T01:00:00Z' });
    t.server.resetHandlers(...mock.handlers);
    const scaling = new Scaling({ apiKey: mock.apiKey, baseUrl: mock.baseUrl, maxRetries: 0 });
    const [early, late] = [mock.createUser({ firstName: 'Early' }), mock.createUser({ firstName: 'Late' })];
    // Daily handoff at 09:00 New York time.
    const schedule = mock.createSchedule({
      name: 'NY daily',
      timezone: 'America/New_York',
      layers: [{ participantIds: [early.id, late.id], rotationType: 'daily', handoffTime: '09:00', effectiveFrom: '2026-03-07T14:00:00Z' }],
    });
    // Layer 2 targets the same schedule 12.5 hours later: 13:30Z on March 8 is 09:30 EDT, just after
    // the handoff (13:00Z). Without DST the handoff would be 14:00Z and Early would be paged again.
    const policy = await scaling.policies.create({ name: 'Overnight' });
    for (const [position, ackTimeoutMinutes] of [[1, 750], [2, 5]] as const) {
      await scaling.policies.layers.create(policy.id, { position, ackTimeoutMinutes, target: { type: 'schedule', scheduleId: schedule.id } });
    }
    const incident = await scaling.incidents.create({ title: 'Overnight', severity: 'high', escalationPolicyId: policy.id });
    await mock.clock.advance(750 * MINUTE);
    expect(mock.pages({ incidentId: incident.id }).map((page) => [page.userId, page.at])).toEqual([
      [early.id, '2026-03-08T01:00:00.000Z'],
      [late.id, '2026-03-08T13:30:00.000Z'],
    ]);
  });
});

describe('policy edits apply to incidents already escalating', () => {
  const threeLayers = async () => {
    const [a, b, c, d] = ['A', 'B', 'C', 'D'].map((name) => t.mock.createUser({ firstName: name }));
    const { policy, layers } = await policyOf('Live', [
      [5, { type: 'users', userIds: [a!.id] }],
      [5, { type: 'users', userIds: [b!.id] }],
      [5, { type: 'users', userIds: [c!.id] }],
    ]);
    return { policy, layers, users: { a: a!, b: b!, c: c!, d: d! } };
  };

  test('after a reorder, the timer pages whatever layer is now at the next position', async () => {
    const { policy, layers, users } = await threeLayers();
    const incident = await openUnder(policy.id);
    await t.scaling.policies.layers.reorder(policy.id, { layerIds: [layers[0]!.id, layers[2]!.id, layers[1]!.id] });
    await t.mock.clock.advance(10 * MINUTE);
    expect(timeline(incident.id).map(([userId, position]) => [userId, position])).toEqual([
      [users.a.id, 1],
      [users.c.id, 2],
      [users.b.id, 3],
    ]);
  });

  test('after a delete or an insert, the next position is read at the moment the timer fires', async () => {
    const { policy, layers, users } = await threeLayers();
    const incident = await openUnder(policy.id);
    await t.scaling.policies.layers.delete(policy.id, layers[1]!.id);
    await t.mock.clock.advance(5 * MINUTE);
    expect(timeline(incident.id).at(-1)).toEqual([users.c.id, 2, '10:15']);
    await t.scaling.policies.layers.create(policy.id, { position: 3, ackTimeoutMinutes: 5, target: { type: 'users', userIds: [users.d.id] } });
    await t.mock.clock.advance(5 * MINUTE);
    expect(timeline(incident.id).at(-1)).toEqual([users.d.id, 3, '10:20']);
  });

  test('a running timer keeps its timeout; the new ackTimeoutMinutes applies the next time the layer is paged', async () => {
    const { policy, layers, users } = await threeLayers();
    const incident = await openUnder(policy.id);
    await t.scaling.policies.layers.update(policy.id, layers[0]!.id, { ackTimeoutMinutes: 60 });
    await t.mock.clock.advance(5 * MINUTE);
    expect(timeline(incident.id).at(-1)).toEqual([users.b.id, 2, '10:15']);
    // Layer 1 is paged again (a new incident): now its timer is 60 minutes.
    const second = await openUnder(policy.id);
    await t.mock.clock.advance(59 * MINUTE);
    expect(timeline(second.id)).toHaveLength(1);
    await t.mock.clock.advance(1 * MINUTE);
    expect(timeline(second.id)).toHaveLength(2);
  });

  test('deleting the policy stops the escalation of its incidents, and says so in their trail', async () => {
    const { policy } = await threeLayers();
    const incident = await openUnder(policy.id);
    await t.mock.clock.advance(MINUTE);
    await t.scaling.policies.delete(policy.id);
    await t.mock.clock.advance(60 * MINUTE);
    expect(timeline(incident.id)).toHaveLength(1);
    const detail = await t.scaling.incidents.get(incident.id);
    expect(detail.escalation).toMatchObject({ state: 'stopped', nextEscalationAt: null });
    expect(detail.auditTrail.at(-1)).toEqual({ type: 'escalation_stopped', reason: 'policy_deleted', at: '2026-04-07T10:11:00.000Z' });
  });
});

describe('the virtual clock and the pages', () => {
  test('advance runs every due step in time order, across incidents', async () => {
    const { policy } = await guidePolicy();
    const first = await openUnder(policy.id);
    await t.mock.clock.advance(2 * MINUTE);
    const second = await openUnder(policy.id);
    await t.mock.clock.advance(60 * MINUTE);
    const pages = t.mock.pages();
    expect(pages.map((page) => [page.incidentId, page.position, page.at.slice(11, 16)])).toEqual([
      [first.id, 1, '10:10'],
      [second.id, 1, '10:12'],
      [first.id, 2, '10:15'],
      [second.id, 2, '10:17'],
    ]);
    expect(pages.map((page) => page.at)).toEqual([...pages.map((page) => page.at)].sort());
  });

  test('time never moves on its own', async () => {
    const { policy } = await guidePolicy();
    const incident = await openUnder(policy.id);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(timeline(incident.id)).toHaveLength(1);
    expect(t.mock.clock.now().toISOString()).toBe('2026-04-07T10:10:00.000Z');
  });

  test('clock.set runs the steps due up to that instant', async () => {
    const { policy } = await guidePolicy();
    const incident = await openUnder(policy.id);
    await t.mock.clock.set('2026-04-07T10:30:00Z');
    expect((await t.scaling.incidents.get(incident.id)).escalation?.state).toBe('exhausted');
  });

  test('pages() filters by incident, user, position and reason', async () => {
    const { policy, primary } = await guidePolicy();
    const incident = await openUnder(policy.id);
    await openUnder(policy.id);
    await t.mock.clock.advance(5 * MINUTE);
    expect(t.mock.pages({ userId: primary.id })).toHaveLength(2);
    expect(t.mock.pages({ incidentId: incident.id, position: 2 })).toHaveLength(1);
    expect(t.mock.pages({ reason: 'handoff' })).toEqual([]);
  });

  test('reset() clears incidents, timers and pages', async () => {
    const { policy } = await guidePolicy();
    await openUnder(policy.id);
    t.mock.reset();
    expect(t.mock.pages()).toEqual([]);
    await t.mock.clock.advance(60 * MINUTE);
    expect(t.mock.pages()).toEqual([]);
    expect((await t.scaling.incidents.list()).incidents).toEqual([]);
  });

  test('two mocks never share timers or pages', async () => {
    const other = createScalingMock({ now: '2026-04-07T10:10:00.000Z', baseUrl: 'https://other.test/v1' });
    t.server.resetHandlers(...t.mock.handlers, ...other.handlers);
    const { policy } = await guidePolicy();
    const incident = await openUnder(policy.id);
    await other.clock.advance(60 * MINUTE);
    expect(other.pages()).toEqual([]);
    expect(timeline(incident.id)).toHaveLength(1);
    expect(t.mock.clock.now().toISOString()).toBe('2026-04-07T10:10:00.000Z');
  });

  test('another org’s escalation is its own', async () => {
    const other = t.mock.createOrg();
    const theirs = t.client({ apiKey: other.apiKey });
    const policy = await theirs.policies.create({ name: 'Theirs' });
    await theirs.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 5, target: { type: 'users', userIds: [other.adminUserId] } });
    const incident = await theirs.incidents.create({ title: 'Theirs', severity: 'low', escalationPolicyId: policy.id });
    expect(t.mock.pages({ orgId: other.id })).toEqual([expect.objectContaining({ incidentId: incident.id, userId: other.adminUserId })]);
    expect(t.mock.pages({ orgId: t.mock.orgId })).toEqual([]);
  });
});

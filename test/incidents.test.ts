import { describe, expect, test } from 'vitest';
import {
  ScalingBadRequestError,
  ScalingNotFoundError,
  ScalingValidationError,
  type IncidentCreateParams,
} from '../src/index.js';
import { countingFetch, raw, scheduleTarget, useMock } from './helpers.js';

const t = useMock();

const open = (fields: Partial<IncidentCreateParams> = {}) =>
  t.scaling.incidents.create({ title: 'Payment service degraded', severity: 'critical', ownerId: t.mock.userId, ...fields });

describe('incidents.create', () => {
  test('the guide’s example: a policy and no owner is valid, and the policy is attached', async () => {
    const policy = await t.scaling.policies.create({ name: 'Platform Default' });
    const incident = await t.scaling.incidents.create({
      title: 'Payment service degraded',
      severity: 'critical',
      description: 'Checkout success rate dropped to 60% in the last 10 minutes',
      escalationPolicyId: policy.id,
    });
    expect(incident).toEqual({
      id: expect.stringMatching(/^inc_/),
      orgId: t.mock.orgId,
      title: 'Payment service degraded',
      description: 'Checkout success rate dropped to 60% in the last 10 minutes',
      severity: 'critical',
      status: 'investigating',
      ownerId: null,
      escalationPolicyId: policy.id,
      createdBy: t.mock.userId,
      affectedComponents: [],
      acknowledgedBy: null,
      acknowledgedAt: null,
      createdAt: '2026-04-07T10:00:00.000Z',
      updatedAt: '2026-04-07T10:00:00.000Z',
    });
    const detail = await t.scaling.incidents.get(incident.id);
    expect(detail.statusHistory).toEqual([
      { id: expect.stringMatching(/^sh_/), status: 'investigating', changedAt: '2026-04-07T10:00:00.000Z', resolutionNote: null },
    ]);
  });

  test('without ownerId, ownerScheduleId or escalationPolicyId: refused before sending, and 400 owner_required from the mock', async () => {
    const spy = countingFetch();
    const error = await t.client({ fetch: spy.fetch }).incidents.create({ title: 'x', severity: 'low' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingValidationError);
    expect((error as Error).message).toContain('ownerId, ownerScheduleId, escalationPolicyId');
    expect(spy.calls).toHaveLength(0);

    const response = await raw(t.mock, '/incidents', { method: 'POST', json: { title: 'x', severity: 'low' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'owner_required', type: 'invalid_request_error' });
  });

  test('an owner who is not a member is 400 invalid_owner; an unknown policy is 404', async () => {
    const stranger = t.mock.createUser({ orgId: t.mock.createOrg().id });
    await expect(open({ ownerId: stranger.id })).rejects.toMatchObject({ status: 400, code: 'invalid_owner' });
    await expect(open({ escalationPolicyId: 'pol_missing' })).rejects.toBeInstanceOf(ScalingNotFoundError);
    const page = await t.scaling.incidents.list();
    expect(page.incidents).toEqual([]);
  });

  test('title 1..100, severity from the list, description at most 10 000 characters', async () => {
    for (const fields of [{ title: '' }, { title: 'x'.repeat(101) }, { severity: 'urgent' }, { description: 'd'.repeat(10_001) }]) {
      await expect(open(fields as Partial<IncidentCreateParams>)).rejects.toBeInstanceOf(ScalingValidationError);
    }
    await expect(open({ title: 'x'.repeat(100), description: 'd'.repeat(10_000) })).resolves.toMatchObject({ severity: 'critical' });
  });

  test('components: tagged by id, answered as { id, name }; unknown ids and repeats are 400', async () => {
    const api = await t.scaling.components.create({ name: 'API' });
    const db = await t.scaling.components.create({ name: 'Database' });
    const incident = await open({ componentIds: [db.id, api.id] });
    expect(incident.affectedComponents).toEqual([
      { id: db.id, name: 'Database' },
      { id: api.id, name: 'API' },
    ]);
    await expect(open({ componentIds: [api.id, 'cmp_missing'] })).rejects.toMatchObject({ status: 400, code: 'invalid_component_id' });
    await expect(open({ componentIds: [api.id, api.id] })).rejects.toBeInstanceOf(ScalingValidationError);
    const response = await raw(t.mock, '/incidents', {
      method: 'POST',
      json: { title: 'x', severity: 'low', ownerId: t.mock.userId, componentIds: [api.id, api.id] },
    });
    expect(await response.json()).toMatchObject({ statusCode: 400, code: 'duplicate_component_id' });
  });
});

describe('ownerScheduleId', () => {
  const withRotation = async () => {
    const [alice, bob] = [t.mock.createUser({ firstName: 'Alice' }), t.mock.createUser({ firstName: 'Bob' })];
    const schedule = t.mock.createSchedule({
      name: 'Primary',
      timezone: 'UTC',
      layers: [{ participantIds: [alice.id, bob.id], rotationType: 'daily', rotationLengthDays: 1, handoffTime: '10:00', effectiveFrom: '2026-04-07T10:00:00Z' }],
    });
    return { alice, bob, schedule };
  };

  test('the schedule’s on-call person owns the incident, and the first policy whose layer 1 targets it is attached', async () => {
    const { alice, bob, schedule } = await withRotation();
    const unrelated = await t.scaling.policies.create({ name: 'Unrelated' });
    await t.scaling.policies.layers.create(unrelated.id, { position: 1, ackTimeoutMinutes: 5, target: { type: 'users', userIds: [bob.id] } });
    const matching = await t.scaling.policies.create({ name: 'Primary escalation' });
    await t.scaling.policies.layers.create(matching.id, { position: 1, ackTimeoutMinutes: 5, target: scheduleTarget(schedule.id) });
    const later = await t.scaling.policies.create({ name: 'Also primary' });
    await t.scaling.policies.layers.create(later.id, { position: 1, ackTimeoutMinutes: 5, target: scheduleTarget(schedule.id) });

    expect(await open({ ownerId: undefined, ownerScheduleId: schedule.id })).toMatchObject({ ownerId: alice.id, escalationPolicyId: matching.id });
    await t.mock.clock.advance(24 * 3_600_000);
    expect(await open({ ownerId: undefined, ownerScheduleId: schedule.id })).toMatchObject({ ownerId: bob.id });
  });

  test('an explicit ownerId or escalationPolicyId wins; no matching policy leaves none', async () => {
    const { bob, schedule } = await withRotation();
    const chosen = await t.scaling.policies.create({ name: 'Chosen' });
    expect(await open({ ownerId: bob.id, ownerScheduleId: schedule.id, escalationPolicyId: chosen.id })).toMatchObject({
      ownerId: bob.id,
      escalationPolicyId: chosen.id,
    });
    expect(await open({ ownerId: undefined, ownerScheduleId: schedule.id })).toMatchObject({ escalationPolicyId: null });
  });

  test('a schedule that is not the org’s is 404', async () => {
    const theirs = t.mock.createSchedule({ orgId: t.mock.createOrg().id });
    await expect(open({ ownerId: undefined, ownerScheduleId: theirs.id })).rejects.toMatchObject({ status: 404, code: 'not_found' });
  });
});

describe('lifecycle', () => {
  test('status moves strictly one step forward, writing a history row and an internal update each time', async () => {
    const incident = await open();
    await t.mock.clock.advance(60_000);
    await expect(t.scaling.incidents.updateStatus(incident.id, { status: 'identified' })).resolves.toMatchObject({
      status: 'identified',
      updatedAt: '2026-04-07T10:01:00.000Z',
    });
    await t.mock.clock.advance(60_000);
    await t.scaling.incidents.updateStatus(incident.id, { status: 'monitoring' });
    await t.mock.clock.advance(60_000);
    await t.scaling.incidents.updateStatus(incident.id, { status: 'resolved', resolutionNote: 'Rolled back the deploy.' });

    const detail = await t.scaling.incidents.get(incident.id);
    expect(detail.statusHistory.map((row) => [row.status, row.changedAt, row.resolutionNote])).toEqual([
      ['investigating', '2026-04-07T10:00:00.000Z', null],
      ['identified', '2026-04-07T10:01:00.000Z', null],
      ['monitoring', '2026-04-07T10:02:00.000Z', null],
      ['resolved', '2026-04-07T10:03:00.000Z', 'Rolled back the deploy.'],
    ]);
    const updates = await t.scaling.incidents.updates.list(incident.id);
    expect(updates.map((update) => [update.statusChange, update.visibility, update.body])).toEqual([
      ['identified', 'internal', null],
      ['monitoring', 'internal', null],
      ['resolved', 'internal', 'Rolled back the deploy.'],
    ]);
  });

  test('skipping, going back, repeating and anything after resolved are 400 invalid_status_transition', async () => {
    const incident = await open();
    for (const status of ['monitoring', 'resolved', 'investigating'] as const) {
      const error = await t.scaling.incidents.updateStatus(incident.id, { status }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ScalingBadRequestError);
      expect(error).toMatchObject({ code: 'invalid_status_transition' });
    }
    for (const status of ['identified', 'monitoring', 'resolved'] as const) await t.scaling.incidents.updateStatus(incident.id, { status });
    await expect(t.scaling.incidents.updateStatus(incident.id, { status: 'resolved' })).rejects.toMatchObject({ code: 'invalid_status_transition' });
    expect((await t.scaling.incidents.get(incident.id)).statusHistory).toHaveLength(4);
  });

  test('a resolutionNote goes only with resolved', async () => {
    const incident = await open();
    await expect(t.scaling.incidents.updateStatus(incident.id, { status: 'identified', resolutionNote: 'early' })).rejects.toMatchObject({
      name: 'ScalingValidationError',
      field: 'resolutionNote',
    });
    const response = await raw(t.mock, `/incidents/${incident.id}/status`, { method: 'PATCH', json: { status: 'identified', resolutionNote: 'early' } });
    expect(response.status).toBe(422);
    expect((await t.scaling.incidents.get(incident.id)).status).toBe('investigating');
  });
});

describe('updates', () => {
  test('internal updates, with or without a status change, come back oldest first', async () => {
    const incident = await open();
    const note = await t.scaling.incidents.updates.create(incident.id, { body: 'Looking at the checkout logs.', visibility: 'internal' });
    expect(note).toEqual({
      id: expect.any(String),
      incidentId: incident.id,
      body: 'Looking at the checkout logs.',
      statusChange: null,
      visibility: 'internal',
      postedBy: { id: t.mock.userId, name: 'Ada Admin' },
      postedAt: '2026-04-07T10:00:00.000Z',
      redactedAt: null,
      redactedBy: null,
    });
    await t.mock.clock.advance(60_000);
    await t.scaling.incidents.updates.create(incident.id, { statusChange: 'identified', visibility: 'internal' });
    expect((await t.scaling.incidents.get(incident.id)).status).toBe('identified');
    const updates = await t.scaling.incidents.updates.list(incident.id);
    expect(updates.map((update) => update.statusChange)).toEqual([null, 'identified']);
    await expect(t.scaling.incidents.updates.create(incident.id, { statusChange: 'resolved', visibility: 'internal' })).rejects.toMatchObject({
      code: 'invalid_status_transition',
    });
  });

  test('a public update needs a published status page that shows one of the incident’s components', async () => {
    const api = await t.scaling.components.create({ name: 'API' });
    const web = await t.scaling.components.create({ name: 'Web' });
    const incident = await open({ componentIds: [api.id] });
    const post = () => t.scaling.incidents.updates.create(incident.id, { body: 'We are investigating.', visibility: 'public' });
    await expect(post()).rejects.toMatchObject({ status: 400, code: 'no_public_surface' });
    t.mock.createStatusPage({ componentIds: [api.id], published: false });
    t.mock.createStatusPage({ componentIds: [web.id] });
    await expect(post()).rejects.toMatchObject({ code: 'no_public_surface' });
    t.mock.createStatusPage({ componentIds: [web.id, api.id] });
    await expect(post()).resolves.toMatchObject({ visibility: 'public', body: 'We are investigating.' });
  });

  test('a public update needs a body; an update needs a body or a status change', async () => {
    const incident = await open();
    await expect(t.scaling.incidents.updates.create(incident.id, { statusChange: 'identified', visibility: 'public' })).rejects.toMatchObject({ field: 'body' });
    await expect(t.scaling.incidents.updates.create(incident.id, { visibility: 'internal' })).rejects.toBeInstanceOf(ScalingValidationError);
    const response = await raw(t.mock, `/incidents/${incident.id}/updates`, { method: 'POST', json: { body: 'no visibility' } });
    expect(response.status).toBe(422);
  });

  test('nothing may be posted on a resolved incident: 400 incident_resolved', async () => {
    const incident = await open();
    for (const status of ['identified', 'monitoring', 'resolved'] as const) await t.scaling.incidents.updateStatus(incident.id, { status });
    await expect(t.scaling.incidents.updates.create(incident.id, { body: 'late', visibility: 'internal' })).rejects.toMatchObject({
      status: 400,
      code: 'incident_resolved',
    });
  });

  test('redaction: the author within 5 minutes, or an admin at any time; history is kept', async () => {
    const member = t.mock.createUser({ firstName: 'Mo', lastName: 'Member' });
    const asMember = t.client({ apiKey: member.apiKey });
    const incident = await open();
    const first = await asMember.incidents.updates.create(incident.id, { body: 'typo', statusChange: 'identified', visibility: 'internal' });
    await t.mock.clock.advance(5 * 60_000);
    const redacted = await asMember.incidents.updates.redact(incident.id, first.id);
    expect(redacted).toEqual({
      ...first,
      body: null,
      redactedAt: '2026-04-07T10:05:00.000Z',
      redactedBy: { id: member.id, name: 'Mo Member' },
    });
    expect(redacted.statusChange).toBe('identified');

    const second = await asMember.incidents.updates.create(incident.id, { body: 'second', visibility: 'internal' });
    await t.mock.clock.advance(5 * 60_000 + 1);
    await expect(asMember.incidents.updates.redact(incident.id, second.id)).rejects.toMatchObject({
      name: 'ScalingPermissionDeniedError',
      status: 403,
      code: 'redaction_not_permitted',
    });
    const byAdminPost = await t.scaling.incidents.updates.create(incident.id, { body: 'admin', visibility: 'internal' });
    await expect(asMember.incidents.updates.redact(incident.id, byAdminPost.id)).rejects.toMatchObject({ status: 403 });
    // An admin may, at any time, even on a resolved incident; doing it twice changes nothing.
    for (const status of ['monitoring', 'resolved'] as const) await t.scaling.incidents.updateStatus(incident.id, { status });
    const late = await t.scaling.incidents.updates.redact(incident.id, second.id);
    expect(late).toMatchObject({ body: null, redactedBy: { id: t.mock.userId } });
    await t.mock.clock.advance(60_000);
    expect(await t.scaling.incidents.updates.redact(incident.id, second.id)).toEqual(late);
    const listed = await t.scaling.incidents.updates.list(incident.id);
    expect(listed.map((update) => update.body)).toEqual([null, null, 'admin', null, null]);
  });
});

describe('acknowledge, handoff, components', () => {
  test('acknowledge records who and when, leaves the status, and is idempotent', async () => {
    const incident = await open();
    const member = t.mock.createUser();
    await t.mock.clock.advance(3 * 60_000);
    const acked = await t.client({ apiKey: member.apiKey }).incidents.acknowledge(incident.id);
    expect(acked).toMatchObject({ status: 'investigating', acknowledgedBy: member.id, acknowledgedAt: '2026-04-07T10:03:00.000Z' });
    await t.mock.clock.advance(60_000);
    expect(await t.scaling.incidents.acknowledge(incident.id)).toMatchObject({ acknowledgedBy: member.id, acknowledgedAt: '2026-04-07T10:03:00.000Z' });
  });

  test('acknowledging a resolved incident changes nothing', async () => {
    const incident = await open();
    for (const status of ['identified', 'monitoring', 'resolved'] as const) await t.scaling.incidents.updateStatus(incident.id, { status });
    expect(await t.scaling.incidents.acknowledge(incident.id)).toMatchObject({ status: 'resolved', acknowledgedBy: null });
  });

  test('handoff makes the target the owner and clears the acknowledgment; a non-member is 400 invalid_target_user', async () => {
    const incident = await open();
    const target = t.mock.createUser();
    await t.scaling.incidents.acknowledge(incident.id);
    expect(await t.scaling.incidents.handoff(incident.id, { targetUserId: target.id })).toMatchObject({
      ownerId: target.id,
      acknowledgedBy: null,
      acknowledgedAt: null,
    });
    const outsider = t.mock.createUser({ orgId: t.mock.createOrg().id });
    for (const targetUserId of [outsider.id, 'user_missing']) {
      await expect(t.scaling.incidents.handoff(incident.id, { targetUserId })).rejects.toMatchObject({ status: 400, code: 'invalid_target_user' });
    }
    expect((await t.scaling.incidents.get(incident.id)).ownerId).toBe(target.id);
  });

  test('setComponents replaces the set; [] clears it', async () => {
    const [api, db] = [await t.scaling.components.create({ name: 'API' }), await t.scaling.components.create({ name: 'DB' })];
    const incident = await open({ componentIds: [api.id] });
    expect((await t.scaling.incidents.setComponents(incident.id, { componentIds: [db.id] })).affectedComponents).toEqual([{ id: db.id, name: 'DB' }]);
    expect((await t.scaling.incidents.setComponents(incident.id, { componentIds: [] })).affectedComponents).toEqual([]);
    await expect(t.scaling.incidents.setComponents(incident.id, { componentIds: ['cmp_nope'] })).rejects.toMatchObject({ code: 'invalid_component_id' });
  });

  test('a component tagged on an incident cannot be deleted: 409 component_in_use, also once resolved', async () => {
    const api = await t.scaling.components.create({ name: 'API' });
    const incident = await open({ componentIds: [api.id] });
    await expect(t.scaling.components.delete(api.id)).rejects.toMatchObject({ status: 409, code: 'component_in_use' });
    for (const status of ['identified', 'monitoring', 'resolved'] as const) await t.scaling.incidents.updateStatus(incident.id, { status });
    await expect(t.scaling.components.delete(api.id)).rejects.toMatchObject({ code: 'component_in_use' });
    expect((await t.scaling.incidents.get(incident.id)).affectedComponents).toEqual([{ id: api.id, name: 'API' }]);
  });

  test('a resolved incident takes no handoff and no component change: 400 incident_resolved', async () => {
    const incident = await open();
    for (const status of ['identified', 'monitoring', 'resolved'] as const) await t.scaling.incidents.updateStatus(incident.id, { status });
    await expect(t.scaling.incidents.handoff(incident.id, { targetUserId: t.mock.userId })).rejects.toMatchObject({ code: 'incident_resolved' });
    await expect(t.scaling.incidents.setComponents(incident.id, { componentIds: [] })).rejects.toMatchObject({ code: 'incident_resolved' });
  });
});

describe('cross-org isolation', () => {
  test('every incident endpoint answers 404 for another org’s incident, and changes nothing', async () => {
    const incident = await open();
    const update = await t.scaling.incidents.updates.create(incident.id, { body: 'ours', visibility: 'internal' });
    const before = JSON.stringify([await t.scaling.incidents.get(incident.id), await t.scaling.incidents.updates.list(incident.id)]);
    const other = t.mock.createOrg();
    const stranger = t.client({ apiKey: other.apiKey });
    const id = incident.id;
    const calls = [
      stranger.incidents.get(id),
      stranger.incidents.updateStatus(id, { status: 'identified' }),
      stranger.incidents.updates.create(id, { body: 'theirs', visibility: 'internal' }),
      stranger.incidents.updates.list(id),
      stranger.incidents.updates.redact(id, update.id),
      stranger.incidents.acknowledge(id),
      stranger.incidents.handoff(id, { targetUserId: other.adminUserId }),
      stranger.incidents.setComponents(id, { componentIds: [] }),
    ];
    for (const call of calls) await expect(call).rejects.toMatchObject({ status: 404, code: 'not_found' });
    expect((await stranger.incidents.list()).incidents).toEqual([]);
    expect(JSON.stringify([await t.scaling.incidents.get(id), await t.scaling.incidents.updates.list(id)])).toBe(before);
  });
});

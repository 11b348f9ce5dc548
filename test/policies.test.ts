import { describe, expect, test } from 'vitest';
import { ScalingConflictError, ScalingNotFoundError, ScalingValidationError } from '../src/index.js';
import { scheduleTarget, useMock } from './helpers.js';

const t = useMock();

describe('policies', () => {
  test('create returns the policy, stamped by the mock clock and owned by the key’s user', async () => {
    const policy = await t.scaling.policies.create({
      name: 'Platform Default',
      description: 'Default escalation for platform incidents',
    });
    expect(policy).toEqual({
      id: expect.stringMatching(/^pol_/),
      orgId: t.mock.orgId,
      name: 'Platform Default',
      description: 'Default escalation for platform incidents',
      createdBy: t.mock.userId,
      createdAt: '2026-04-07T10:00:00.000Z',
      updatedAt: '2026-04-07T10:00:00.000Z',
    });
  });

  test('description is optional and comes back null', async () => {
    const policy = await t.scaling.policies.create({ name: 'No description' });
    expect(policy.description).toBeNull();
  });

  test('a request with a user’s key acts as that user', async () => {
    const user = t.mock.createUser();
    const policy = await t.client({ apiKey: user.apiKey }).policies.create({ name: 'Mine' });
    expect(policy.createdBy).toBe(user.id);
  });

  test('list returns the org’s policies without layers; get returns one with its layers', async () => {
    const a = await t.scaling.policies.create({ name: 'A' });
    const b = await t.scaling.policies.create({ name: 'B' });
    const schedule = t.mock.createSchedule();
    const layer = await t.scaling.policies.layers.create(b.id, { position: 1, ackTimeoutMinutes: 5, target: scheduleTarget(schedule.id) });

    const list = await t.scaling.policies.list();
    expect(list.map((policy) => policy.name)).toEqual(['A', 'B']);
    expect(list.every((policy) => !('layers' in policy))).toBe(true);

    expect(await t.scaling.policies.get(a.id)).toEqual({ ...a, layers: [], steps: [] });
    expect(await t.scaling.policies.get(b.id)).toEqual({
      ...b,
      layers: [layer],
      steps: [{
        id: layer.id, position: 1, targetType: 'schedule', targetId: schedule.id, escalateAfterSeconds: 300, condition: null,
        createdAt: layer.createdAt, updatedAt: layer.updatedAt,
      }],
    });
  });

  test('update changes only the fields sent and moves updatedAt to the clock', async () => {
    const policy = await t.scaling.policies.create({ name: 'Old', description: 'keep me' });
    await t.mock.clock.advance(90 * 60_000);
    const renamed = await t.scaling.policies.update(policy.id, { name: 'New' });
    expect(renamed).toEqual({ ...policy, name: 'New', updatedAt: '2026-04-07T11:30:00.000Z' });

    await t.mock.clock.advance(60_000);
    const cleared = await t.scaling.policies.update(policy.id, { description: null });
    expect(cleared).toMatchObject({ name: 'New', description: null, updatedAt: '2026-04-07T11:31:00.000Z' });
  });

  test('an empty update is refused before sending', async () => {
    const policy = await t.scaling.policies.create({ name: 'P' });
    await expect(t.scaling.policies.update(policy.id, {})).rejects.toThrow(ScalingValidationError);
  });

  test('delete removes the policy and its layers', async () => {
    const policy = await t.scaling.policies.create({ name: 'Doomed' });
    const schedule = t.mock.createSchedule();
    const layer = await t.scaling.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 5, target: scheduleTarget(schedule.id) });

    await expect(t.scaling.policies.delete(policy.id)).resolves.toBeUndefined();
    await expect(t.scaling.policies.get(policy.id)).rejects.toThrow(ScalingNotFoundError);
    await expect(t.scaling.policies.layers.list(policy.id)).rejects.toThrow(ScalingNotFoundError);
    await expect(t.scaling.policies.layers.delete(policy.id, layer.id)).rejects.toThrow(ScalingNotFoundError);
    expect(await t.scaling.policies.list()).toEqual([]);
  });

  test('names are unique per org: 409 name_conflict on create and on rename', async () => {
    await t.scaling.policies.create({ name: 'Taken' });
    const other = await t.scaling.policies.create({ name: 'Other' });

    const onCreate = await t.scaling.policies.create({ name: 'Taken' }).catch((error: unknown) => error);
    expect(onCreate).toBeInstanceOf(ScalingConflictError);
    expect(onCreate).toMatchObject({ status: 409, code: 'name_conflict', type: 'invalid_request_error' });

    await expect(t.scaling.policies.update(other.id, { name: 'Taken' })).rejects.toMatchObject({ code: 'name_conflict' });
    // Renaming a policy to its own name is not a conflict.
    await expect(t.scaling.policies.update(other.id, { name: 'Other' })).resolves.toMatchObject({ name: 'Other' });
    // Another org may use the same name.
    const org = t.mock.createOrg();
    await expect(t.client({ apiKey: org.apiKey }).policies.create({ name: 'Taken' })).resolves.toMatchObject({ orgId: org.id });
  });

  test('name must be 1 to 255 characters', async () => {
    await expect(t.scaling.policies.create({ name: 'x'.repeat(255) })).resolves.toMatchObject({ name: 'x'.repeat(255) });
    for (const name of ['', 'x'.repeat(256)]) {
      const error = await t.scaling.policies.create({ name }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ScalingValidationError);
      expect(error).toMatchObject({ field: 'name' });
    }
  });

  test('another org’s policy is 404 for every policy endpoint, and stays unchanged', async () => {
    const policy = await t.scaling.policies.create({ name: 'Ours' });
    const stranger = t.client({ apiKey: t.mock.createOrg().apiKey });
    const attempts = [
      stranger.policies.get(policy.id),
      stranger.policies.update(policy.id, { name: 'Theirs' }),
      stranger.policies.delete(policy.id),
    ];
    for (const attempt of attempts) {
      await expect(attempt).rejects.toMatchObject({ status: 404, code: 'not_found' });
    }
    expect(await stranger.policies.list()).toEqual([]);
    expect(await t.scaling.policies.get(policy.id)).toEqual({ ...policy, layers: [], steps: [] });
  });
});

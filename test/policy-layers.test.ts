import { describe, expect, test } from 'vitest';
import {
  ScalingBadRequestError,
  ScalingInvalidReorderError,
  ScalingInvalidTargetError,
  ScalingNotFoundError,
  type Layer,
} from '../src/index.js';
import { scheduleTarget, useMock, usersTarget } from './helpers.js';

const t = useMock();

/** A policy with `count` layers whose timeouts are 1..count, so each layer is recognisable. */
let policies = 0;
const policyWithLayers = async (count: number) => {
  const policy = await t.scaling.policies.create({ name: `Policy ${++policies}` });
  const schedule = t.mock.createSchedule();
  const layers: Layer[] = [];
  for (let i = 1; i <= count; i++) {
    layers.push(await t.scaling.policies.layers.create(policy.id, { position: i, ackTimeoutMinutes: i, target: scheduleTarget(schedule.id) }));
  }
  return { policy, schedule, layers };
};

const order = async (policyId: string) =>
  (await t.scaling.policies.layers.list(policyId)).map((layer) => [layer.position, layer.ackTimeoutMinutes]);

describe('layers.create', () => {
  test('returns the documented layer', async () => {
    const policy = await t.scaling.policies.create({ name: 'Platform Default' });
    const schedule = t.mock.createSchedule();
    const layer = await t.scaling.policies.layers.create(policy.id, {
      position: 1,
      ackTimeoutMinutes: 5,
      target: { type: 'schedule', scheduleId: schedule.id },
    });
    expect(layer).toEqual({
      id: expect.stringMatching(/^layer_/),
      policyId: policy.id,
      orgId: t.mock.orgId,
      position: 1,
      ackTimeoutMinutes: 5,
      target: { type: 'schedule', scheduleId: schedule.id },
      createdAt: '2026-04-07T10:00:00.000Z',
      updatedAt: '2026-04-07T10:00:00.000Z',
    });
  });

  test('a users target keeps its users in order', async () => {
    const { policy } = await policyWithLayers(0);
    const [a, b] = [t.mock.createUser(), t.mock.createUser()];
    const layer = await t.scaling.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 15, target: usersTarget(b.id, a.id) });
    expect(layer.target).toEqual({ type: 'users', userIds: [b.id, a.id] });
  });

  test('inserting at a position moves that layer and the ones after it down one', async () => {
    const { policy, schedule } = await policyWithLayers(3);
    await t.mock.clock.advance(60_000);
    const inserted = await t.scaling.policies.layers.create(policy.id, { position: 2, ackTimeoutMinutes: 99, target: scheduleTarget(schedule.id) });
    expect(inserted.position).toBe(2);
    expect(await order(policy.id)).toEqual([[1, 1], [2, 99], [3, 2], [4, 3]]);
    // Layers whose position changed were written; the first was not.
    const layers = await t.scaling.policies.layers.list(policy.id);
    expect(layers.map((layer) => layer.updatedAt)).toEqual([
      '2026-04-07T10:00:00.000Z',
      '2026-04-07T10:01:00.000Z',
      '2026-04-07T10:01:00.000Z',
      '2026-04-07T10:01:00.000Z',
    ]);
  });

  test('position n+1 appends; beyond it is refused with 400 invalid_position and nothing changes', async () => {
    const { policy, schedule } = await policyWithLayers(2);
    await t.scaling.policies.layers.create(policy.id, { position: 3, ackTimeoutMinutes: 30, target: scheduleTarget(schedule.id) });
    const error = await t.scaling.policies.layers
      .create(policy.id, { position: 5, ackTimeoutMinutes: 50, target: scheduleTarget(schedule.id) })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingBadRequestError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_position' });
    expect(await order(policy.id)).toEqual([[1, 1], [2, 2], [3, 30]]);
  });

  test('a policy holds at most 50 layers', async () => {
    const { policy, schedule } = await policyWithLayers(50);
    await expect(
      t.scaling.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 5, target: scheduleTarget(schedule.id) }),
    ).rejects.toMatchObject({ status: 400, code: 'layer_limit_reached' });
    expect(await t.scaling.policies.layers.list(policy.id)).toHaveLength(50);
  });

  test('invalid_target: a schedule or a user that is not in the org', async () => {
    const { policy } = await policyWithLayers(0);
    const other = t.mock.createOrg();
    const foreignSchedule = t.mock.createSchedule({ orgId: other.id });
    const foreignUser = t.mock.createUser({ orgId: other.id });
    const member = t.mock.createUser();

    const targets = [scheduleTarget(foreignSchedule.id), scheduleTarget('sched_missing'), usersTarget(member.id, foreignUser.id)];
    for (const target of targets) {
      const error = await t.scaling.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 5, target }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ScalingInvalidTargetError);
      expect(error).toMatchObject({ status: 400, code: 'invalid_target', type: 'invalid_request_error' });
    }
    expect(await t.scaling.policies.layers.list(policy.id)).toEqual([]);
  });

  test('404 for a policy that does not exist', async () => {
    await expect(
      t.scaling.policies.layers.create('pol_missing', { position: 1, ackTimeoutMinutes: 5, target: usersTarget(t.mock.userId) }),
    ).rejects.toThrow(ScalingNotFoundError);
  });
});

describe('layers.update', () => {
  test('changes only the fields sent; target is replaced whole; position never moves', async () => {
    const { policy, layers } = await policyWithLayers(2);
    const user = t.mock.createUser();
    await t.mock.clock.advance(90 * 60_000);
    const longer = await t.scaling.policies.layers.update(policy.id, layers[1]!.id, { ackTimeoutMinutes: 15 });
    expect(longer).toEqual({ ...layers[1], ackTimeoutMinutes: 15, updatedAt: '2026-04-07T11:30:00.000Z' });

    const retargeted = await t.scaling.policies.layers.update(policy.id, layers[1]!.id, { target: usersTarget(user.id) });
    expect(retargeted).toMatchObject({ position: 2, ackTimeoutMinutes: 15, target: { type: 'users', userIds: [user.id] } });
    expect(retargeted.target).not.toHaveProperty('scheduleId');
  });

  test('invalid_target leaves the layer as it was', async () => {
    const { policy, layers } = await policyWithLayers(1);
    await expect(
      t.scaling.policies.layers.update(policy.id, layers[0]!.id, { ackTimeoutMinutes: 60, target: scheduleTarget('sched_missing') }),
    ).rejects.toThrow(ScalingInvalidTargetError);
    expect(await t.scaling.policies.layers.list(policy.id)).toEqual(layers);
  });

  test('404 for a layer of another policy', async () => {
    const first = await policyWithLayers(1);
    const second = await policyWithLayers(1);
    await expect(
      t.scaling.policies.layers.update(second.policy.id, first.layers[0]!.id, { ackTimeoutMinutes: 3 }),
    ).rejects.toMatchObject({ status: 404, code: 'not_found' });
  });
});

describe('layers.delete', () => {
  test('closes the gap: positions stay 1..n', async () => {
    const { policy, layers } = await policyWithLayers(4);
    await expect(t.scaling.policies.layers.delete(policy.id, layers[1]!.id)).resolves.toBeUndefined();
    expect(await order(policy.id)).toEqual([[1, 1], [2, 3], [3, 4]]);
    await t.scaling.policies.layers.delete(policy.id, layers[0]!.id);
    expect(await order(policy.id)).toEqual([[1, 3], [2, 4]]);
  });

  test('a deleted layer is gone: 404 the second time', async () => {
    const { policy, layers } = await policyWithLayers(1);
    await t.scaling.policies.layers.delete(policy.id, layers[0]!.id);
    await expect(t.scaling.policies.layers.delete(policy.id, layers[0]!.id)).rejects.toThrow(ScalingNotFoundError);
  });
});

describe('layers.reorder', () => {
  test('the first id becomes position 1, and every layer is written', async () => {
    const { policy, layers } = await policyWithLayers(3);
    await t.mock.clock.advance(20 * 60_000);
    const reordered = await t.scaling.policies.layers.reorder(policy.id, { layerIds: [layers[2]!.id, layers[0]!.id, layers[1]!.id] });
    expect(reordered.map((layer) => [layer.id, layer.position])).toEqual([
      [layers[2]!.id, 1],
      [layers[0]!.id, 2],
      [layers[1]!.id, 3],
    ]);
    expect(reordered.every((layer) => layer.updatedAt === '2026-04-07T10:20:00.000Z')).toBe(true);
    expect(await t.scaling.policies.layers.list(policy.id)).toEqual(reordered);
  });

  test('invalid_reorder unless layerIds is exactly the policy’s set; nothing changes', async () => {
    const { policy, layers } = await policyWithLayers(3);
    const other = await policyWithLayers(1);
    const ids = layers.map((layer) => layer.id);
    const wrong = [
      ids.slice(0, 2), // partial
      [...ids, other.layers[0]!.id], // one too many
      [ids[0]!, ids[1]!, other.layers[0]!.id], // a layer of another policy
      [ids[0]!, 'layer_missing', ids[2]!], // unknown id
    ];
    for (const layerIds of wrong) {
      const error = await t.scaling.policies.layers.reorder(policy.id, { layerIds }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ScalingInvalidReorderError);
      expect(error).toMatchObject({ status: 400, code: 'invalid_reorder' });
    }
    expect(await t.scaling.policies.layers.list(policy.id)).toEqual(layers);
  });

  test('404 for a policy of another org', async () => {
    const { policy, layers } = await policyWithLayers(2);
    const stranger = t.client({ apiKey: t.mock.createOrg().apiKey });
    await expect(stranger.policies.layers.reorder(policy.id, { layerIds: layers.map((layer) => layer.id).reverse() })).rejects.toMatchObject({
      status: 404,
    });
    expect(await t.scaling.policies.layers.list(policy.id)).toEqual(layers);
  });
});

describe('cross-org isolation', () => {
  test('every layer endpoint answers 404 for another org’s policy and changes nothing', async () => {
    const { policy, layers } = await policyWithLayers(2);
    const other = t.mock.createOrg();
    const stranger = t.client({ apiKey: other.apiKey });
    const theirSchedule = t.mock.createSchedule({ orgId: other.id });
    const layerId = layers[0]!.id;
    const before = await t.scaling.policies.get(policy.id);
    const calls = [
      stranger.policies.layers.list(policy.id),
      stranger.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 5, target: scheduleTarget(theirSchedule.id) }),
      stranger.policies.layers.update(policy.id, layerId, { ackTimeoutMinutes: 9 }),
      stranger.policies.layers.delete(policy.id, layerId),
    ];
    for (const call of calls) await expect(call).rejects.toMatchObject({ status: 404, code: 'not_found' });
    expect(before.layers).toEqual(layers);
    expect(await t.scaling.policies.get(policy.id)).toEqual(before);
  });
});

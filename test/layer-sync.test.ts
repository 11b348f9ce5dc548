import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import {
  ScalingError,
  ScalingInvalidTargetError,
  ScalingServerError,
  ScalingSyncError,
  ScalingValidationError,
  type Layer,
  type LayerSyncItem,
  type LayerTarget,
  type SyncStep,
} from '../src/index.js';
import { buildLayerSync, planLayerSync } from '../src/resources/layer-sync.js';
import { countingFetch, scheduleTarget, useMock, usersTarget } from './helpers.js';

const [S1, S2, S3] = [scheduleTarget('sched_1'), scheduleTarget('sched_2'), scheduleTarget('sched_3')];

/** Layers as the API would return them, positions 1..n in the order given. */
const layers = (...specs: Array<[id: string, ackTimeoutMinutes: number, target: LayerTarget]>): Layer[] =>
  specs.map(([id, ackTimeoutMinutes, target], index) => ({
    id, policyId: 'pol_1', orgId: 'org_1', position: index + 1, ackTimeoutMinutes, target,
    createdAt: '2026-04-07T10:00:00.000Z', updatedAt: '2026-04-07T10:00:00.000Z',
  }));

const validationError = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ScalingValidationError);
    return error as ScalingValidationError;
  }
  throw new Error('expected a ScalingValidationError');
};

describe('planLayerSync: matching and steps', () => {
  test('the same layers (no ids needed) plan nothing', () => {
    expect(planLayerSync(layers(['a', 5, S1], ['b', 10, usersTarget('u1', 'u2')]), [
      { ackTimeoutMinutes: 5, target: S1 },
      { ackTimeoutMinutes: 10, target: usersTarget('u1', 'u2') },
    ])).toEqual([]);
  });

  test('an id pins its layer first; items without id then match by target, first come first matched', () => {
    const current = layers(['a', 5, S1], ['b', 10, S1]);
    // `b` is claimed by id, so the item without id takes `a`: only the order changes.
    expect(planLayerSync(current, [{ id: 'b', ackTimeoutMinutes: 10, target: S1 }, { ackTimeoutMinutes: 5, target: S1 }]))
      .toEqual([{ action: 'reorder', layerIds: ['b', 'a'] }]);
    // Without ids, position order meets list order: two updates, never a guess at which was meant.
    expect(planLayerSync(current, [{ ackTimeoutMinutes: 10, target: S1 }, { ackTimeoutMinutes: 5, target: S1 }])).toEqual([
      { action: 'update', layerId: 'a', changes: { ackTimeoutMinutes: 10 } },
      { action: 'update', layerId: 'b', changes: { ackTimeoutMinutes: 5 } },
    ]);
  });

  test('users match as a set; a new order of the same users is one target update', () => {
    expect(planLayerSync(layers(['a', 5, usersTarget('u1', 'u2')]), [{ ackTimeoutMinutes: 5, target: usersTarget('u2', 'u1') }]))
      .toEqual([{ action: 'update', layerId: 'a', changes: { target: usersTarget('u2', 'u1') } }]);
  });

  test('a new target without id retargets a leftover layer: one update, as with the id; only a surplus is deleted or created', () => {
    const current = layers(['a', 5, S1]);
    expect(planLayerSync(current, [{ ackTimeoutMinutes: 5, target: S2 }])).toEqual([{ action: 'update', layerId: 'a', changes: { target: S2 } }]);
    expect(planLayerSync(current, [{ id: 'a', ackTimeoutMinutes: 7, target: S2 }]))
      .toEqual([{ action: 'update', layerId: 'a', changes: { ackTimeoutMinutes: 7, target: S2 } }]);
    expect(planLayerSync(layers(['a', 5, S1], ['b', 5, S2]), [{ ackTimeoutMinutes: 5, target: S3 }])).toEqual([
      { action: 'delete', layerId: 'b', position: 2 },
      { action: 'update', layerId: 'a', changes: { target: S3 } },
    ]);
  });

  test('deletes run bottom up, creates top down at their final positions, the reorder names new layers null', () => {
    const current = layers(['a', 5, S1], ['b', 5, S2], ['c', 5, S3], ['d', 5, usersTarget('u1')]);
    expect(planLayerSync(current, [{ ackTimeoutMinutes: 5, target: S3 }, { ackTimeoutMinutes: 15, target: S1 }])).toEqual([
      { action: 'delete', layerId: 'd', position: 4 },
      { action: 'delete', layerId: 'b', position: 2 },
      { action: 'update', layerId: 'a', changes: { ackTimeoutMinutes: 15 } },
      { action: 'reorder', layerIds: ['c', 'a'] },
    ]);
    expect(planLayerSync(layers(['a', 5, S1], ['b', 5, S2]), [
      { ackTimeoutMinutes: 5, target: S2 },
      { ackTimeoutMinutes: 9, target: usersTarget('u9') },
      { ackTimeoutMinutes: 5, target: S1 },
      { ackTimeoutMinutes: 9, target: usersTarget('u8') },
    ])).toEqual([
      { action: 'create', position: 2, ackTimeoutMinutes: 9, target: usersTarget('u9') },
      { action: 'create', position: 4, ackTimeoutMinutes: 9, target: usersTarget('u8') },
      { action: 'reorder', layerIds: ['b', null, 'a', null] },
    ]);
  });

  test('an empty list deletes every layer; current layers are read in position order whatever their array order', () => {
    const [a, b, c] = layers(['a', 5, S1], ['b', 5, S2], ['c', 5, S3]) as [Layer, Layer, Layer];
    expect(planLayerSync([c, a, b], [])).toEqual([
      { action: 'delete', layerId: 'c', position: 3 },
      { action: 'delete', layerId: 'b', position: 2 },
      { action: 'delete', layerId: 'a', position: 1 },
    ]);
  });

  test('a dry run predicts the layers: kept ids, null for new ones', () => {
    expect(buildLayerSync(layers(['a', 5, S1]), [{ ackTimeoutMinutes: 3, target: S2 }, { ackTimeoutMinutes: 6, target: S1 }]).layers).toEqual([
      { id: null, position: 1, ackTimeoutMinutes: 3, target: S2 },
      { id: 'a', position: 2, ackTimeoutMinutes: 6, target: S1 },
    ]);
  });
});

describe('planLayerSync: validation', () => {
  const ok = { ackTimeoutMinutes: 5, target: S1 };
  test.each<[string, unknown, string]>([
    ['an ack timeout out of range', [ok, ok, { ackTimeoutMinutes: 0, target: S1 }], 'desired[2].ackTimeoutMinutes'],
    ['a target of no known type', [ok, { ackTimeoutMinutes: 5, target: { type: 'team', teamId: 't' } }], 'desired[1].target.type'],
    ['a users target with a repeat', [{ ackTimeoutMinutes: 5, target: usersTarget('u1', 'u1') }], 'desired[0].target.userIds'],
    ['a position (implied by the order)', [{ ...ok, position: 1 }], 'desired[0].position'],
    ['the same id twice', [{ ...ok, id: 'a' }, ok, { ...ok, id: 'a' }], 'desired[2].id'],
    ['51 layers', Array.from({ length: 51 }, () => ok), 'desired'],
    ['not a list', { layers: [] }, 'desired'],
  ])('refuses %s', (_, desired, field) => {
    const error = validationError(() => planLayerSync([], desired as LayerSyncItem[]));
    expect(error.field).toBe(field);
  });

  test('refuses ids that are not layers of the policy, naming each', () => {
    const error = validationError(() => planLayerSync(layers(['a', 5, S1]), [{ ...ok, id: 'a' }, { ...ok, id: 'x' }, { ...ok, id: 'y' }]));
    expect(error.issues).toEqual([
      { path: 'desired[1].id', message: 'is not a layer of this policy' },
      { path: 'desired[2].id', message: 'is not a layer of this policy' },
    ]);
  });
});

const t = useMock();

describe('policies.layers.sync against the mock', () => {
  let policies = 0;
  /** A policy whose layers have the given timeouts, each on its own schedule; and a client that counts its requests. */
  const setup = async (count: number) => {
    const policy = await t.scaling.policies.create({ name: `Policy ${++policies}` });
    const targets = Array.from({ length: count + 2 }, () => scheduleTarget(t.mock.createSchedule().id));
    const current: Layer[] = [];
    for (let i = 0; i < count; i++) {
      current.push(await t.scaling.policies.layers.create(policy.id, { position: i + 1, ackTimeoutMinutes: i + 1, target: targets[i]! }));
    }
    const counter = countingFetch();
    const methods = () => counter.calls.map((request) => request.method);
    const items = (list: readonly Layer[]) => list.map(({ ackTimeoutMinutes, target }) => ({ ackTimeoutMinutes, target }));
    return { policyId: policy.id, current, targets, items, calls: counter.calls, methods, scaling: t.client({ fetch: counter.fetch }) };
  };
  /** Syncs, then checks that the policy is the desired list and that the result is what the API returns. */
  const syncAndCheck = async (ctx: Awaited<ReturnType<typeof setup>>, desired: LayerSyncItem[]) => {
    const result = await ctx.scaling.policies.layers.sync(ctx.policyId, desired);
    const after = await t.scaling.policies.layers.list(ctx.policyId);
    expect(ctx.items(after)).toEqual(desired.map(({ ackTimeoutMinutes, target }) => ({ ackTimeoutMinutes, target })));
    expect(result.layers).toEqual(after);
    return result;
  };

  test('the desired list is read once, whether it runs or only plans', async () => {
    const ctx = await setup(1);
    for (const dryRun of [true, false]) {
      let reads = 0;
      const item = { target: ctx.targets[1]!, get ackTimeoutMinutes() { reads++; return 5; } };
      await ctx.scaling.policies.layers.sync(ctx.policyId, [item], { dryRun });
      expect(reads).toBe(1);
    }
  });

  test('no change: 1 GET, no write', async () => {
    const ctx = await setup(3);
    const result = await syncAndCheck(ctx, ctx.items(ctx.current));
    expect(ctx.methods()).toEqual(['GET']);
    expect(result).toEqual({ layers: ctx.current, plan: [] });
  });

  test('a timeout change: 1 PATCH carrying only that field', async () => {
    const ctx = await setup(3);
    const desired = ctx.items(ctx.current);
    desired[1]!.ackTimeoutMinutes = 30;
    const result = await syncAndCheck(ctx, desired);
    expect(ctx.methods()).toEqual(['GET', 'PATCH']);
    expect(await ctx.calls[1]!.json()).toEqual({ ackTimeoutMinutes: 30 });
    expect(result.plan).toEqual([{ action: 'update', layerId: ctx.current[1]!.id, changes: { ackTimeoutMinutes: 30 } }]);
  });

  test('append one, or insert one in the middle: 1 POST, no reorder', async () => {
    const ctx = await setup(3);
    await syncAndCheck(ctx, [...ctx.items(ctx.current), { ackTimeoutMinutes: 9, target: ctx.targets[3]! }]);
    const inserted = await syncAndCheck(ctx, [
      ...ctx.items(ctx.current.slice(0, 1)), { ackTimeoutMinutes: 7, target: ctx.targets[4]! },
      ...ctx.items(ctx.current.slice(1)), { ackTimeoutMinutes: 9, target: ctx.targets[3]! },
    ]);
    expect(ctx.methods()).toEqual(['GET', 'POST', 'GET', 'POST']);
    expect(await ctx.calls[3]!.json()).toEqual({ position: 2, ackTimeoutMinutes: 7, target: ctx.targets[4] });
    expect(inserted.plan).toEqual([{ action: 'create', position: 2, ackTimeoutMinutes: 7, target: ctx.targets[4], layerId: inserted.layers[1]!.id }]);
  });

  test('swap two: 1 PUT; delete one: 1 DELETE', async () => {
    const ctx = await setup(3);
    const [a, b, c] = ctx.current as [Layer, Layer, Layer];
    await syncAndCheck(ctx, ctx.items([b, a, c]));
    await syncAndCheck(ctx, ctx.items([b, c]));
    expect(ctx.methods()).toEqual(['GET', 'PUT', 'GET', 'DELETE']);
  });

  test('a mix: delete, updates (a retarget among them) and one reorder, in that order', async () => {
    const ctx = await setup(4);
    const [a, b, c, d] = ctx.current as [Layer, Layer, Layer, Layer];
    const result = await syncAndCheck(ctx, [
      { ackTimeoutMinutes: c.ackTimeoutMinutes, target: c.target },
      { ackTimeoutMinutes: 60, target: ctx.targets[5]! },
      { id: a.id, ackTimeoutMinutes: 10, target: a.target },
    ]);
    expect(ctx.methods()).toEqual(['GET', 'DELETE', 'PATCH', 'PATCH', 'PUT']);
    expect(result.plan).toEqual([
      { action: 'delete', layerId: d.id, position: 4 },
      { action: 'update', layerId: b.id, changes: { ackTimeoutMinutes: 60, target: ctx.targets[5] } },
      { action: 'update', layerId: a.id, changes: { ackTimeoutMinutes: 10 } },
      { action: 'reorder', layerIds: [c.id, b.id, a.id] },
    ]);
  });

  test('an empty list deletes every layer; in a full policy a new target is one retarget, so the cap is never hit', async () => {
    const ctx = await setup(3);
    await syncAndCheck(ctx, []);
    expect(ctx.methods()).toEqual(['GET', 'DELETE', 'DELETE', 'DELETE']);

    const full = await setup(50);
    const desired = full.items(full.current);
    desired[24] = { ackTimeoutMinutes: 5, target: full.targets[50]! };
    await syncAndCheck(full, desired);
    expect(full.methods()).toEqual(['GET', 'PATCH']);
  });

  test('dryRun reads once, writes nothing, and predicts the layers and the plan', async () => {
    const ctx = await setup(2);
    const [a, b] = ctx.current as [Layer, Layer];
    const preview = await ctx.scaling.policies.layers.sync(ctx.policyId, [...ctx.items([b]), { ackTimeoutMinutes: 3, target: ctx.targets[2]! }, ...ctx.items([a])], { dryRun: true });
    expect(ctx.methods()).toEqual(['GET']);
    expect(preview.layers.map((layer) => layer.id)).toEqual([b.id, null, a.id]);
    expect(preview.plan).toEqual([
      { action: 'create', position: 2, ackTimeoutMinutes: 3, target: ctx.targets[2] },
      { action: 'reorder', layerIds: [b.id, null, a.id] },
    ]);
    expect(await t.scaling.policies.layers.list(ctx.policyId)).toEqual(ctx.current);
  });

  test('a bad list is refused before any request; an unknown id after the read, before any write', async () => {
    const ctx = await setup(1);
    await expect(ctx.scaling.policies.layers.sync(ctx.policyId, [{ ackTimeoutMinutes: 0, target: ctx.targets[0]! }]))
      .rejects.toMatchObject({ name: 'ScalingValidationError', field: 'desired[0].ackTimeoutMinutes' });
    expect(ctx.methods()).toEqual([]);
    await expect(ctx.scaling.policies.layers.sync(ctx.policyId, [{ id: 'layer_elsewhere', ackTimeoutMinutes: 1, target: ctx.targets[0]! }]))
      .rejects.toMatchObject({ name: 'ScalingValidationError', field: 'desired[0].id' });
    expect(ctx.methods()).toEqual(['GET']);
  });

  test('a failure at step 3 stops the sync: ScalingSyncError with what was applied, and nothing after it is sent', async () => {
    const ctx = await setup(4);
    const [a, b, c, d] = ctx.current as [Layer, Layer, Layer, Layer];
    const foreign = scheduleTarget(t.mock.createSchedule({ orgId: t.mock.createOrg().id }).id);
    const desired: LayerSyncItem[] = [
      { id: b.id, ackTimeoutMinutes: 20, target: b.target },
      { ackTimeoutMinutes: 5, target: foreign },
      { id: a.id, ackTimeoutMinutes: a.ackTimeoutMinutes, target: a.target },
    ];
    const error = await ctx.scaling.policies.layers.sync(ctx.policyId, desired).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingSyncError);
    expect(error).toBeInstanceOf(ScalingError);
    const sync = error as ScalingSyncError;
    expect(sync.cause).toBeInstanceOf(ScalingInvalidTargetError);
    expect(sync.applied).toEqual([
      { action: 'delete', layerId: d.id, position: 4 },
      { action: 'update', layerId: b.id, changes: { ackTimeoutMinutes: 20 } },
    ]);
    expect(sync.failed).toEqual({ action: 'update', layerId: c.id, changes: { ackTimeoutMinutes: 5, target: foreign } });
    expect(sync.pending).toEqual([{ action: 'reorder', layerIds: [b.id, c.id, a.id] }]);
    expect(sync.message).toContain('failed at step 3 of 4');
    expect(sync.message).toContain('400 invalid_target');
    expect(sync.message).toContain(`Applied: delete ${d.id} (position 4), update ${b.id} (ackTimeoutMinutes).`);
    expect(ctx.methods()).toEqual(['GET', 'DELETE', 'PATCH', 'PATCH']);
    expect((await t.scaling.policies.layers.list(ctx.policyId)).map((layer) => [layer.id, layer.ackTimeoutMinutes])).toEqual([
      [a.id, 1],
      [b.id, 20],
      [c.id, 3],
    ]);
    // Syncing again (with a target that exists) re-reads and finishes from where it stopped.
    desired[1] = { ackTimeoutMinutes: 5, target: ctx.targets[4]! };
    await syncAndCheck(ctx, desired);
    expect(ctx.methods().slice(4)).toEqual(['GET', 'PATCH', 'PUT']);
  });

  test('request options reach every call: headers, and maxRetries (a create is still not retried on 5xx)', async () => {
    const ctx = await setup(2);
    const [a, b] = ctx.current as [Layer, Layer];
    const unavailable = () => HttpResponse.json({ statusCode: 503, code: 'unavailable', message: 'try later' }, { status: 503 });
    const layersUrl = `${t.mock.baseUrl}/escalation/policies/:policyId/layers`;
    t.server.use(http.patch(`${layersUrl}/:layerId`, unavailable, { once: true }), http.post(layersUrl, unavailable, { once: true }));

    const desired = [{ id: a.id, ackTimeoutMinutes: 11, target: a.target }, ...ctx.items([b]), { ackTimeoutMinutes: 12, target: ctx.targets[2]! }];
    const error = await ctx.scaling.policies.layers
      .sync(ctx.policyId, desired, { maxRetries: 2, headers: { 'x-trace-id': 'sync-1' } })
      .catch((caught: unknown) => caught);
    // The PATCH is retried once and succeeds; the POST's 503 may hide a created layer, so it is not.
    expect(ctx.methods()).toEqual(['GET', 'PATCH', 'PATCH', 'POST']);
    expect(ctx.calls.every((request) => request.headers.get('x-trace-id') === 'sync-1')).toBe(true);
    expect(error).toBeInstanceOf(ScalingSyncError);
    expect(error).toMatchObject({ applied: [{ action: 'update', layerId: a.id }], failed: { action: 'create', position: 3 }, pending: [] });
    expect((error as ScalingSyncError).cause).toBeInstanceOf(ScalingServerError);
    expect((error as ScalingSyncError).message).toContain('(it may have taken effect)');
  });
});

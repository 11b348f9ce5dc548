import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createScalingMock, type ScalingMock } from '../../mocks/index.js';
import {
  type Layer,
  type LayerTarget,
  ScalingAPIError,
  ScalingBadRequestError,
  ScalingInvalidReorderError,
  ScalingNotFoundError,
} from '../../src/index.js';
import { FUZZ_RUNS, rawFetch, sdk, START } from './support.js';

/**
 * Many layer operations on one policy at once (`Promise.all` through the SDK and `mock.fetch`), built
 * from a snapshot that goes stale as they land. Afterwards: the invariants hold, and every answer is
 * the one a serial execution would give, in the order the answers came back (that order is a witness:
 * if replaying the operations one by one in it reproduces every answer and the final state, the
 * concurrent run was equivalent to that serial one).
 */

const RUNS = FUZZ_RUNS === undefined ? 3 : Math.max(3, Math.round(FUZZ_RUNS / 500));
const OPERATIONS = 1000;
/** Snapshots taken while operations are in flight. */
const WAVES = 10;
const MAX_LAYERS = 50;
const NO_SUCH_LAYER = 'layer_never_existed_000';

type Op =
  | { kind: 'create'; position: number; minutes: number; target: 'schedule' | 'user' }
  | { kind: 'update'; layer: number; minutes: number }
  | { kind: 'delete'; layer: number }
  /** A permutation of the snapshot's layers, by sort keys. */
  | { kind: 'reorder'; keys: number[] };

const minutes = fc.integer({ min: 1, max: 10080 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('create' as const), position: fc.integer({ min: 1, max: 53 }), minutes, target: fc.constantFrom('schedule' as const, 'user' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('update' as const), layer: fc.nat({ max: 60 }), minutes }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), layer: fc.nat({ max: 60 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reorder' as const), keys: fc.array(fc.nat({ max: 1000 }), { minLength: 50, maxLength: 50 }) }) },
);

/** Sort keys that rotate the layers by an amount the operation picked. */
const rotation = (op: Op): number[] => {
  const shift = op.kind === 'create' ? op.position : op.kind === 'reorder' ? 0 : op.layer;
  return Array.from({ length: MAX_LAYERS }, (_, index) => (index + shift) % MAX_LAYERS);
};

type World = { mock: ScalingMock; policyId: string; targets: Record<'schedule' | 'user', LayerTarget> };

/** A policy with `count` layers, alternating targets. */
const world = async (count: number): Promise<World> => {
  const mock = createScalingMock({ now: START, seed: 7 });
  const targets = {
    schedule: { type: 'schedule', scheduleId: mock.createSchedule().id },
    user: { type: 'users', userIds: [mock.createUser().id] },
  } satisfies Record<string, LayerTarget>;
  const scaling = sdk(mock, mock.apiKey);
  const policy = await scaling.policies.create({ name: 'Concurrent' });
  for (let i = 0; i < count; i++) {
    await scaling.policies.layers.create(policy.id, { position: i + 1, ackTimeoutMinutes: i + 1, target: i % 2 === 0 ? targets.schedule : targets.user });
  }
  return { mock, policyId: policy.id, targets };
};

const readLayers = async (mock: ScalingMock, policyId: string): Promise<Layer[]> => {
  const response = await rawFetch(mock, `/escalation/policies/${policyId}/layers`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: Layer[] }).data;
};

const expectInvariants = (layers: readonly Layer[]) => {
  expect(layers.length).toBeLessThanOrEqual(MAX_LAYERS);
  expect(layers.map((layer) => layer.position)).toEqual(layers.map((_, index) => index + 1));
  expect(new Set(layers.map((layer) => layer.id)).size).toBe(layers.length);
};

/**
 * A client whose every request carries `x-op: <index>`, and a log of the order in which the mock's
 * answers came back. Each request is handled atomically (the store is synchronous once the body is
 * read), and every answer goes back through the same number of steps, so this is the order in which
 * the mock applied them.
 */
const recordingClient = (mock: ScalingMock) => {
  const answered: number[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const response = await mock.fetch(request);
    answered.push(Number(request.headers.get('x-op')));
    return response;
  };
  return { scaling: sdk(mock, mock.apiKey, fetch), answered };
};

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };
const settle = async (call: Promise<unknown>): Promise<Outcome> => {
  try {
    return { ok: true, value: await call };
  } catch (error) {
    return { ok: false, error };
  }
};

type ModelLayer = { id: string; ackTimeoutMinutes: number; target: LayerTarget };

const expectError = (outcome: Outcome, cls: typeof ScalingAPIError, status: number, code: string, what: string) => {
  expect(outcome.ok, `${what}: expected ${status} ${code}, got success`).toBe(false);
  const error = outcome.ok ? undefined : outcome.error;
  expect(error, what).toBeInstanceOf(cls);
  expect(error instanceof ScalingAPIError ? [error.status, error.code] : error, what).toEqual([status, code]);
};

const view = (layer: ModelLayer, index: number) => ({ ...layer, position: index + 1 });
const pick = (layer: Layer) => ({ id: layer.id, ackTimeoutMinutes: layer.ackTimeoutMinutes, target: layer.target, position: layer.position });

type Sent =
  | { kind: 'create'; position: number; minutes: number; target: LayerTarget }
  | { kind: 'update'; layerId: string; minutes: number }
  | { kind: 'delete'; layerId: string }
  | { kind: 'reorder'; layerIds: string[] };

/** The (operation, outcome) pairs the runs produced, over both tests that mix operations. */
const reached = new Set<string>();

/** A long list of operations prints as a summary; the seed and path replay it. */
const summarized = (ops: Op[]) =>
  Object.assign(ops, {
    [fc.toStringMethod]: () => {
      const counts = new Map<string, number>();
      for (const op of ops) counts.set(op.kind, (counts.get(op.kind) ?? 0) + 1);
      return `${ops.length} operations (${[...counts].map(([kind, n]) => `${n} ${kind}`).join(', ')})`;
    },
  });
const operationsArb = fc.array(opArb, { minLength: OPERATIONS, maxLength: OPERATIONS }).map(summarized);

/**
 * Sends `ops` at once, in `waves`. One wave: every operation is built from the first snapshot and
 * all of them are in flight together. More waves: each wave is built from a snapshot read while
 * earlier operations are still in flight, so it is stale when it lands; every other wave is quiet
 * (its creates and deletes become reorders, and its snapshot waits for what was sent before), so its
 * reorders race each other and the updates on a set of layers that holds still.
 */
const sendConcurrently = async (initial: number, ops: readonly Op[], waves: number) => {
  const { mock, policyId, targets } = await world(initial);
  const { scaling, answered } = recordingClient(mock);
  const snapshot = await readLayers(mock, policyId);
  const sent: Sent[] = [];
  const pending: Array<Promise<Outcome>> = [];
  const send = (one: Sent) => {
    const options = { headers: { 'x-op': String(sent.length) } };
    const layers = scaling.policies.layers;
    sent.push(one);
    switch (one.kind) {
      case 'create': return pending.push(settle(layers.create(policyId, { position: one.position, ackTimeoutMinutes: one.minutes, target: one.target }, options)));
      case 'update': return pending.push(settle(layers.update(policyId, one.layerId, { ackTimeoutMinutes: one.minutes }, options)));
      case 'delete': return pending.push(settle(layers.delete(policyId, one.layerId, options)));
      case 'reorder': return pending.push(settle(layers.reorder(policyId, { layerIds: one.layerIds }, options)));
    }
  };
  for (let wave = 0; wave < waves; wave++) {
    const quiet = wave % 2 === 1;
    await Promise.all(quiet ? pending : pending.slice(0, Math.floor(pending.length / 2)));
    const ids = (wave === 0 ? snapshot : await readLayers(mock, policyId)).map((layer) => layer.id);
    const staleId = (n: number) => ids[n % (ids.length + 1)] ?? NO_SUCH_LAYER;
    for (const generated of ops.slice((wave * ops.length) / waves, ((wave + 1) * ops.length) / waves)) {
      const op: Op = quiet && (generated.kind === 'create' || generated.kind === 'delete') ? { kind: 'reorder', keys: rotation(generated) } : generated;
      switch (op.kind) {
        case 'create': send({ kind: 'create', position: op.position, minutes: op.minutes, target: targets[op.target] }); break;
        case 'update': send({ kind: 'update', layerId: staleId(op.layer), minutes: op.minutes }); break;
        case 'delete': send({ kind: 'delete', layerId: staleId(op.layer) }); break;
        case 'reorder': {
          const permutation = ids
            .map((id, at) => ({ id, key: op.keys[at] ?? 0, at }))
            .sort((a, b) => a.key - b.key || a.at - b.at)
            .map(({ id }) => id);
          // An empty policy has nothing to reorder (the SDK would refuse []): an unknown id instead.
          send({ kind: 'reorder', layerIds: permutation.length > 0 ? permutation : [NO_SUCH_LAYER] });
          break;
        }
      }
    }
  }
  const outcomes = await Promise.all(pending);
  outcomes.forEach((outcome, index) => {
    reached.add(`${sent[index]!.kind} ${outcome.ok ? 'ok' : outcome.error instanceof ScalingAPIError ? outcome.error.code : String(outcome.error)}`);
  });
  return { mock, policyId, snapshot, sent, outcomes, answered };
};

/** Replays the operations one by one, in the order the mock answered, against a plain array. */
const expectSerializable = async ({ mock, policyId, snapshot, sent, outcomes, answered }: Awaited<ReturnType<typeof sendConcurrently>>) => {
  // Every operation reached the mock exactly once.
  expect([...answered].sort((a, b) => a - b)).toEqual(sent.map((_, index) => index));
  const model: ModelLayer[] = snapshot.map(({ id, ackTimeoutMinutes, target }) => ({ id, ackTimeoutMinutes, target }));
  answered.forEach((index, turn) => {
    const op = sent[index]!;
    const outcome = outcomes[index]!;
    const what = `operation ${index} (${op.kind}, answered ${turn + 1}th)`;
    const succeeded = () => {
      expect(outcome.ok, `${what}: ${outcome.ok ? '' : String(outcome.error)}`).toBe(true);
      return outcome.ok ? outcome.value : undefined;
    };
    switch (op.kind) {
      case 'create': {
        if (model.length >= MAX_LAYERS) return expectError(outcome, ScalingBadRequestError, 400, 'layer_limit_reached', what);
        if (op.position > model.length + 1) return expectError(outcome, ScalingBadRequestError, 400, 'invalid_position', what);
        const layer = succeeded() as Layer;
        expect(model.some((known) => known.id === layer.id), `${what}: a new id`).toBe(false);
        const added = { id: layer.id, ackTimeoutMinutes: op.minutes, target: op.target };
        model.splice(op.position - 1, 0, added);
        return expect(pick(layer), what).toEqual(view(added, op.position - 1));
      }
      case 'update': {
        const at = model.findIndex((layer) => layer.id === op.layerId);
        if (at === -1) return expectError(outcome, ScalingNotFoundError, 404, 'not_found', what);
        const layer = succeeded() as Layer;
        model[at]!.ackTimeoutMinutes = op.minutes;
        return expect(pick(layer), what).toEqual(view(model[at]!, at));
      }
      case 'delete': {
        const at = model.findIndex((layer) => layer.id === op.layerId);
        if (at === -1) return expectError(outcome, ScalingNotFoundError, 404, 'not_found', what);
        succeeded();
        return model.splice(at, 1);
      }
      case 'reorder': {
        const current = new Set(model.map((layer) => layer.id));
        const same = op.layerIds.length === current.size && op.layerIds.every((id) => current.has(id));
        if (!same) return expectError(outcome, ScalingInvalidReorderError, 400, 'invalid_reorder', what);
        const layers = succeeded() as Layer[];
        const byId = new Map(model.map((layer) => [layer.id, layer]));
        model.splice(0, model.length, ...op.layerIds.map((id) => byId.get(id)!));
        // A reorder answers the whole new order, the one it asked for: never a mix with another's.
        return expect(layers.map(pick), what).toEqual(model.map(view));
      }
    }
  });
  const final = await readLayers(mock, policyId);
  expectInvariants(final);
  expect(final.map(pick), 'the final state is the serial replay’s').toEqual(model.map(view));
};

describe(`${OPERATIONS} concurrent mixed layer operations on one policy are equivalent to a serial execution`, () => {
  test(`all in flight at once, built from one snapshot (${RUNS} runs)`, { timeout: 60_000 + RUNS * 5_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: MAX_LAYERS }), operationsArb, async (initial, ops) => {
        await expectSerializable(await sendConcurrently(initial, ops, 1));
      }),
      // A run is 1,000 requests: report the failing seed rather than shrink for minutes.
      { numRuns: RUNS, endOnFailure: true },
    );
  });

  test(`in ${WAVES} overlapping waves, each built from a snapshot read mid-flight (${RUNS} runs)`, { timeout: 60_000 + RUNS * 5_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: MAX_LAYERS }), operationsArb, async (initial, ops) => {
        await expectSerializable(await sendConcurrently(initial, ops, WAVES));
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    // Every kind of operation both succeeded and was refused, or the runs proved less than they seem to.
    expect([...reached].sort()).toEqual(expect.arrayContaining([
      'create ok', 'create invalid_position', 'create layer_limit_reached',
      'update ok', 'update not_found', 'delete ok', 'delete not_found', 'reorder ok', 'reorder invalid_reorder',
    ]));
  });
});

test(
  `concurrent valid reorders of the same layers end in exactly one of the requested orders (${RUNS * 10} runs)`,
  { timeout: 60_000 + RUNS * 2_000 },
  async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: MAX_LAYERS }),
        fc.array(fc.array(fc.nat({ max: 1000 }), { minLength: MAX_LAYERS, maxLength: MAX_LAYERS }), { minLength: 2, maxLength: 100 }),
        fc.array(fc.tuple(fc.nat({ max: 49 }), minutes), { maxLength: 50 }),
        async (count, orders, updates) => {
          const { mock, policyId } = await world(count);
          const ids = (await readLayers(mock, policyId)).map((layer) => layer.id);
          const requested = orders.map((keys) =>
            ids.map((id, index) => ({ id, key: keys[index] ?? 0, index })).sort((a, b) => a.key - b.key || a.index - b.index).map(({ id }) => id),
          );
          const { scaling, answered } = recordingClient(mock);
          // Updates of timeouts run alongside: they change no order, so every reorder must still succeed whole.
          const [reorders] = await Promise.all([
            Promise.all(requested.map((layerIds, index) => scaling.policies.layers.reorder(policyId, { layerIds }, { headers: { 'x-op': String(index) } }))),
            Promise.all(updates.map(([at, ackTimeoutMinutes], index) =>
              scaling.policies.layers.update(policyId, ids[at % ids.length]!, { ackTimeoutMinutes }, { headers: { 'x-op': String(requested.length + index) } }))),
          ]);
          // Each answer is its own request's order, whole: no answer shows a mix of two.
          reorders.forEach((layers, index) => {
            expect(layers.map((layer) => layer.id), `reorder ${index}`).toEqual(requested[index]);
            expect(layers.map((layer) => layer.position)).toEqual(layers.map((_, position) => position + 1));
          });
          const final = await readLayers(mock, policyId);
          expectInvariants(final);
          const finalIds = final.map((layer) => layer.id);
          expect(requested.some((order) => order.join() === finalIds.join()), 'the final order is one that was requested').toBe(true);
          // And it is the last one applied.
          const lastReorder = answered.filter((index) => index < requested.length).at(-1);
          expect(finalIds).toEqual(requested[lastReorder ?? -1]);
        },
      ),
      { numRuns: RUNS * 10 },
    );
  },
);

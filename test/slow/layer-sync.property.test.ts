/**
 * Moved from `layer-sync.test.ts` into the `slow` project: 2,000 seeded random plans, each checked
 * step by step, take seconds; the inner loop (`npm run test:fast`) keeps the example-based tests.
 */
import { describe, expect, test } from 'vitest';
import type { Layer, LayerSyncItem, LayerTarget, SyncStep } from '../../src/index.js';
import { planLayerSync } from '../../src/resources/layer-sync.js';
import { scheduleTarget, usersTarget } from '../helpers.js';

const [S1, S2, S3] = [scheduleTarget('sched_1'), scheduleTarget('sched_2'), scheduleTarget('sched_3')];

/** Layers as the API would return them, positions 1..n in the order given. */
const layers = (...specs: Array<[id: string, ackTimeoutMinutes: number, target: LayerTarget]>): Layer[] =>
  specs.map(([id, ackTimeoutMinutes, target], index) => ({
    id, policyId: 'pol_1', orgId: 'org_1', position: index + 1, ackTimeoutMinutes, target,
    createdAt: '2026-04-07T10:00:00.000Z', updatedAt: '2026-04-07T10:00:00.000Z',
  }));

/** A tiny model of the mock's rules, applying a plan step by step; it fails the test on any refused step. */
const applyPlan = (start: readonly Layer[], plan: readonly SyncStep[]) => {
  let model = start.map(({ id, ackTimeoutMinutes, target }) => ({ id, ackTimeoutMinutes, target }));
  const created = new Map<number, string>();
  for (const step of plan) {
    if (step.action === 'delete') {
      expect(model.findIndex((layer) => layer.id === step.layerId) + 1).toBe(step.position);
      model = model.filter((layer) => layer.id !== step.layerId);
    } else if (step.action === 'update') {
      const layer = model.find((candidate) => candidate.id === step.layerId)!;
      expect(Object.keys(step.changes).length).toBeGreaterThan(0);
      if (step.changes.ackTimeoutMinutes !== undefined) expect(step.changes.ackTimeoutMinutes).not.toBe(layer.ackTimeoutMinutes);
      if (step.changes.target) expect(step.changes.target).not.toEqual(layer.target);
      Object.assign(layer, step.changes);
    } else if (step.action === 'create') {
      expect(model.length).toBeLessThan(50);
      expect(step.position).toBeLessThanOrEqual(model.length + 1);
      const id = `new_${step.position}`;
      model.splice(step.position - 1, 0, { id, ackTimeoutMinutes: step.ackTimeoutMinutes, target: step.target });
      created.set(step.position, id);
    } else {
      const ids = step.layerIds.map((id, index) => id ?? created.get(index + 1)!);
      expect([...ids].sort()).toEqual(model.map((layer) => layer.id).sort());
      expect(ids).not.toEqual(model.map((layer) => layer.id)); // a reorder is only sent when needed
      model = ids.map((id) => model.find((layer) => layer.id === id)!);
    }
  }
  return model;
};

/** mulberry32: a seeded generator, so a failure can be replayed. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let value = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
  return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
};

const ORDER: SyncStep['action'][] = ['delete', 'update', 'create', 'reorder'];

describe('planLayerSync: property', () => {
  const pool: LayerTarget[] = [S1, S2, S3, usersTarget('u1', 'u2'), usersTarget('u2', 'u1'), usersTarget('u3')];
  const key = (target: LayerTarget) => (target.type === 'schedule' ? target.scheduleId : [...target.userIds].sort().join('+'));

  test('for random lists, the plan reaches the desired list within the mock’s rules, with no needless write', () => {
    const next = random(7);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
    for (let run = 0; run < 2000; run++) {
      const current = layers(...Array.from({ length: Math.floor(next() * 11) }, (_, index) =>
        [`layer_${index}`, pick([5, 10, 15]), pick(pool)] as [string, number, LayerTarget]));
      const free = [...current];
      const desired: LayerSyncItem[] = Array.from({ length: Math.floor(next() * 11) }, () => {
        const item = { ackTimeoutMinutes: pick([5, 10, 15]), target: pick(pool) };
        const pinned = free.length > 0 && next() < 0.3 ? free.splice(Math.floor(next() * free.length), 1)[0] : undefined;
        return pinned ? { ...item, id: pinned.id } : item;
      });
      const plan = planLayerSync(current, desired);
      const result = applyPlan(current, plan);

      expect(result.map(({ ackTimeoutMinutes, target }) => ({ ackTimeoutMinutes, target }))).toEqual(
        desired.map(({ ackTimeoutMinutes, target }) => ({ ackTimeoutMinutes, target })));
      for (const [index, item] of desired.entries()) if (item.id) expect(result[index]!.id).toBe(item.id);
      // Steps come grouped in the documented order, creates top down.
      const actions = plan.map((step) => step.action);
      expect(actions).toEqual([...actions].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b)));
      const positions = plan.flatMap((step) => (step.action === 'create' ? [step.position] : []));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      // Leftover layers are retargeted before anything is deleted or created: only a surplus is.
      const pinned = new Set(desired.flatMap((item) => (item.id ? [item.id] : [])));
      const freeLayers = current.filter((layer) => !pinned.has(layer.id)).length;
      const freeItems = desired.filter((item) => !item.id).length;
      const count = (action: SyncStep['action']) => plan.filter((step) => step.action === action).length;
      expect(count('delete')).toBe(Math.max(0, freeLayers - freeItems));
      expect(count('create')).toBe(Math.max(0, freeItems - freeLayers));
      const changed = result.filter((layer) => {
        const before = current.find((candidate) => candidate.id === layer.id);
        return before && (before.ackTimeoutMinutes !== layer.ackTimeoutMinutes || JSON.stringify(before.target) !== JSON.stringify(layer.target));
      }).length;
      expect(count('update')).toBe(changed);
      expect(count('reorder')).toBeLessThanOrEqual(1);
      expect(plan.length).toBeLessThanOrEqual(count('delete') + changed + count('create') + 1);
      // Idempotent: planning again from the result changes nothing.
      const after = layers(...result.map((layer) => [layer.id, layer.ackTimeoutMinutes, layer.target] as [string, number, LayerTarget]));
      expect(planLayerSync(after, desired)).toEqual([]);
    }
  });
});

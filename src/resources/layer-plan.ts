import type { ValidationIssue } from '../core/errors.js';
import type { LayerSyncChanges, SyncStep } from '../core/sync-steps.js';
import type { Layer, LayerCreateParams, LayerSyncItem, LayerTarget } from '../schemas/policy-layers.js';

/**
 * The planner and runner of `policies.layers.sync`: make a policy's layers match a desired list with
 * the fewest calls.
 *
 * Matching (stable: the same inputs always give the same plan):
 * 1. an item with `id` takes that layer (an id that is not a layer of the policy is refused);
 * 2. then each item without `id`, in list order, takes the first layer in position order that is
 *    still free and has the same target: same `type`, and the same `scheduleId` or the same set of
 *    `userIds` (order ignored for matching; an order-only difference is sent as a target update);
 * 3. then the items still without a layer take the free layers left over, both in order: one PATCH
 *    retargets a layer where a delete and a create would take two, and the policy is never a layer
 *    short halfway through;
 * 4. free layers left over after that are deleted; items left over are created.
 *
 * Steps run in this order: deletes (bottom up, so each `position` is still true when sent, and room
 * is freed under the 50-layer cap), updates (one PATCH per changed layer, changed fields only),
 * creates (at their final position, top down), and one reorder only if the kept layers are not
 * already in the desired relative order.
 */

// Types only above: this module imports nothing at run time, so that the client loads it on the first
// sync (`import()` in `policy-layers.ts`) as a chunk of its own. A module it shared with the client
// (the error classes, and through them zod) would be split out into a third chunk that every app loads
// up front, which costs more than the planner saves; so the errors it throws are passed in.

/** A layer as a dry run predicts it: `id` is `null` for one the sync would create. */
export type PlannedLayer = { id: string | null; position: number; ackTimeoutMinutes: number; target: LayerTarget };

export type LayerSyncResult = { layers: Layer[]; plan: SyncStep[] };
export type LayerSyncPreview = { layers: PlannedLayer[]; plan: SyncStep[] };

/** The desired list once checked (`parseDesiredLayers`): what planning works on, never parsed again. */
export type DesiredLayers = readonly LayerSyncItem[];

/** What a failed step is reported with: `ScalingSyncError`'s fields. */
export type SyncFailure = { policyId: string; applied: readonly SyncStep[]; failed: SyncStep; pending: readonly SyncStep[]; cause: unknown };

/** The errors a sync throws, made by the client's error classes (`syncFailures` in `layer-sync.ts`). */
export type SyncFailures = {
  /** An item's `id` that is not a layer of the policy: `ScalingValidationError`. */
  unknownLayers(issues: ValidationIssue[]): Error;
  /** A step that failed: `ScalingSyncError`. */
  stepFailed(failure: SyncFailure): Error;
};

/** Identity of a target for matching: `userIds` compared as a set. */
const matchKey = (target: LayerTarget): string =>
  target.type === 'schedule' ? JSON.stringify(['schedule', target.scheduleId]) : JSON.stringify(['users', [...target.userIds].sort()]);

/** Equality of what the API stores: `userIds` order included. Unknown fields of a response target are ignored. */
const sameTarget = (a: LayerTarget, b: LayerTarget): boolean => {
  if (a.type === 'schedule' || b.type === 'schedule') {
    return a.type === 'schedule' && b.type === 'schedule' && a.scheduleId === b.scheduleId;
  }
  return a.userIds.length === b.userIds.length && a.userIds.every((id, index) => id === b.userIds[index]);
};

/** For each desired item, the existing layer it keeps, if any (see the rules at the top). */
const matchLayers = (current: readonly Layer[], items: DesiredLayers, failures: SyncFailures): Array<Layer | undefined> => {
  const byId = new Map(current.map((layer) => [layer.id, layer]));
  const unknown: ValidationIssue[] = [];
  const matches = items.map((item, index) => {
    if (item.id === undefined) return undefined;
    const layer = byId.get(item.id);
    if (!layer) unknown.push({ path: `desired[${index}].id`, message: 'is not a layer of this policy' });
    return layer;
  });
  if (unknown.length > 0) throw failures.unknownLayers(unknown);

  const claimed = new Set(items.flatMap((item) => (item.id === undefined ? [] : [item.id])));
  const freeByKey = new Map<string, Layer[]>();
  for (const layer of current) {
    if (claimed.has(layer.id)) continue;
    const key = matchKey(layer.target);
    freeByKey.set(key, [...(freeByKey.get(key) ?? []), layer]);
  }
  const byTarget = items.map((item, index) => (item.id === undefined ? freeByKey.get(matchKey(item.target))?.shift() : matches[index]));
  const taken = new Set(byTarget.flatMap((layer) => (layer ? [layer.id] : [])));
  const leftovers = current.filter((layer) => !taken.has(layer.id));
  return byTarget.map((layer) => layer ?? leftovers.shift());
};

const changesOf = (layer: Layer, item: LayerSyncItem): LayerSyncChanges => ({
  ...(layer.ackTimeoutMinutes === item.ackTimeoutMinutes ? {} : { ackTimeoutMinutes: item.ackTimeoutMinutes }),
  ...(sameTarget(layer.target, item.target) ? {} : { target: item.target }),
});

/**
 * The plan and the layers it leads to, for a list already checked by `parseDesiredLayers`. Throws
 * `failures.unknownLayers` (`ScalingValidationError`) for an id that is not a layer of `current`; makes no call.
 */
export const buildLayerSync = (current: readonly Layer[], items: DesiredLayers, failures: SyncFailures): LayerSyncPreview => {
  const ordered = [...current].sort((a, b) => a.position - b.position);
  const matches = matchLayers(ordered, items, failures);
  const kept = new Set(matches.flatMap((layer) => (layer ? [layer.id] : [])));

  const deletes: SyncStep[] = ordered
    .map((layer, index) => ({ layer, position: index + 1 }))
    .filter(({ layer }) => !kept.has(layer.id))
    .reverse()
    .map(({ layer, position }): SyncStep => ({ action: 'delete', layerId: layer.id, position }));
  const updates: SyncStep[] = [];
  const creates: SyncStep[] = [];
  items.forEach((item, index) => {
    const layer = matches[index];
    if (!layer) {
      creates.push({ action: 'create', position: index + 1, ackTimeoutMinutes: item.ackTimeoutMinutes, target: item.target });
      return;
    }
    const changes = changesOf(layer, item);
    if (Object.keys(changes).length > 0) updates.push({ action: 'update', layerId: layer.id, changes });
  });
  // Creates land at their final positions, so only the kept layers' relative order can be wrong.
  const keptNow = ordered.filter((layer) => kept.has(layer.id)).map((layer) => layer.id);
  const keptWanted = matches.flatMap((layer) => (layer ? [layer.id] : []));
  const reorder: SyncStep[] = keptNow.every((id, index) => id === keptWanted[index])
    ? []
    : [{ action: 'reorder', layerIds: matches.map((layer) => layer?.id ?? null) }];

  const layers = items.map((item, index) => ({
    id: matches[index]?.id ?? null,
    position: index + 1,
    ackTimeoutMinutes: item.ackTimeoutMinutes,
    target: item.target,
  }));
  return { layers, plan: [...deletes, ...updates, ...creates, ...reorder] };
};

/** The writes a sync makes, bound to one policy and one set of request options. */
export type LayerWriter = {
  delete(layerId: string): Promise<void>;
  update(layerId: string, changes: LayerSyncChanges): Promise<Layer>;
  create(params: LayerCreateParams): Promise<Layer>;
  reorder(layerIds: string[]): Promise<Layer[]>;
};

/**
 * Runs `plan` step by step, stopping at the first failure with `failures.stepFailed`
 * (`ScalingSyncError`). The final layers are assembled from the responses (no second read): a
 * reorder's answer as is, otherwise each layer as last returned, renumbered. A layer that only moved
 * keeps the `updatedAt` it was read with.
 */
export const executeLayerSync = async (
  policyId: string,
  current: readonly Layer[],
  plan: readonly SyncStep[],
  writer: LayerWriter,
  failures: SyncFailures,
): Promise<LayerSyncResult> => {
  let layers = [...current].sort((a, b) => a.position - b.position);
  const applied: SyncStep[] = [];
  const createdAt = new Map<number, string>();
  for (const [index, step] of plan.entries()) {
    let running: SyncStep = step;
    try {
      switch (step.action) {
        case 'delete':
          await writer.delete(step.layerId);
          layers = layers.filter((layer) => layer.id !== step.layerId);
          break;
        case 'update': {
          const updated = await writer.update(step.layerId, step.changes);
          layers = layers.map((layer) => (layer.id === updated.id ? updated : layer));
          break;
        }
        case 'create': {
          const { position, ackTimeoutMinutes, target } = step;
          const created = await writer.create({ position, ackTimeoutMinutes, target });
          layers.splice(position - 1, 0, created);
          createdAt.set(position, created.id);
          running = { ...step, layerId: created.id };
          break;
        }
        case 'reorder': {
          const layerIds = step.layerIds.map((id, at) => id ?? createdAt.get(at + 1) ?? missingCreate(at + 1));
          running = { ...step, layerIds };
          layers = await writer.reorder(layerIds);
          break;
        }
      }
    } catch (cause) {
      throw failures.stepFailed({ policyId, applied, failed: running, pending: plan.slice(index + 1), cause });
    }
    applied.push(running);
  }
  return { layers: layers.map((layer, index) => ({ ...layer, position: index + 1 })), plan: applied };
};

/** Only a hand-made plan can get here: `planLayerSync` puts a create before every `null`. */
const missingCreate = (position: number): never => {
  throw new Error(`the plan reorders a new layer at position ${position} that no create step made`);
};

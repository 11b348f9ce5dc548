import type { Layer, LayerSyncParams } from '../schemas/policy-layers.js';
import type { SyncStep } from '../core/sync-steps.js';
import { buildLayerSync as build, type DesiredLayers, executeLayerSync as execute, type LayerSyncPreview, type LayerSyncResult, type LayerWriter } from './layer-plan.js';
import { parseDesiredLayers, syncFailures } from './policy-layers.js';

/**
 * `policies.layers.sync`'s planner (`layer-plan.ts`, which the client loads on the first sync) with
 * the client's errors, as `policies.layers.sync` runs it: `ScalingValidationError` for a bad desired
 * list, `ScalingSyncError` for a failed step.
 */

// The step types live in core, where `ScalingSyncError` names them too.
export type { LayerSyncChanges, SyncCreateStep, SyncDeleteStep, SyncReorderStep, SyncStep, SyncUpdateStep } from '../core/sync-steps.js';
export type { DesiredLayers, LayerSyncPreview, LayerSyncResult, LayerWriter, PlannedLayer } from './layer-plan.js';

/**
 * The plan and the layers it leads to, for a list already checked by `parseDesiredLayers`. Throws
 * `ScalingValidationError` for an id that is not a layer of `current`; makes no call.
 */
export const buildLayerSync = (current: readonly Layer[], items: DesiredLayers): LayerSyncPreview => build(current, items, syncFailures);

/** The steps that make `current` (a policy's layers) match `desired`, which it checks. Pure: no call, no clock. */
export const planLayerSync = (current: readonly Layer[], desired: LayerSyncParams): SyncStep[] =>
  buildLayerSync(current, parseDesiredLayers(desired)).plan;

/** Runs `plan` step by step, stopping at the first failure with a `ScalingSyncError`. */
export const executeLayerSync = (policyId: string, current: readonly Layer[], plan: readonly SyncStep[], writer: LayerWriter): Promise<LayerSyncResult> =>
  execute(policyId, current, plan, writer, syncFailures);

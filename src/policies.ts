/**
 * A client with escalation policies and their layers only (`ScalingPolicies`), for an app that needs
 * nothing else: the same options, behaviour and error classes as `Scaling`, in a smaller bundle
 * without the other resources' schemas and methods.
 *
 * @module @scaling-cloud/sdk/policies
 */
import { connect } from './core/connect.js';
import type { ScalingOptions } from './core/request-options.js';
import { Policies } from './resources/policies.js';

/**
 * A Scaling client with `policies` (and `policies.layers`) only: code written for `Scaling` runs on it
 * unchanged as long as it uses nothing else.
 *
 * ```ts
 * import { ScalingPolicies } from '@scaling-cloud/sdk/policies';
 * const scaling = new ScalingPolicies({ apiKey: process.env.SCALING_API_KEY });
 * const policy = await scaling.policies.create({ name: 'Platform Default' });
 * ```
 */
export class ScalingPolicies {
  /** Escalation policies, and their layers under `policies.layers`. */
  readonly policies: Policies;

  /** @param options - The API key, base URL, timeouts and retries: every one optional (see `ScalingOptions`). */
  constructor(options: ScalingOptions = {}) {
    this.policies = new Policies(connect(options));
  }
}

export * from './public-surface.js';
export type { Policies } from './resources/policies.js';
export type { LayerSyncOptions, PolicyLayers } from './resources/policy-layers.js';
export type { SyncStep, SyncDeleteStep, SyncUpdateStep, SyncCreateStep, SyncReorderStep, LayerSyncChanges, PlannedLayer, LayerSyncResult, LayerSyncPreview } from './resources/layer-sync.js';
// Every schema's type, as from the main entry (types cost no bytes).
export type * from './schemas/index.js';

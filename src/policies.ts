// `@scaling-cloud/sdk/policies`: a client with escalation policies and their layers only, for an app
// that needs nothing else. The same options, behaviour and error classes as `Scaling`, in a bundle
// without the other resources' schemas and methods (see README, "Performance").
import { connect } from './core/connect.js';
import type { ClientOptions } from './core/request-options.js';
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

  constructor(options: ClientOptions = {}) {
    this.policies = new Policies(connect(options));
  }
}

export type { ClientOptions, RequestOptions, RetryOptions } from './core/request-options.js';
export type { ScalingPromise, WithResponse } from './core/scaling-promise.js';
export {
  ScalingError,
  ScalingValidationError,
  ScalingResponseValidationError,
  ScalingAPIError,
  ScalingBadRequestError,
  ScalingInvalidTargetError,
  ScalingInvalidReorderError,
  ScalingAuthenticationError,
  ScalingPermissionDeniedError,
  ScalingNotFoundError,
  ScalingConflictError,
  ScalingRateLimitError,
  ScalingServerError,
  ScalingConnectionError,
  ScalingTimeoutError,
  ScalingResponseTooLargeError,
  ScalingAbortError,
  ScalingSyncError,
  type ValidationIssue,
  type APIErrorInit,
  type RequestTarget,
} from './core/errors.js';
export type { Policies } from './resources/policies.js';
export type { LayerSyncOptions, PolicyLayers } from './resources/policy-layers.js';
export type { SyncStep, SyncDeleteStep, SyncUpdateStep, SyncCreateStep, SyncReorderStep, LayerSyncChanges, PlannedLayer, LayerSyncResult, LayerSyncPreview } from './resources/layer-sync.js';
// Every schema's type, as from the main entry (types cost no bytes).
export type * from './schemas/index.js';

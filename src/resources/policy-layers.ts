import * as z from 'zod/mini';
import { ScalingSyncError, ScalingValidationError } from '../core/errors.js';
import type { Http } from '../core/http.js';
import { parseOrThrow, type RequestOptions } from '../core/request-options.js';
import { scalingPromise, type ResponseSlot, type ScalingPromise } from '../core/scaling-promise.js';
import { policyLayerEndpoints as endpoints } from '../endpoints/policies.js';
import { type Layer, type LayerCreateParams, type LayerReorderParams, LayerSyncParams, type LayerUpdateParams } from '../schemas/policy-layers.js';
import type { DesiredLayers, LayerSyncPreview, LayerSyncResult, SyncFailures } from './layer-plan.js';

/** Request options for every call a sync makes, plus `dryRun`: plan (one read) without writing. */
export type LayerSyncOptions = RequestOptions & { dryRun?: boolean };

// Wrapped in an object so that paths read `desired[2].ackTimeoutMinutes`.
const SyncInput = z.object({ desired: LayerSyncParams });

/** Validates a sync's desired list: the create rules per item, at most 50 items, no id twice. */
export const parseDesiredLayers = (desired: LayerSyncParams): DesiredLayers => parseOrThrow(SyncInput, { desired }).desired;

/** The errors a sync throws, for the planner (`layer-plan.ts`), which imports nothing at run time. */
export const syncFailures: SyncFailures = {
  unknownLayers: (issues) => new ScalingValidationError(issues),
  stepFailed: (failure) => new ScalingSyncError(failure),
};

/** `scaling.policies.layers`: the ordered steps of an escalation policy. */
export class PolicyLayers {
  readonly #http: Http;

  /** @internal The client makes its resources: `new Scaling()` or `new ScalingPolicies()`. */
  constructor(http: Http) {
    this.#http = http;
  }

  /** Inserts a layer at `position` (1-based); layers at and after it move down one. */
  create(policyId: string, params: LayerCreateParams, options?: RequestOptions): ScalingPromise<Layer> {
    return this.#http.call(endpoints.create, { params: { policyId }, body: params }, options);
  }

  /** Every layer of the policy, in position order. */
  list(policyId: string, options?: RequestOptions): ScalingPromise<Layer[]> {
    return this.#http.call(endpoints.list, { params: { policyId } }, options);
  }

  /** Changes `ackTimeoutMinutes` and/or replaces `target`; only the fields you pass change. */
  update(policyId: string, layerId: string, params: LayerUpdateParams, options?: RequestOptions): ScalingPromise<Layer> {
    return this.#http.call(endpoints.update, { params: { policyId, layerId }, body: params }, options);
  }

  /** Removes a layer; the layers after it move up one. */
  delete(policyId: string, layerId: string, options?: RequestOptions): ScalingPromise<void> {
    return this.#http.callVoid(endpoints.delete, { params: { policyId, layerId } }, options);
  }

  /** Sets the order of all layers at once: `layerIds` must be exactly the policy's layers. */
  reorder(policyId: string, params: LayerReorderParams, options?: RequestOptions): ScalingPromise<Layer[]> {
    return this.#http.call(endpoints.reorder, { params: { policyId }, body: params }, options);
  }

  /**
   * Makes the policy's layers match `desired` (the whole list, in order) with the fewest calls: one
   * read, then deletes, updates, creates and at most one reorder. An item with `id` keeps that layer;
   * one without takes a layer with the same target, or a free one. A failed call stops it with
   * `ScalingSyncError`. `dryRun` reads and plans, and writes nothing.
   * `.withResponse()` gives the response of the last call it made (the read, when nothing was written).
   */
  sync(policyId: string, desired: LayerSyncParams, options: LayerSyncOptions & { dryRun: true }): ScalingPromise<LayerSyncPreview>;
  sync(policyId: string, desired: LayerSyncParams, options?: LayerSyncOptions & { dryRun?: false }): ScalingPromise<LayerSyncResult>;
  sync(policyId: string, desired: LayerSyncParams, options?: LayerSyncOptions): ScalingPromise<LayerSyncResult | LayerSyncPreview>;
  sync(policyId: string, desired: LayerSyncParams, options: LayerSyncOptions = {}): ScalingPromise<LayerSyncResult | LayerSyncPreview> {
    const last: ResponseSlot = { response: undefined };
    return scalingPromise(this.#sync(policyId, desired, options, last), last);
  }

  async #sync(policyId: string, desired: LayerSyncParams, options: LayerSyncOptions, last: ResponseSlot): Promise<LayerSyncResult | LayerSyncPreview> {
    const { dryRun = false, ...requestOptions } = options;
    const items = parseDesiredLayers(desired); // refused before the read, not only before the writes
    // The planner, loaded on the first sync: an app's bundler puts it in a chunk of its own, which an
    // app that never syncs does not load (0.9 KB of the client bundle, gzipped).
    const { buildLayerSync, executeLayerSync } = await import('./layer-plan.js');
    /** Each call's result, its response kept as the last one seen. */
    const track = async <T>(call: ScalingPromise<T>): Promise<T> => {
      const { data, response } = await call.withResponse();
      last.response = response;
      return data;
    };
    const current = await track(this.list(policyId, requestOptions));
    const preview = buildLayerSync(current, items, syncFailures);
    if (dryRun) return preview;
    return executeLayerSync(policyId, current, preview.plan, {
      delete: (layerId) => track(this.delete(policyId, layerId, requestOptions)),
      update: (layerId, changes) => track(this.update(policyId, layerId, changes, requestOptions)),
      create: (params) => track(this.create(policyId, params, requestOptions)),
      reorder: (layerIds) => track(this.reorder(policyId, { layerIds }, requestOptions)),
    }, syncFailures);
  }
}

import { buildPath } from '../core/path.js';
import type { Http } from '../core/http.js';
import { parseOrThrow, type RequestOptions } from '../core/request-options.js';
import { DeleteResponse } from '../schemas/common.js';
import { PolicyPathParams } from '../schemas/policies.js';
import {
  type Layer,
  LayerCreateParams,
  LayerListResponse,
  LayerPathParams,
  LayerReorderParams,
  LayerResponse,
  type LayerSyncParams,
  LayerUpdateParams,
} from '../schemas/policy-layers.js';
import { buildLayerSync, executeLayerSync, type LayerSyncPreview, type LayerSyncResult, parseDesiredLayers } from './layer-sync.js';

/** Request options for every call a sync makes, plus `dryRun`: plan (one read) without writing. */
export type LayerSyncOptions = RequestOptions & { dryRun?: boolean };

const LAYERS = '/escalation/policies/{policyId}/layers';
const LAYER = '/escalation/policies/{policyId}/layers/{layerId}';

/** `scaling.policies.layers`: the ordered steps of an escalation policy. */
export class PolicyLayers {
  readonly #http: Http;

  constructor(http: Http) {
    this.#http = http;
  }

  /** Inserts a layer at `position` (1-based); layers at and after it move down one. */
  async create(policyId: string, params: LayerCreateParams, options?: RequestOptions): Promise<Layer> {
    const path = buildPath(LAYERS, PolicyPathParams, { policyId });
    const body = parseOrThrow(LayerCreateParams, params);
    return (await this.#http.request({ method: 'post', path, body, response: LayerResponse, options })).data;
  }

  /** Every layer of the policy, in position order. */
  async list(policyId: string, options?: RequestOptions): Promise<Layer[]> {
    const path = buildPath(LAYERS, PolicyPathParams, { policyId });
    return (await this.#http.request({ method: 'get', path, response: LayerListResponse, options })).data;
  }

  /** Changes `ackTimeoutMinutes` and/or replaces `target`; only the fields you pass change. */
  async update(policyId: string, layerId: string, params: LayerUpdateParams, options?: RequestOptions): Promise<Layer> {
    const path = buildPath(LAYER, LayerPathParams, { policyId, layerId });
    const body = parseOrThrow(LayerUpdateParams, params);
    return (await this.#http.request({ method: 'patch', path, body, response: LayerResponse, options })).data;
  }

  /** Removes a layer; the layers after it move up one. */
  async delete(policyId: string, layerId: string, options?: RequestOptions): Promise<void> {
    const path = buildPath(LAYER, LayerPathParams, { policyId, layerId });
    await this.#http.request({ method: 'delete', path, response: DeleteResponse, options });
  }

  /** Sets the order of all layers at once: `layerIds` must be exactly the policy's layers. */
  async reorder(policyId: string, params: LayerReorderParams, options?: RequestOptions): Promise<Layer[]> {
    const path = buildPath(`${LAYERS}/order`, PolicyPathParams, { policyId });
    const body = parseOrThrow(LayerReorderParams, params);
    return (await this.#http.request({ method: 'put', path, body, response: LayerListResponse, options })).data;
  }

  /**
   * Makes the policy's layers match `desired` (the whole list, in order) with the fewest calls: one
   * read, then deletes, updates, creates and at most one reorder (rules in `layer-sync.ts`). A failed
   * call stops it with `ScalingSyncError`. `dryRun` reads and plans, and writes nothing.
   */
  sync(policyId: string, desired: LayerSyncParams, options: LayerSyncOptions & { dryRun: true }): Promise<LayerSyncPreview>;
  sync(policyId: string, desired: LayerSyncParams, options?: LayerSyncOptions & { dryRun?: false }): Promise<LayerSyncResult>;
  sync(policyId: string, desired: LayerSyncParams, options?: LayerSyncOptions): Promise<LayerSyncResult | LayerSyncPreview>;
  async sync(policyId: string, desired: LayerSyncParams, options: LayerSyncOptions = {}): Promise<LayerSyncResult | LayerSyncPreview> {
    const { dryRun = false, ...requestOptions } = options;
    const items = parseDesiredLayers(desired); // refused before the read, not only before the writes
    const current = await this.list(policyId, requestOptions);
    const preview = buildLayerSync(current, items);
    if (dryRun) return preview;
    return executeLayerSync(policyId, current, preview.plan, {
      delete: (layerId) => this.delete(policyId, layerId, requestOptions),
      update: (layerId, changes) => this.update(policyId, layerId, changes, requestOptions),
      create: (params) => this.create(policyId, params, requestOptions),
      reorder: (layerIds) => this.reorder(policyId, { layerIds }, requestOptions),
    });
  }
}

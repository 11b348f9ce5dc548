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
  LayerUpdateParams,
} from '../schemas/policy-layers.js';

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
}

import { buildPath } from '../core/path.js';
import type { Http } from '../core/http.js';
import { parseOrThrow, type RequestOptions } from '../core/request-options.js';
import { DeleteResponse } from '../schemas/common.js';
import {
  type Policy,
  PolicyCreateParams,
  PolicyListResponse,
  PolicyPathParams,
  PolicyResponse,
  PolicyUpdateParams,
  type PolicyWithLayers,
  PolicyWithLayersResponse,
} from '../schemas/policies.js';
import { PolicyLayers } from './policy-layers.js';

const POLICIES = '/escalation/policies';
const POLICY = '/escalation/policies/{policyId}';

/** `scaling.policies`: escalation policies, and their layers under `.layers`. */
export class Policies {
  readonly #http: Http;
  readonly layers: PolicyLayers;

  constructor(http: Http) {
    this.#http = http;
    this.layers = new PolicyLayers(http);
  }

  /** Creates a policy with no layers. `name` must be unique in the organization. */
  async create(params: PolicyCreateParams, options?: RequestOptions): Promise<Policy> {
    const body = parseOrThrow(PolicyCreateParams, params);
    return (await this.#http.request({ method: 'post', path: POLICIES, body, response: PolicyResponse, options })).data;
  }

  /** Every policy of the organization, without layers. */
  async list(options?: RequestOptions): Promise<Policy[]> {
    return (await this.#http.request({ method: 'get', path: POLICIES, response: PolicyListResponse, options })).data;
  }

  /** One policy with its layers in position order. */
  async get(policyId: string, options?: RequestOptions): Promise<PolicyWithLayers> {
    const path = buildPath(POLICY, PolicyPathParams, { policyId });
    return (await this.#http.request({ method: 'get', path, response: PolicyWithLayersResponse, options })).data;
  }

  /** Renames or re-describes a policy; only the fields you pass change. */
  async update(policyId: string, params: PolicyUpdateParams, options?: RequestOptions): Promise<Policy> {
    const path = buildPath(POLICY, PolicyPathParams, { policyId });
    const body = parseOrThrow(PolicyUpdateParams, params);
    return (await this.#http.request({ method: 'patch', path, body, response: PolicyResponse, options })).data;
  }

  /** Deletes a policy and its layers. Incidents escalating under it stop escalating. */
  async delete(policyId: string, options?: RequestOptions): Promise<void> {
    const path = buildPath(POLICY, PolicyPathParams, { policyId });
    await this.#http.request({ method: 'delete', path, response: DeleteResponse, options });
  }
}

import type { Http } from '../core/http.js';
import type { RequestOptions } from '../core/request-options.js';
import type { ScalingPromise } from '../core/scaling-promise.js';
import { policyEndpoints as endpoints } from '../endpoints/policies.js';
import type { CreatedPolicy, Policy, PolicyCreateParams, PolicyReplaceParams, PolicyUpdateParams, PolicyWithLayers } from '../schemas/policies.js';
import { PolicyLayers } from './policy-layers.js';

/** `scaling.policies`: escalation policies, and their layers under `.layers`. */
export class Policies {
  readonly #http: Http;
  readonly layers: PolicyLayers;

  /** @internal The client makes its resources: `new Scaling()` or `new ScalingPolicies()`. */
  constructor(http: Http) {
    this.#http = http;
    this.layers = new PolicyLayers(http);
  }

  /** Creates a policy, with its `steps` as layers if given. `name` must be unique in the organization. */
  create(params: PolicyCreateParams, options?: RequestOptions): ScalingPromise<CreatedPolicy> {
    return this.#http.call(endpoints.create, { body: params }, options);
  }

  /** Every policy of the organization, without layers. */
  list(options?: RequestOptions): ScalingPromise<Policy[]> {
    return this.#http.call(endpoints.list, {}, options);
  }

  /** One policy with its layers in position order. */
  get(policyId: string, options?: RequestOptions): ScalingPromise<PolicyWithLayers> {
    return this.#http.call(endpoints.get, { params: { policyId } }, options);
  }

  /** Renames or re-describes a policy; only the fields you pass change. */
  update(policyId: string, params: PolicyUpdateParams, options?: RequestOptions): ScalingPromise<Policy> {
    return this.#http.call(endpoints.update, { params: { policyId }, body: params }, options);
  }

  /** Replaces name, description and every step; step ids stay with their positions. All or nothing. */
  replace(policyId: string, params: PolicyReplaceParams, options?: RequestOptions): ScalingPromise<PolicyWithLayers> {
    return this.#http.call(endpoints.replace, { params: { policyId }, body: params }, options);
  }

  /** Deletes a policy and its layers. Incidents escalating under it stop escalating. */
  delete(policyId: string, options?: RequestOptions): ScalingPromise<void> {
    return this.#http.callVoid(endpoints.delete, { params: { policyId } }, options);
  }
}

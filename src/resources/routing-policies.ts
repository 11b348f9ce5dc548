import type { Http } from '../core/http.js';
import type { RequestOptions } from '../core/request-options.js';
import type { ScalingPromise } from '../core/scaling-promise.js';
import { routingPolicyEndpoints as endpoints } from '../endpoints/routing.js';
import type {
  RoutingPolicy,
  RoutingPolicyCreateParams,
  RoutingPolicyReplaceParams,
  RoutingPolicyWithRules,
} from '../schemas/routing.js';

/** `scaling.routingPolicies`: what alerts of each severity do, and which escalation policy they page. */
export class RoutingPolicies {
  readonly #http: Http;

  /** @internal The client makes its resources: `new Scaling()` or `new ScalingPolicies()`. */
  constructor(http: Http) {
    this.#http = http;
  }

  /** Every routing policy of the organization, without rules; one has `isDefault: true`. */
  list(options?: RequestOptions): ScalingPromise<RoutingPolicy[]> {
    return this.#http.call(endpoints.list, {}, options);
  }

  /** Creates a policy with exactly one rule per severity. `name` must be unique in the organization. */
  create(params: RoutingPolicyCreateParams, options?: RequestOptions): ScalingPromise<RoutingPolicyWithRules> {
    return this.#http.call(endpoints.create, { body: params }, options);
  }

  /** One policy with its rules, in the order they were sent. */
  get(routingPolicyId: string, options?: RequestOptions): ScalingPromise<RoutingPolicyWithRules> {
    return this.#http.call(endpoints.get, { params: { routingPolicyId } }, options);
  }

  /** Replaces name, description and rules (`PUT`): an absent description becomes `null`. */
  replace(routingPolicyId: string, params: RoutingPolicyReplaceParams, options?: RequestOptions): ScalingPromise<RoutingPolicyWithRules> {
    return this.#http.call(endpoints.replace, { params: { routingPolicyId }, body: params }, options);
  }

  /** Deletes a policy. Refused for the default policy and for one an integration or selector names. */
  delete(routingPolicyId: string, options?: RequestOptions): ScalingPromise<void> {
    return this.#http.callVoid(endpoints.delete, { params: { routingPolicyId } }, options);
  }
}

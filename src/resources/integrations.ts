import type { Http } from '../core/http.js';
import type { RequestOptions } from '../core/request-options.js';
import type { ScalingPromise } from '../core/scaling-promise.js';
import { inboundIntegrationEndpoints as endpoints } from '../endpoints/routing.js';
import type { InboundIntegration, InboundSelectorsParams } from '../schemas/routing.js';

/** `scaling.integrations.inbound`: the alert sources connected to the organization, and their routing selectors. */
export class InboundIntegrations {
  readonly #http: Http;

  /** @internal The client makes its resources: `new Scaling()` or `new ScalingPolicies()`. */
  constructor(http: Http) {
    this.#http = http;
  }

  /** Every inbound integration of the organization, with its selectors. */
  list(options?: RequestOptions): ScalingPromise<InboundIntegration[]> {
    return this.#http.call(endpoints.list, {}, options);
  }

  /** One integration. */
  get(integrationId: string, options?: RequestOptions): ScalingPromise<InboundIntegration> {
    return this.#http.call(endpoints.get, { params: { integrationId } }, options);
  }

  /** Replaces the ordered selector list (`[]` clears it); answers the whole integration. */
  setSelectors(integrationId: string, params: InboundSelectorsParams, options?: RequestOptions): ScalingPromise<InboundIntegration> {
    return this.#http.call(endpoints.setSelectors, { params: { integrationId }, body: params }, options);
  }
}

/** `scaling.integrations`: integrations, by direction; only inbound ones have an API. */
export class Integrations {
  readonly inbound: InboundIntegrations;

  /** @internal The client makes its resources: `new Scaling()` or `new ScalingPolicies()`. */
  constructor(http: Http) {
    this.inbound = new InboundIntegrations(http);
  }
}

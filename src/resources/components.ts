import type { Http } from '../core/http.js';
import { paginate } from '../core/pagination.js';
import type { RequestOptions } from '../core/request-options.js';
import type { ScalingPromise } from '../core/scaling-promise.js';
import { componentEndpoints as endpoints } from '../endpoints/components.js';
import type { Component, ComponentCreateParams, ComponentListParams, ComponentPage, ComponentUpdateParams } from '../schemas/components.js';

/** `scaling.components`: the organization's catalog of components that incidents affect. */
export class Components {
  readonly #http: Http;

  /** @internal The client makes its resources: `new Scaling()` or `new ScalingPolicies()`. */
  constructor(http: Http) {
    this.#http = http;
  }

  /** Adds a component. `name` must be unique in the organization. */
  create(params: ComponentCreateParams, options?: RequestOptions): ScalingPromise<Component> {
    return this.#http.call(endpoints.create, { body: params }, options);
  }

  /** One page of components, in creation order: `{ components, nextCursor }`. Pass `nextCursor` back as `cursor`. */
  list(params: ComponentListParams = {}, options?: RequestOptions): ScalingPromise<ComponentPage> {
    return this.#http.call(endpoints.list, { query: params }, options);
  }

  /**
   * Every component of the organization, in creation order, fetching pages as you iterate.
   * An iterator, not a call: it has no `.withResponse()` (use `list(...).withResponse()` for a page's response).
   */
  listAll(params: Omit<ComponentListParams, 'cursor'> = {}, options?: RequestOptions): AsyncGenerator<Component, void, undefined> {
    return paginate(
      (cursor) => this.list(cursor === undefined ? params : { ...params, cursor }, options),
      (page) => page.components,
      (page) => page.nextCursor,
    );
  }

  /** One component. */
  get(componentId: string, options?: RequestOptions): ScalingPromise<Component> {
    return this.#http.call(endpoints.get, { params: { componentId } }, options);
  }

  /** Renames, re-describes, regroups or re-aliases a component; only the fields you pass change, `null` clears, `aliases` replaces the set. */
  update(componentId: string, params: ComponentUpdateParams, options?: RequestOptions): ScalingPromise<Component> {
    return this.#http.call(endpoints.update, { params: { componentId }, body: params }, options);
  }

  /** Deletes a component. Refused (409 `component_in_use`) while an incident references it or an inbound integration resolves to it. */
  delete(componentId: string, options?: RequestOptions): ScalingPromise<void> {
    return this.#http.callVoid(endpoints.delete, { params: { componentId } }, options);
  }
}

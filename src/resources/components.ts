import type { Http } from '../core/http.js';
import type { RequestOptions } from '../core/request-options.js';
import { componentEndpoints as endpoints } from '../endpoints/components.js';
import type { Component, ComponentCreateParams, ComponentUpdateParams } from '../schemas/components.js';

/** `scaling.components`: the organization's catalog of components that incidents affect. */
export class Components {
  readonly #http: Http;

  constructor(http: Http) {
    this.#http = http;
  }

  /** Adds a component. `name` must be unique in the organization. */
  create(params: ComponentCreateParams, options?: RequestOptions): Promise<Component> {
    return this.#http.call(endpoints.create, { body: params }, options);
  }

  /** Every component of the organization, in creation order. */
  list(options?: RequestOptions): Promise<Component[]> {
    return this.#http.call(endpoints.list, {}, options);
  }

  /** One component. */
  get(componentId: string, options?: RequestOptions): Promise<Component> {
    return this.#http.call(endpoints.get, { params: { componentId } }, options);
  }

  /** Renames, re-describes or regroups a component; only the fields you pass change, `null` clears. */
  update(componentId: string, params: ComponentUpdateParams, options?: RequestOptions): Promise<Component> {
    return this.#http.call(endpoints.update, { params: { componentId }, body: params }, options);
  }

  /** Deletes a component. Refused (409 `component_in_use`) while an incident references it. */
  async delete(componentId: string, options?: RequestOptions): Promise<void> {
    await this.#http.call(endpoints.delete, { params: { componentId } }, options);
  }
}

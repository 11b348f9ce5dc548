import { buildPath } from '../core/path.js';
import type { Http } from '../core/http.js';
import { parseOrThrow, type RequestOptions } from '../core/request-options.js';
import { DeleteResponse } from '../schemas/common.js';
import {
  type Component,
  ComponentCreateParams,
  ComponentListResponse,
  ComponentPathParams,
  ComponentResponse,
  ComponentUpdateParams,
} from '../schemas/components.js';

const COMPONENTS = '/components';
const COMPONENT = '/components/{componentId}';

/** `scaling.components`: the organization's catalog of components that incidents affect. */
export class Components {
  readonly #http: Http;

  constructor(http: Http) {
    this.#http = http;
  }

  /** Adds a component. `name` must be unique in the organization. */
  async create(params: ComponentCreateParams, options?: RequestOptions): Promise<Component> {
    const body = parseOrThrow(ComponentCreateParams, params);
    return (await this.#http.request({ method: 'post', path: COMPONENTS, body, response: ComponentResponse, options })).data;
  }

  /** Every component of the organization, in creation order. */
  async list(options?: RequestOptions): Promise<Component[]> {
    return (await this.#http.request({ method: 'get', path: COMPONENTS, response: ComponentListResponse, options })).data;
  }

  async get(componentId: string, options?: RequestOptions): Promise<Component> {
    const path = buildPath(COMPONENT, ComponentPathParams, { componentId });
    return (await this.#http.request({ method: 'get', path, response: ComponentResponse, options })).data;
  }

  /** Renames, re-describes or regroups a component; only the fields you pass change, `null` clears. */
  async update(componentId: string, params: ComponentUpdateParams, options?: RequestOptions): Promise<Component> {
    const path = buildPath(COMPONENT, ComponentPathParams, { componentId });
    const body = parseOrThrow(ComponentUpdateParams, params);
    return (await this.#http.request({ method: 'patch', path, body, response: ComponentResponse, options })).data;
  }

  /** Deletes a component. Refused (409 `component_in_use`) while an incident references it. */
  async delete(componentId: string, options?: RequestOptions): Promise<void> {
    const path = buildPath(COMPONENT, ComponentPathParams, { componentId });
    await this.#http.request({ method: 'delete', path, response: DeleteResponse, options });
  }
}

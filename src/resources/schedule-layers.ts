import { buildPath } from '../core/path.js';
import type { Http } from '../core/http.js';
import { parseOrThrow, type RequestOptions } from '../core/request-options.js';
import { DeleteResponse } from '../schemas/common.js';
import {
  type ScheduleLayer,
  ScheduleLayerCreateParams,
  ScheduleLayerListResponse,
  ScheduleLayerPathParams,
  ScheduleLayerReorderParams,
  ScheduleLayerResponse,
  ScheduleLayerUpdateParams,
  SchedulePathParams,
} from '../schemas/schedules.js';

const LAYERS = '/oncall/schedules/{scheduleId}/layers';
const LAYER = '/oncall/schedules/{scheduleId}/layers/{layerId}';

/** `scaling.schedules.layers`: the rotation layers of an on-call schedule (positions 0..n-1). */
export class ScheduleLayers {
  readonly #http: Http;

  constructor(http: Http) {
    this.#http = http;
  }

  /** Adds a rotation layer after the existing ones: the server assigns the next position. */
  async create(scheduleId: string, params: ScheduleLayerCreateParams, options?: RequestOptions): Promise<ScheduleLayer> {
    const path = buildPath(LAYERS, SchedulePathParams, { scheduleId });
    const body = parseOrThrow(ScheduleLayerCreateParams, params);
    return (await this.#http.request({ method: 'post', path, body, response: ScheduleLayerResponse, options })).data;
  }

  /** Changes any of the create fields; only the fields you pass change. Order changes go through reorder. */
  async update(scheduleId: string, layerId: string, params: ScheduleLayerUpdateParams, options?: RequestOptions): Promise<ScheduleLayer> {
    const path = buildPath(LAYER, ScheduleLayerPathParams, { scheduleId, layerId });
    const body = parseOrThrow(ScheduleLayerUpdateParams, params);
    return (await this.#http.request({ method: 'patch', path, body, response: ScheduleLayerResponse, options })).data;
  }

  /** Removes a layer; the layers after it move up one. */
  async delete(scheduleId: string, layerId: string, options?: RequestOptions): Promise<void> {
    const path = buildPath(LAYER, ScheduleLayerPathParams, { scheduleId, layerId });
    await this.#http.request({ method: 'delete', path, response: DeleteResponse, options });
  }

  /** Sets the order of all layers at once (the first becomes position 0, the owner-bearing layer). */
  async reorder(scheduleId: string, params: ScheduleLayerReorderParams, options?: RequestOptions): Promise<ScheduleLayer[]> {
    const path = buildPath(`${LAYERS}/order`, SchedulePathParams, { scheduleId });
    const body = parseOrThrow(ScheduleLayerReorderParams, params);
    return (await this.#http.request({ method: 'put', path, body, response: ScheduleLayerListResponse, options })).data;
  }
}

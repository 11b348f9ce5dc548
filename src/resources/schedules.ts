import { buildPath } from '../core/path.js';
import type { Http } from '../core/http.js';
import { parseOrThrow, type RequestOptions } from '../core/request-options.js';
import { DeleteResponse } from '../schemas/common.js';
import {
  type Schedule,
  ScheduleCreateParams,
  ScheduleListResponse,
  SchedulePathParams,
  type ScheduleResolution,
  ScheduleResolutionResponse,
  ScheduleResolveParams,
  ScheduleResponse,
  ScheduleUpdateParams,
  type ScheduleWithLayers,
  ScheduleWithLayersResponse,
} from '../schemas/schedules.js';
import { ScheduleLayers } from './schedule-layers.js';

const SCHEDULES = '/oncall/schedules';
const SCHEDULE = '/oncall/schedules/{scheduleId}';

/** `scaling.schedules`: on-call schedules, their rotation layers under `.layers`, and who is on call. */
export class Schedules {
  readonly #http: Http;
  readonly layers: ScheduleLayers;

  constructor(http: Http) {
    this.#http = http;
    this.layers = new ScheduleLayers(http);
  }

  /** Creates a schedule with no layers. `name` must be unique in the organization; `timezone` an IANA name. */
  async create(params: ScheduleCreateParams, options?: RequestOptions): Promise<Schedule> {
    const body = parseOrThrow(ScheduleCreateParams, params);
    return (await this.#http.request({ method: 'post', path: SCHEDULES, body, response: ScheduleResponse, options })).data;
  }

  /** Every schedule of the organization, without layers. */
  async list(options?: RequestOptions): Promise<Schedule[]> {
    return (await this.#http.request({ method: 'get', path: SCHEDULES, response: ScheduleListResponse, options })).data;
  }

  /** One schedule with its layers in position order. */
  async get(scheduleId: string, options?: RequestOptions): Promise<ScheduleWithLayers> {
    const path = buildPath(SCHEDULE, SchedulePathParams, { scheduleId });
    return (await this.#http.request({ method: 'get', path, response: ScheduleWithLayersResponse, options })).data;
  }

  /** Renames, re-describes or moves a schedule to another time zone; only the fields you pass change. */
  async update(scheduleId: string, params: ScheduleUpdateParams, options?: RequestOptions): Promise<Schedule> {
    const path = buildPath(SCHEDULE, SchedulePathParams, { scheduleId });
    const body = parseOrThrow(ScheduleUpdateParams, params);
    return (await this.#http.request({ method: 'patch', path, body, response: ScheduleResponse, options })).data;
  }

  /** Deletes a schedule and its layers. Refused (409 `schedule_in_use`) while a policy layer targets it. */
  async delete(scheduleId: string, options?: RequestOptions): Promise<void> {
    const path = buildPath(SCHEDULE, SchedulePathParams, { scheduleId });
    await this.#http.request({ method: 'delete', path, response: DeleteResponse, options });
  }

  /** Who is on call at `at` (a `Date` or ISO 8601 datetime; default: now): the owner, the paging targets, each layer's person. */
  async resolve(scheduleId: string, params: ScheduleResolveParams = {}, options?: RequestOptions): Promise<ScheduleResolution> {
    const path = buildPath(`${SCHEDULE}/resolve`, SchedulePathParams, { scheduleId });
    const { at } = parseOrThrow(ScheduleResolveParams, params);
    const query = { at: at === undefined ? undefined : new Date(at).toISOString() };
    return (await this.#http.request({ method: 'get', path, query, response: ScheduleResolutionResponse, options })).data;
  }
}

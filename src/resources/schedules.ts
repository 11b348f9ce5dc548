import type { Http } from '../core/http.js';
import type { RequestOptions } from '../core/request-options.js';
import type { ScalingPromise } from '../core/scaling-promise.js';
import { scheduleEndpoints as endpoints } from '../endpoints/schedules.js';
import type {
  Schedule,
  ScheduleCreateParams,
  ScheduleReplaceParams,
  ScheduleResolution,
  ScheduleResolveParams,
  ScheduleUpdateParams,
  ScheduleWithLayers,
} from '../schemas/schedules.js';
import { ScheduleLayers } from './schedule-layers.js';

/** `scaling.schedules`: on-call schedules, their rotation layers under `.layers`, and who is on call. */
export class Schedules {
  readonly #http: Http;
  readonly layers: ScheduleLayers;

  /** @internal The client makes its resources: `new Scaling()` or `new ScalingPolicies()`. */
  constructor(http: Http) {
    this.#http = http;
    this.layers = new ScheduleLayers(http);
  }

  /** Creates a schedule with no layers. `name` must be unique in the organization; `timezone` an IANA name. */
  create(params: ScheduleCreateParams, options?: RequestOptions): ScalingPromise<Schedule> {
    return this.#http.call(endpoints.create, { body: params }, options);
  }

  /** Every schedule of the organization, without layers. */
  list(options?: RequestOptions): ScalingPromise<Schedule[]> {
    return this.#http.call(endpoints.list, {}, options);
  }

  /** One schedule with its layers in position order. */
  get(scheduleId: string, options?: RequestOptions): ScalingPromise<ScheduleWithLayers> {
    return this.#http.call(endpoints.get, { params: { scheduleId } }, options);
  }

  /** Renames, re-describes or moves a schedule to another time zone; only the fields you pass change. */
  update(scheduleId: string, params: ScheduleUpdateParams, options?: RequestOptions): ScalingPromise<Schedule> {
    return this.#http.call(endpoints.update, { params: { scheduleId }, body: params }, options);
  }

  /** Replaces the whole schedule (`PUT`): the create rules apply, and a `description` you leave out is cleared. */
  replace(scheduleId: string, params: ScheduleReplaceParams, options?: RequestOptions): ScalingPromise<Schedule> {
    return this.#http.call(endpoints.replace, { params: { scheduleId }, body: params }, options);
  }

  /** Deletes a schedule and its layers. Refused (409 `schedule_in_use`) while a policy layer targets it. */
  delete(scheduleId: string, options?: RequestOptions): ScalingPromise<void> {
    return this.#http.callVoid(endpoints.delete, { params: { scheduleId } }, options);
  }

  /** Who is on call at `at` (a `Date` or ISO 8601 datetime; default: now): the owner, the paging targets, each layer's person. */
  resolve(scheduleId: string, params: ScheduleResolveParams = {}, options?: RequestOptions): ScalingPromise<ScheduleResolution> {
    return this.#http.call(endpoints.resolve, { params: { scheduleId }, query: params }, options);
  }
}

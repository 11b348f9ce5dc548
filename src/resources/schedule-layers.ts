import type { Http } from '../core/http.js';
import type { RequestOptions } from '../core/request-options.js';
import type { ScalingPromise } from '../core/scaling-promise.js';
import { scheduleLayerEndpoints as endpoints } from '../endpoints/schedules.js';
import type {
  ScheduleLayer,
  ScheduleLayerCreateParams,
  ScheduleLayerReorderParams,
  ScheduleLayerReplaceParams,
  ScheduleLayerUpdateParams,
} from '../schemas/schedules.js';

/** `scaling.schedules.layers`: the rotation layers of an on-call schedule (positions 0..n-1). */
export class ScheduleLayers {
  readonly #http: Http;

  /** @internal The client makes its resources: `new Scaling()` or `new ScalingPolicies()`. */
  constructor(http: Http) {
    this.#http = http;
  }

  /** Adds a rotation layer after the existing ones: the server assigns the next position. */
  create(scheduleId: string, params: ScheduleLayerCreateParams, options?: RequestOptions): ScalingPromise<ScheduleLayer> {
    return this.#http.call(endpoints.create, { params: { scheduleId }, body: params }, options);
  }

  /** Changes any of the create fields; only the fields you pass change. Order changes go through reorder. */
  update(scheduleId: string, layerId: string, params: ScheduleLayerUpdateParams, options?: RequestOptions): ScalingPromise<ScheduleLayer> {
    return this.#http.call(endpoints.update, { params: { scheduleId, layerId }, body: params }, options);
  }

  /** Replaces every field of a layer (`PUT`) with the create rules; an `effectiveUntil` left out or `null` is cleared. Id and position stay. */
  replace(scheduleId: string, layerId: string, params: ScheduleLayerReplaceParams, options?: RequestOptions): ScalingPromise<ScheduleLayer> {
    return this.#http.call(endpoints.replace, { params: { scheduleId, layerId }, body: params }, options);
  }

  /** Removes a layer; the layers after it move up one. */
  delete(scheduleId: string, layerId: string, options?: RequestOptions): ScalingPromise<void> {
    return this.#http.callVoid(endpoints.delete, { params: { scheduleId, layerId } }, options);
  }

  /** Sets the order of all layers at once (the first becomes position 0, the owner-bearing layer). */
  reorder(scheduleId: string, params: ScheduleLayerReorderParams, options?: RequestOptions): ScalingPromise<ScheduleLayer[]> {
    return this.#http.call(endpoints.reorder, { params: { scheduleId }, body: params }, options);
  }
}

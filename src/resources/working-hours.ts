import type { Http } from '../core/http.js';
import type { RequestOptions } from '../core/request-options.js';
import type { ScalingPromise } from '../core/scaling-promise.js';
import { workingHoursEndpoints as endpoints } from '../endpoints/working-hours.js';
import type { WorkingHours, WorkingHoursCreateParams, WorkingHoursUpdateParams } from '../schemas/working-hours.js';

/**
 * `scaling.workingHours`: named working-hours sets (a time zone and weekly windows) that escalation
 * step conditions refer to. `isWithinWorkingHours()` evaluates one offline.
 */
export class WorkingHoursResource {
  readonly #http: Http;

  /** @internal The client makes its resources: `new Scaling()` or `new ScalingPolicies()`. */
  constructor(http: Http) {
    this.#http = http;
  }

  /** Adds a set. `name` must be unique in the organization. */
  create(params: WorkingHoursCreateParams, options?: RequestOptions): ScalingPromise<WorkingHours> {
    return this.#http.call(endpoints.create, { body: params }, options);
  }

  /** Every set of the organization, windows included, in creation order. */
  list(options?: RequestOptions): ScalingPromise<WorkingHours[]> {
    return this.#http.call(endpoints.list, {}, options);
  }

  /** One set. */
  get(workingHoursId: string, options?: RequestOptions): ScalingPromise<WorkingHours> {
    return this.#http.call(endpoints.get, { params: { workingHoursId } }, options);
  }

  /** Renames a set, moves it to another zone or replaces its windows; only the fields you pass change. */
  update(workingHoursId: string, params: WorkingHoursUpdateParams, options?: RequestOptions): ScalingPromise<WorkingHours> {
    return this.#http.call(endpoints.update, { params: { workingHoursId }, body: params }, options);
  }

  /** Deletes a set. */
  delete(workingHoursId: string, options?: RequestOptions): ScalingPromise<void> {
    return this.#http.callVoid(endpoints.delete, { params: { workingHoursId } }, options);
  }
}

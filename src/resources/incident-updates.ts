import type { Http } from '../core/http.js';
import type { RequestOptions } from '../core/request-options.js';
import type { ScalingPromise } from '../core/scaling-promise.js';
import { incidentUpdateEndpoints as endpoints } from '../endpoints/incidents.js';
import type { IncidentUpdate, IncidentUpdateCreateParams } from '../schemas/incidents.js';

/** `scaling.incidents.updates`: append-only; correct one by redacting it and posting another. */
export class IncidentUpdates {
  readonly #http: Http;

  /** @internal The client makes its resources: `new Scaling()` or `new ScalingPolicies()`. */
  constructor(http: Http) {
    this.#http = http;
  }

  /** Posts an internal or public update, optionally moving the status one step. */
  create(incidentId: string, params: IncidentUpdateCreateParams, options?: RequestOptions): ScalingPromise<IncidentUpdate> {
    return this.#http.call(endpoints.create, { params: { incidentId }, body: params }, options);
  }

  /** Every update, internal and public, oldest first; redacted ones stay with `body: null`. */
  list(incidentId: string, options?: RequestOptions): ScalingPromise<IncidentUpdate[]> {
    return this.#http.call(endpoints.list, { params: { incidentId } }, options);
  }

  /** Clears an update's body (its author within 5 minutes, or an admin). Idempotent. */
  redact(incidentId: string, updateId: string, options?: RequestOptions): ScalingPromise<IncidentUpdate> {
    return this.#http.call(endpoints.redact, { params: { incidentId, updateId } }, options);
  }
}

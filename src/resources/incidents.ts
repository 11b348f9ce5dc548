import type { Http } from '../core/http.js';
import { paginate } from '../core/pagination.js';
import type { RequestOptions } from '../core/request-options.js';
import type { ScalingPromise } from '../core/scaling-promise.js';
import { incidentEndpoints as endpoints } from '../endpoints/incidents.js';
import type {
  Incident,
  IncidentComponentsParams,
  IncidentCreateParams,
  IncidentDetail,
  IncidentHandoffParams,
  IncidentListParams,
  IncidentPage,
  IncidentStatusParams,
} from '../schemas/incidents.js';
import { IncidentUpdates } from './incident-updates.js';

/** `scaling.incidents`: the incident lifecycle, its updates, acknowledgment and handoff. */
export class Incidents {
  readonly #http: Http;
  /** The incident's timeline of internal and public updates. */
  readonly updates: IncidentUpdates;

  /** @internal The client makes its resources: `new Scaling()` or `new ScalingPolicies()`. */
  constructor(http: Http) {
    this.#http = http;
    this.updates = new IncidentUpdates(http);
  }

  /** Opens an incident (status `investigating`). Needs `ownerId`, `ownerScheduleId` or `escalationPolicyId`. */
  create(params: IncidentCreateParams, options?: RequestOptions): ScalingPromise<Incident> {
    return this.#http.call(endpoints.create, { body: params }, options);
  }

  /** One page of incidents, newest first: `{ incidents, nextCursor }`. Pass `nextCursor` back as `cursor`. */
  list(params: IncidentListParams = {}, options?: RequestOptions): ScalingPromise<IncidentPage> {
    return this.#http.call(endpoints.list, { query: params }, options);
  }

  /**
   * Every incident matching the filters, newest first, fetching pages as you iterate.
   * An iterator, not a call: it has no `.withResponse()` (use `list(...).withResponse()` for a page's response).
   */
  listAll(params: Omit<IncidentListParams, 'cursor'> = {}, options?: RequestOptions): AsyncGenerator<Incident, void, undefined> {
    return paginate(
      (cursor) => this.list(cursor === undefined ? params : { ...params, cursor }, options),
      (page) => page.incidents,
      (page) => page.nextCursor,
    );
  }

  /** One incident with its status history. */
  get(incidentId: string, options?: RequestOptions): ScalingPromise<IncidentDetail> {
    return this.#http.call(endpoints.get, { params: { incidentId } }, options);
  }

  /** Moves the status one step forward; `resolutionNote` goes with `resolved`. */
  updateStatus(incidentId: string, params: IncidentStatusParams, options?: RequestOptions): ScalingPromise<Incident> {
    return this.#http.call(endpoints.updateStatus, { params: { incidentId }, body: params }, options);
  }

  /** Stops the escalation and records who acknowledged. Idempotent; does not change the status. */
  acknowledge(incidentId: string, options?: RequestOptions): ScalingPromise<IncidentDetail> {
    return this.#http.call(endpoints.acknowledge, { params: { incidentId } }, options);
  }

  /** Makes `targetUserId` the owner and pages them. */
  handoff(incidentId: string, params: IncidentHandoffParams, options?: RequestOptions): ScalingPromise<Incident> {
    return this.#http.call(endpoints.handoff, { params: { incidentId }, body: params }, options);
  }

  /** Replaces the incident's components; `[]` clears them. */
  setComponents(incidentId: string, params: IncidentComponentsParams, options?: RequestOptions): ScalingPromise<Incident> {
    return this.#http.call(endpoints.setComponents, { params: { incidentId }, body: params }, options);
  }
}

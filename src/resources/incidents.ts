import type { Http } from '../core/http.js';
import { paginate } from '../core/pagination.js';
import { buildPath } from '../core/path.js';
import { parseOrThrow, type RequestOptions } from '../core/request-options.js';
import {
  type Incident,
  IncidentComponentsParams,
  IncidentCreateParams,
  type IncidentDetail,
  IncidentDetailResponse,
  IncidentHandoffParams,
  IncidentListParams,
  type IncidentPage,
  IncidentPageResponse,
  IncidentPathParams,
  IncidentResponse,
  IncidentStatusParams,
} from '../schemas/incidents.js';
import { IncidentUpdates } from './incident-updates.js';

const INCIDENTS = '/incidents';
const INCIDENT = '/incidents/{incidentId}';

/** `scaling.incidents`: the incident lifecycle, its updates, acknowledgment and handoff. */
export class Incidents {
  readonly #http: Http;
  /** The incident's timeline of internal and public updates. */
  readonly updates: IncidentUpdates;

  constructor(http: Http) {
    this.#http = http;
    this.updates = new IncidentUpdates(http);
  }

  /** Opens an incident (status `investigating`). Needs `ownerId`, `ownerScheduleId` or `escalationPolicyId`. */
  async create(params: IncidentCreateParams, options?: RequestOptions): Promise<Incident> {
    const body = parseOrThrow(IncidentCreateParams, params);
    return (await this.#http.request({ method: 'post', path: INCIDENTS, body, response: IncidentResponse, options })).data;
  }

  /** One page of incidents, newest first: `{ incidents, nextCursor }`. Pass `nextCursor` back as `cursor`. */
  async list(params: IncidentListParams = {}, options?: RequestOptions): Promise<IncidentPage> {
    const query = parseOrThrow(IncidentListParams, params);
    return (await this.#http.request({ method: 'get', path: INCIDENTS, query, response: IncidentPageResponse, options })).data;
  }

  /** Every incident matching the filters, newest first, fetching pages as you iterate. */
  listAll(params: Omit<IncidentListParams, 'cursor'> = {}, options?: RequestOptions): AsyncGenerator<Incident, void, undefined> {
    return paginate(
      (cursor) => this.list(cursor === undefined ? params : { ...params, cursor }, options),
      (page) => page.incidents,
      (page) => page.nextCursor,
    );
  }

  /** One incident with its status history. */
  async get(incidentId: string, options?: RequestOptions): Promise<IncidentDetail> {
    const path = buildPath(INCIDENT, IncidentPathParams, { incidentId });
    return (await this.#http.request({ method: 'get', path, response: IncidentDetailResponse, options })).data;
  }

  /** Moves the status one step forward; `resolutionNote` goes with `resolved`. */
  async updateStatus(incidentId: string, params: IncidentStatusParams, options?: RequestOptions): Promise<Incident> {
    const path = buildPath(`${INCIDENT}/status`, IncidentPathParams, { incidentId });
    const body = parseOrThrow(IncidentStatusParams, params);
    return (await this.#http.request({ method: 'patch', path, body, response: IncidentResponse, options })).data;
  }

  /** Stops the escalation and records who acknowledged. Idempotent; does not change the status. */
  async acknowledge(incidentId: string, options?: RequestOptions): Promise<IncidentDetail> {
    const path = buildPath(`${INCIDENT}/acknowledge`, IncidentPathParams, { incidentId });
    return (await this.#http.request({ method: 'post', path, idempotent: true, response: IncidentDetailResponse, options })).data;
  }

  /** Makes `targetUserId` the owner and pages them. */
  async handoff(incidentId: string, params: IncidentHandoffParams, options?: RequestOptions): Promise<Incident> {
    const path = buildPath(`${INCIDENT}/handoff`, IncidentPathParams, { incidentId });
    const body = parseOrThrow(IncidentHandoffParams, params);
    return (await this.#http.request({ method: 'post', path, body, response: IncidentResponse, options })).data;
  }

  /** Replaces the incident's components; `[]` clears them. */
  async setComponents(incidentId: string, params: IncidentComponentsParams, options?: RequestOptions): Promise<Incident> {
    const path = buildPath(`${INCIDENT}/components`, IncidentPathParams, { incidentId });
    const body = parseOrThrow(IncidentComponentsParams, params);
    return (await this.#http.request({ method: 'put', path, body, response: IncidentResponse, options })).data;
  }
}

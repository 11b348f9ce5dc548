import type { Http } from '../core/http.js';
import { buildPath } from '../core/path.js';
import { parseOrThrow, type RequestOptions } from '../core/request-options.js';
import {
  IncidentPathParams,
  type IncidentUpdate,
  IncidentUpdateCreateParams,
  IncidentUpdateListResponse,
  IncidentUpdatePathParams,
  IncidentUpdateResponse,
} from '../schemas/incidents.js';

const UPDATES = '/incidents/{incidentId}/updates';

/** `scaling.incidents.updates`: append-only; correct one by redacting it and posting another. */
export class IncidentUpdates {
  readonly #http: Http;

  constructor(http: Http) {
    this.#http = http;
  }

  /** Posts an internal or public update, optionally moving the status one step. */
  async create(incidentId: string, params: IncidentUpdateCreateParams, options?: RequestOptions): Promise<IncidentUpdate> {
    const path = buildPath(UPDATES, IncidentPathParams, { incidentId });
    const body = parseOrThrow(IncidentUpdateCreateParams, params);
    return (await this.#http.request({ method: 'post', path, body, response: IncidentUpdateResponse, options })).data;
  }

  /** Every update, internal and public, oldest first; redacted ones stay with `body: null`. */
  async list(incidentId: string, options?: RequestOptions): Promise<IncidentUpdate[]> {
    const path = buildPath(UPDATES, IncidentPathParams, { incidentId });
    return (await this.#http.request({ method: 'get', path, response: IncidentUpdateListResponse, options })).data.updates;
  }

  /** Clears an update's body (its author within 5 minutes, or an admin). Idempotent. */
  async redact(incidentId: string, updateId: string, options?: RequestOptions): Promise<IncidentUpdate> {
    const path = buildPath(`${UPDATES}/{updateId}/redact`, IncidentUpdatePathParams, { incidentId, updateId });
    return (await this.#http.request({ method: 'post', path, idempotent: true, response: IncidentUpdateResponse, options })).data;
  }
}

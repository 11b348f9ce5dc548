import {
  IncidentComponentsParams,
  IncidentCreateParams,
  IncidentDetailResponse,
  IncidentHandoffParams,
  IncidentListParams,
  IncidentListQuery,
  IncidentPageResponse,
  IncidentPathParams,
  IncidentResponse,
  IncidentStatusParams,
  IncidentUpdateCreateParams,
  IncidentUpdateListResponse,
  IncidentUpdatePathParams,
  IncidentUpdateResponse,
} from '../schemas/incidents.js';
import { endpoint, type EndpointDocsOf } from './endpoint.js';

const INCIDENTS = '/incidents';
const INCIDENT = `${INCIDENTS}/{incidentId}`;
const UPDATES = `${INCIDENT}/updates`;

export const incidentEndpoints = {
  create: endpoint({
    name: 'incidents.create', method: 'post', path: INCIDENTS,
    body: IncidentCreateParams, status: 201, response: IncidentResponse, unwrap: ['data'],
  }),
  list: endpoint({
    name: 'incidents.list', method: 'get', path: INCIDENTS,
    query: IncidentListParams, urlQuery: IncidentListQuery, response: IncidentPageResponse, unwrap: ['data'],
  }),
  get: endpoint({
    name: 'incidents.get', method: 'get', path: INCIDENT,
    params: IncidentPathParams, response: IncidentDetailResponse, unwrap: ['data'],
  }),
  updateStatus: endpoint({
    name: 'incidents.updateStatus', method: 'patch', path: `${INCIDENT}/status`,
    params: IncidentPathParams, body: IncidentStatusParams, response: IncidentResponse, unwrap: ['data'],
  }),
  acknowledge: endpoint({
    name: 'incidents.acknowledge', method: 'post', path: `${INCIDENT}/acknowledge`,
    params: IncidentPathParams, retry: 'idempotent', response: IncidentDetailResponse, unwrap: ['data'],
  }),
  handoff: endpoint({
    name: 'incidents.handoff', method: 'post', path: `${INCIDENT}/handoff`,
    params: IncidentPathParams, body: IncidentHandoffParams, response: IncidentResponse, unwrap: ['data'],
  }),
  setComponents: endpoint({
    name: 'incidents.setComponents', method: 'put', path: `${INCIDENT}/components`,
    params: IncidentPathParams, body: IncidentComponentsParams, response: IncidentResponse, unwrap: ['data'],
  }),
} as const;

export const incidentUpdateEndpoints = {
  create: endpoint({
    name: 'incidents.updates.create', method: 'post', path: UPDATES,
    params: IncidentPathParams, body: IncidentUpdateCreateParams, status: 201, response: IncidentUpdateResponse, unwrap: ['data'],
  }),
  list: endpoint({
    name: 'incidents.updates.list', method: 'get', path: UPDATES,
    params: IncidentPathParams, response: IncidentUpdateListResponse, unwrap: ['data', 'updates'],
  }),
  redact: endpoint({
    name: 'incidents.updates.redact', method: 'post', path: `${UPDATES}/{updateId}/redact`,
    params: IncidentUpdatePathParams, retry: 'idempotent', response: IncidentUpdateResponse, unwrap: ['data'],
  }),
} as const;

// The prose of each endpoint, for the OpenAPI document and the method reference. Kept apart from the
// entries above so that the client bundle, which imports only the entries, ships none of it.
export const incidentDocs: EndpointDocsOf<typeof incidentEndpoints> = {
  create: {
    tag: 'Incidents',
    summary: 'Open an incident',
    description: 'Send at least one of ownerId, ownerScheduleId, escalationPolicyId (400 `owner_required`). Component ids must not repeat.',
    returns: '`Incident`',
    errors: { 400: ['invalid_owner', 'invalid_component_id'], 404: ['not_found'] },
  },
  list: {
    tag: 'Incidents',
    summary: 'List incidents, newest first',
    description: '`from`/`to` take a date (the whole UTC day, inclusive) or a datetime. Pass `nextCursor` back as `cursor`.',
    returns: '`IncidentPage` (`{ incidents, nextCursor }`), newest first',
    errors: { 400: ['invalid_cursor'] },
  },
  get: {
    tag: 'Incidents',
    summary: 'Get an incident with its status history, escalation and audit trail',
    returns: '`IncidentDetail` (`Incident & { statusHistory, escalation, auditTrail }`)',
    details: 'The incident as the list shows it, with every status change, where its escalation stands (`null` without an escalation policy) and the audit trail of what happened to it, oldest first.',
    errors: { 404: ['not_found'] },
  },
  updateStatus: {
    tag: 'Incidents',
    summary: 'Move the status one step forward',
    description: '`resolutionNote` is accepted only with `resolved`.',
    returns: '`Incident`',
    errors: { 400: ['invalid_status_transition'], 404: ['not_found'] },
  },
  acknowledge: {
    tag: 'Incidents',
    summary: 'Acknowledge an incident',
    description: 'No body. Stops the escalation; idempotent; does not change the status.',
    returns: '`IncidentDetail`',
    errors: { 404: ['not_found'] },
  },
  handoff: {
    tag: 'Incidents',
    summary: 'Hand an incident to another member',
    returns: '`Incident`',
    details: 'The member becomes the owner and is paged; the acknowledgement is cleared, so they must acknowledge it themselves. A target outside the organization is 400 `invalid_target_user`; a resolved incident is 400 `incident_resolved`.',
    errors: { 400: ['incident_resolved', 'invalid_target_user'], 404: ['not_found'] },
  },
  setComponents: {
    tag: 'Incidents',
    summary: 'Replace the affected components',
    description: '`[]` clears them. Ids must not repeat.',
    returns: '`Incident`',
    errors: { 400: ['incident_resolved', 'invalid_component_id'], 404: ['not_found'] },
  },
};

export const incidentUpdateDocs: EndpointDocsOf<typeof incidentUpdateEndpoints> = {
  create: {
    tag: 'Incidents',
    summary: 'Post an update',
    description: 'Send at least one of body, statusChange; a public update needs a body.',
    returns: '`IncidentUpdate`',
    errors: { 400: ['incident_resolved', 'no_public_surface', 'invalid_status_transition'], 404: ['not_found'] },
  },
  list: {
    tag: 'Incidents',
    summary: 'List updates, oldest first',
    returns: '`IncidentUpdate[]`, oldest first',
    details: 'Every update posted on the incident, redacted ones included (their `body` is `null` and `redactedAt`/`redactedBy` say when and by whom).',
    errors: { 404: ['not_found'] },
  },
  redact: {
    tag: 'Incidents',
    summary: 'Redact an update',
    description: 'No body. Idempotent.',
    returns: '`IncidentUpdate`',
    errors: { 403: ['redaction_not_permitted'], 404: ['not_found'] },
  },
};

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
import { endpoint } from './endpoint.js';
import { NO_REPEATS } from './wording.js';

const INCIDENTS = '/incidents';
const INCIDENT = `${INCIDENTS}/{incidentId}`;
const UPDATES = `${INCIDENT}/updates`;

export const incidentEndpoints = {
  create: endpoint({
    name: 'incidents.create', method: 'post', path: INCIDENTS, tag: 'Incidents', summary: 'Open an incident',
    description: `Send at least one of ownerId, ownerScheduleId, escalationPolicyId (400 \`owner_required\`). Component ${NO_REPEATS.toLowerCase()}`,
    body: IncidentCreateParams, status: 201, response: IncidentResponse, unwrap: ['data'], returns: '`Incident`',
  }),
  list: endpoint({
    name: 'incidents.list', method: 'get', path: INCIDENTS, tag: 'Incidents', summary: 'List incidents, newest first',
    description: '`from`/`to` take a date (the whole UTC day, inclusive) or a datetime. Pass `nextCursor` back as `cursor`.',
    query: IncidentListParams, urlQuery: IncidentListQuery, response: IncidentPageResponse, unwrap: ['data'],
    returns: '`IncidentPage` (`{ incidents, nextCursor }`), newest first',
  }),
  get: endpoint({
    name: 'incidents.get', method: 'get', path: INCIDENT, tag: 'Incidents', summary: 'Get an incident with its status history, escalation and audit trail',
    params: IncidentPathParams, response: IncidentDetailResponse, unwrap: ['data'], returns: '`IncidentDetail` (`Incident & { statusHistory, escalation, auditTrail }`)',
  }),
  updateStatus: endpoint({
    name: 'incidents.updateStatus', method: 'patch', path: `${INCIDENT}/status`, tag: 'Incidents', summary: 'Move the status one step forward',
    description: '`resolutionNote` is accepted only with `resolved`.',
    params: IncidentPathParams, body: IncidentStatusParams, response: IncidentResponse, unwrap: ['data'], returns: '`Incident`',
  }),
  acknowledge: endpoint({
    name: 'incidents.acknowledge', method: 'post', path: `${INCIDENT}/acknowledge`, tag: 'Incidents', summary: 'Acknowledge an incident',
    description: 'No body. Stops the escalation; idempotent; does not change the status.',
    params: IncidentPathParams, retry: 'idempotent', response: IncidentDetailResponse, unwrap: ['data'], returns: '`IncidentDetail`',
  }),
  handoff: endpoint({
    name: 'incidents.handoff', method: 'post', path: `${INCIDENT}/handoff`, tag: 'Incidents', summary: 'Hand an incident to another member',
    params: IncidentPathParams, body: IncidentHandoffParams, response: IncidentResponse, unwrap: ['data'], returns: '`Incident`',
  }),
  setComponents: endpoint({
    name: 'incidents.setComponents', method: 'put', path: `${INCIDENT}/components`, tag: 'Incidents', summary: 'Replace the affected components',
    description: `\`[]\` clears them. ${NO_REPEATS}`,
    params: IncidentPathParams, body: IncidentComponentsParams, response: IncidentResponse, unwrap: ['data'], returns: '`Incident`',
  }),
} as const;

export const incidentUpdateEndpoints = {
  create: endpoint({
    name: 'incidents.updates.create', method: 'post', path: UPDATES, tag: 'Incidents', summary: 'Post an update',
    description: 'Send at least one of body, statusChange; a public update needs a body.',
    params: IncidentPathParams, body: IncidentUpdateCreateParams, status: 201, response: IncidentUpdateResponse, unwrap: ['data'], returns: '`IncidentUpdate`',
  }),
  list: endpoint({
    name: 'incidents.updates.list', method: 'get', path: UPDATES, tag: 'Incidents', summary: 'List updates, oldest first',
    params: IncidentPathParams, response: IncidentUpdateListResponse, unwrap: ['data', 'updates'], returns: '`IncidentUpdate[]`, oldest first',
  }),
  redact: endpoint({
    name: 'incidents.updates.redact', method: 'post', path: `${UPDATES}/{updateId}/redact`, tag: 'Incidents', summary: 'Redact an update',
    description: 'No body. Idempotent.',
    params: IncidentUpdatePathParams, retry: 'idempotent', response: IncidentUpdateResponse, unwrap: ['data'], returns: '`IncidentUpdate`',
  }),
} as const;

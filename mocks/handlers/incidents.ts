import {
  IncidentComponentsParams,
  IncidentCreateParams,
  IncidentHandoffParams,
  IncidentListQuery,
  IncidentPathParams,
  IncidentStatusParams,
  IncidentUpdateCreateParams,
  IncidentUpdatePathParams,
} from '../../src/schemas/incidents.js';
import { incidentDetailView, incidentUpdateView, incidentView } from '../store/incident-views.js';
import {
  acknowledgeIncident,
  changeStatus,
  createIncident,
  getIncident,
  handOffIncident,
  listIncidents,
  postUpdate,
  redactUpdate,
  setIncidentComponents,
} from '../store/incidents.js';
import { route, type MockContext } from './route.js';

const INCIDENT = '/incidents/:incidentId';

export const incidentHandlers = (ctx: MockContext) => [
  route(ctx, {
    method: 'post',
    path: '/incidents',
    body: IncidentCreateParams,
    handle: ({ state, org, actor, body, now }) => ({ status: 201, body: { data: incidentView(org, createIncident(state, org, actor, body, now)) } }),
  }),
  route(ctx, {
    method: 'get',
    path: '/incidents',
    query: IncidentListQuery,
    handle: ({ org, query }) => {
      const page = listIncidents(org, query);
      return { body: { data: { incidents: page.incidents.map((incident) => incidentView(org, incident)), nextCursor: page.nextCursor } } };
    },
  }),
  route(ctx, {
    method: 'get',
    path: INCIDENT,
    params: IncidentPathParams,
    handle: ({ state, org, params }) => ({ body: { data: incidentDetailView(state, org, getIncident(org, params.incidentId)) } }),
  }),
  route(ctx, {
    method: 'patch',
    path: `${INCIDENT}/status`,
    params: IncidentPathParams,
    body: IncidentStatusParams,
    handle: ({ state, org, actor, params, body, now }) => ({
      body: { data: incidentView(org, changeStatus(state, org, actor, params.incidentId, body.status, body.resolutionNote, now)) },
    }),
  }),
  route(ctx, {
    method: 'post',
    path: `${INCIDENT}/updates`,
    params: IncidentPathParams,
    body: IncidentUpdateCreateParams,
    handle: ({ state, org, actor, params, body, now }) => ({
      status: 201,
      body: { data: incidentUpdateView(org, postUpdate(state, org, actor, params.incidentId, body, now)) },
    }),
  }),
  route(ctx, {
    method: 'get',
    path: `${INCIDENT}/updates`,
    params: IncidentPathParams,
    handle: ({ org, params }) => ({
      body: { data: { updates: getIncident(org, params.incidentId).updates.map((update) => incidentUpdateView(org, update)) } },
    }),
  }),
  route(ctx, {
    method: 'post',
    path: `${INCIDENT}/updates/:updateId/redact`,
    params: IncidentUpdatePathParams,
    handle: ({ org, actor, params, now }) => ({
      body: { data: incidentUpdateView(org, redactUpdate(org, actor, params.incidentId, params.updateId, now)) },
    }),
  }),
  route(ctx, {
    method: 'post',
    path: `${INCIDENT}/acknowledge`,
    params: IncidentPathParams,
    handle: ({ state, org, actor, params, now }) => ({
      body: { data: incidentDetailView(state, org, acknowledgeIncident(state, org, actor, params.incidentId, now).incident) },
    }),
  }),
  route(ctx, {
    method: 'post',
    path: `${INCIDENT}/handoff`,
    params: IncidentPathParams,
    body: IncidentHandoffParams,
    handle: ({ state, org, actor, params, body, now }) => ({
      body: { data: incidentView(org, handOffIncident(state, org, actor, params.incidentId, body.targetUserId, now)) },
    }),
  }),
  route(ctx, {
    method: 'put',
    path: `${INCIDENT}/components`,
    params: IncidentPathParams,
    body: IncidentComponentsParams,
    handle: ({ org, params, body, now }) => ({
      body: { data: incidentView(org, setIncidentComponents(org, params.incidentId, body.componentIds, now)) },
    }),
  }),
];

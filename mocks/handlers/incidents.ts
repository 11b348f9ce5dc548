import type { EndpointTable } from '../../src/endpoints/index.js';
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
import type { RouteHandles } from './route.js';

export const incidentRoutes: RouteHandles<EndpointTable['incidents']> = {
  create: ({ state, org, actor, body, now }) => ({ data: incidentView(org, createIncident(state, org, actor, body, now)) }),
  list: ({ org, query }) => {
    const page = listIncidents(org, query);
    return { data: { incidents: page.incidents.map((incident) => incidentView(org, incident)), nextCursor: page.nextCursor } };
  },
  get: ({ state, org, params }) => ({ data: incidentDetailView(state, org, getIncident(org, params.incidentId)) }),
  updateStatus: ({ state, org, actor, params, body, now }) => ({
    data: incidentView(org, changeStatus(state, org, actor, params.incidentId, body.status, body.resolutionNote, now)),
  }),
  acknowledge: ({ state, org, actor, params, now }) => ({
    data: incidentDetailView(state, org, acknowledgeIncident(state, org, actor, params.incidentId, now).incident),
  }),
  handoff: ({ state, org, actor, params, body, now }) => ({
    data: incidentView(org, handOffIncident(state, org, actor, params.incidentId, body.targetUserId, now)),
  }),
  setComponents: ({ org, params, body, now }) => ({
    data: incidentView(org, setIncidentComponents(org, params.incidentId, body.componentIds, now)),
  }),
};

export const incidentUpdateRoutes: RouteHandles<EndpointTable['incidentUpdates']> = {
  create: ({ state, org, actor, params, body, now }) => ({
    data: incidentUpdateView(org, postUpdate(state, org, actor, params.incidentId, body, now)),
  }),
  list: ({ org, params }) => ({
    data: { updates: getIncident(org, params.incidentId).updates.map((update) => incidentUpdateView(org, update)) },
  }),
  redact: ({ org, actor, params, now }) => ({
    data: incidentUpdateView(org, redactUpdate(org, actor, params.incidentId, params.updateId, now)),
  }),
};

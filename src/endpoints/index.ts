import type { AnyEndpoint } from './endpoint.js';
import { componentEndpoints } from './components.js';
import { incidentEndpoints, incidentUpdateEndpoints } from './incidents.js';
import { policyEndpoints, policyLayerEndpoints } from './policies.js';
import { scheduleEndpoints, scheduleLayerEndpoints } from './schedules.js';
import { inboundIntegrationEndpoints, routingPolicyEndpoints } from './routing.js';
import { teamEndpoints, userEndpoints } from './team.js';
import { workingHoursEndpoints } from './working-hours.js';

export { componentEndpoints, incidentEndpoints, incidentUpdateEndpoints, policyEndpoints, policyLayerEndpoints };
export { scheduleEndpoints, scheduleLayerEndpoints, teamEndpoints, userEndpoints, workingHoursEndpoints };
export { inboundIntegrationEndpoints, routingPolicyEndpoints };
export type { AnyEndpoint, BadRequestCode, Endpoint, EndpointDocs, EndpointInput, EndpointResponseBody, EndpointResult, HttpMethod } from './endpoint.js';
export { pathParamNames, toMswPath } from './endpoint.js';

/**
 * Every endpoint of the API, one group per resource in the order the docs present them. The client's
 * resources, the mock's routes, the OpenAPI document, the method reference and the fuzz corpus all
 * read this table; within a group a static path (`…/layers/order`) comes before a parameter in the
 * same place, and the mock registers its routes in this order.
 */
export const endpointTable = {
  policies: policyEndpoints,
  policyLayers: policyLayerEndpoints,
  incidents: incidentEndpoints,
  incidentUpdates: incidentUpdateEndpoints,
  schedules: scheduleEndpoints,
  scheduleLayers: scheduleLayerEndpoints,
  team: teamEndpoints,
  users: userEndpoints,
  components: componentEndpoints,
  workingHours: workingHoursEndpoints,
  routingPolicies: routingPolicyEndpoints,
  inboundIntegrations: inboundIntegrationEndpoints,
} as const;

export type EndpointTable = typeof endpointTable;

/** The table as one list, in its order. */
export const endpoints: readonly AnyEndpoint[] = Object.values(endpointTable).flatMap((group) => Object.values(group) as AnyEndpoint[]);

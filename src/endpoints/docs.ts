import { componentDocs } from './components.js';
import type { AnyEndpoint, EndpointDocs, EndpointDocsOf } from './endpoint.js';
import { incidentDocs, incidentUpdateDocs } from './incidents.js';
import { type EndpointTable, endpointTable } from './index.js';
import { policyDocs, policyLayerDocs } from './policies.js';
import { inboundIntegrationDocs, routingPolicyDocs } from './routing.js';
import { scheduleDocs, scheduleLayerDocs } from './schedules.js';
import { teamDocs, userDocs } from './team.js';
import { workingHoursDocs } from './working-hours.js';

/** The prose of every endpoint, group by group as in the table (only the docs' builders import this). */
export const endpointDocs: { readonly [Group in keyof EndpointTable]: EndpointDocsOf<EndpointTable[Group]> } = {
  policies: policyDocs,
  policyLayers: policyLayerDocs,
  incidents: incidentDocs,
  incidentUpdates: incidentUpdateDocs,
  schedules: scheduleDocs,
  scheduleLayers: scheduleLayerDocs,
  team: teamDocs,
  users: userDocs,
  components: componentDocs,
  workingHours: workingHoursDocs,
  routingPolicies: routingPolicyDocs,
  inboundIntegrations: inboundIntegrationDocs,
};

const byName = new Map<string, EndpointDocs>(
  Object.entries(endpointTable).flatMap(([group, entries]) =>
    Object.entries(entries).map(([key, endpoint]) => [
      (endpoint as AnyEndpoint).name,
      (endpointDocs as Record<string, Record<string, EndpointDocs>>)[group]![key]!,
    ]),
  ),
);

/** An endpoint's prose. */
export const docsOf = (endpoint: AnyEndpoint): EndpointDocs => byName.get(endpoint.name)!;

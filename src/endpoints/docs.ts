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

/** What each tag groups, for the OpenAPI document's `tags`: every tag an endpoint uses needs a line here. */
export const tagDocs: Readonly<Record<string, string>> = {
  Policies: 'Escalation policies: who is paged, in which order, when an incident is not acknowledged. Their layers can also be written as steps, as the Terraform provider does.',
  'Policy layers': 'The layers of an escalation policy, in position order: each pages a schedule\'s on-call member or a list of users, optionally only during (or outside) working hours.',
  Incidents: 'Incidents, their status lifecycle (investigating → identified → monitoring → resolved), acknowledgement, handoff, affected components and updates.',
  Schedules: 'On-call schedules and their rotation layers, and who is on call at an instant.',
  Team: 'The organization\'s members, their roles and pending invitations: admins only (`org:admin`).',
  Users: 'The organization\'s users, as any member may list them.',
  Components: 'The catalog of components incidents affect and status pages show, with their derived operational status.',
  'Working hours': 'Named weekly windows in a time zone, which gate escalation layers.',
  'Routing policies': 'What an alert of each severity does: open an incident, page provisionally, notify, or drop it; and with which escalation policy.',
  'Inbound integrations': 'Where alerts come from (provisioned outside the API), and the selectors that pick a routing policy for each alert by its attributes.',
};

/**
 * What each path and query parameter is, by name, for the OpenAPI document's parameters. A name
 * means the same wherever it appears (`layerId` is the layer of the policy or schedule the path names).
 */
export const parameterDocs: Readonly<Record<string, string>> = {
  policyId: 'The escalation policy\'s id.',
  layerId: 'The layer\'s id, on the policy or schedule the path names.',
  incidentId: 'The incident\'s id.',
  updateId: 'The id of an update of the incident.',
  scheduleId: 'The on-call schedule\'s id.',
  userId: 'The member\'s user id.',
  invitationId: 'The pending invitation\'s id.',
  componentId: 'The component\'s id.',
  workingHoursId: 'The working-hours set\'s id.',
  routingPolicyId: 'The routing policy\'s id.',
  integrationId: 'The inbound integration\'s id.',
  status: 'Only incidents with this status.',
  severity: 'Only incidents of this severity.',
  from: 'Only incidents created at or after this instant; a date alone means the start of that UTC day.',
  to: 'Only incidents created at or before this instant; a date alone means the end of that UTC day (inclusive).',
  limit: 'How many items a page holds, 1 to 100 (default 20).',
  cursor: 'The `nextCursor` of the previous page, passed back unchanged; absent for the first page.',
  at: 'The instant to resolve, an ISO 8601 datetime with an offset (default: now).',
};

import { DeleteResponse } from '../schemas/common.js';
import {
  InboundIntegrationListResponse,
  InboundIntegrationPathParams,
  InboundIntegrationResponse,
  InboundSelectorsParams,
  RoutingPolicyCreateParams,
  RoutingPolicyListResponse,
  RoutingPolicyPathParams,
  RoutingPolicyReplaceParams,
  RoutingPolicyResponse,
} from '../schemas/routing.js';
import { endpoint, type EndpointDocsOf } from './endpoint.js';

const ROUTING_POLICIES = '/routing/policies';
const ROUTING_POLICY = `${ROUTING_POLICIES}/{routingPolicyId}`;
const INTEGRATIONS = '/integrations/inbound';
const INTEGRATION = `${INTEGRATIONS}/{integrationId}`;

export const routingPolicyEndpoints = {
  list: endpoint({
    name: 'routingPolicies.list', method: 'get', path: ROUTING_POLICIES,
    response: RoutingPolicyListResponse, unwrap: ['data'],
  }),
  create: endpoint({
    name: 'routingPolicies.create', method: 'post', path: ROUTING_POLICIES,
    body: RoutingPolicyCreateParams, status: 201, response: RoutingPolicyResponse, unwrap: ['data'],
  }),
  get: endpoint({
    name: 'routingPolicies.get', method: 'get', path: ROUTING_POLICY,
    params: RoutingPolicyPathParams, response: RoutingPolicyResponse, unwrap: ['data'],
  }),
  replace: endpoint({
    name: 'routingPolicies.replace', method: 'put', path: ROUTING_POLICY,
    params: RoutingPolicyPathParams, body: RoutingPolicyReplaceParams, response: RoutingPolicyResponse, unwrap: ['data'],
  }),
  delete: endpoint({
    name: 'routingPolicies.delete', method: 'delete', path: ROUTING_POLICY,
    params: RoutingPolicyPathParams, response: DeleteResponse, unwrap: [],
  }),
} as const;

export const inboundIntegrationEndpoints = {
  list: endpoint({
    name: 'integrations.inbound.list', method: 'get', path: INTEGRATIONS,
    response: InboundIntegrationListResponse, unwrap: ['data', 'integrations'],
  }),
  get: endpoint({
    name: 'integrations.inbound.get', method: 'get', path: INTEGRATION,
    params: InboundIntegrationPathParams, response: InboundIntegrationResponse, unwrap: ['data'],
  }),
  setSelectors: endpoint({
    name: 'integrations.inbound.setSelectors', method: 'put', path: `${INTEGRATION}/selectors`,
    params: InboundIntegrationPathParams, body: InboundSelectorsParams, response: InboundIntegrationResponse, unwrap: ['data'],
  }),
} as const;

// The prose of each endpoint, for the OpenAPI document and the method reference. Kept apart from the
// entries above so that the client bundle, which imports only the entries, ships none of it.
export const inboundIntegrationDocs: EndpointDocsOf<typeof inboundIntegrationEndpoints> = {
  list: {
    tag: 'Inbound integrations',
    summary: 'List inbound integrations',
    description: 'Integrations are provisioned outside the API (in the mock: `mock.createInboundIntegration()` or the seed file).',
    returns: '`InboundIntegration[]`',
  },
  get: {
    tag: 'Inbound integrations',
    summary: 'Get an inbound integration',
    returns: '`InboundIntegration`',
    details: 'The integration with its component, the routing policy it falls back to (`null`: the organization\'s default) and its selectors in order.',
    errors: { 404: ['not_found'] },
  },
  setSelectors: {
    tag: 'Inbound integrations',
    summary: 'Replace the routing selectors',
    description: 'The ordered list replaces the old one; `[]` clears it. Each selector has at least one matcher (`severity` is never a key); its `routingPolicyId` must be a routing policy of the organization (400 `invalid_routing_policy`).',
    returns: '`InboundIntegration`',
    errors: { 400: ['invalid_routing_policy'], 404: ['not_found'] },
  },
};

export const routingPolicyDocs: EndpointDocsOf<typeof routingPolicyEndpoints> = {
  list: {
    tag: 'Routing policies',
    summary: 'List routing policies (without rules)',
    description: 'Every organization has one default policy (`isDefault: true`).',
    returns: '`RoutingPolicy[]` (no rules)',
  },
  create: {
    tag: 'Routing policies',
    summary: 'Create a routing policy',
    description: 'Exactly four `rules`, one per severity, kept in the order sent; each `escalationPolicyId` must be an escalation policy of the organization or `null` (400 `invalid_escalation_policy`). Names are unique per organization (409 `name_conflict`).',
    returns: '`RoutingPolicyWithRules`',
    errors: { 400: ['invalid_escalation_policy'], 409: ['name_conflict'] },
  },
  get: {
    tag: 'Routing policies',
    summary: 'Get a routing policy with its rules',
    returns: '`RoutingPolicyWithRules`',
    details: 'The routing policy with its four rules, in the order they were sent.',
    errors: { 404: ['not_found'] },
  },
  replace: {
    tag: 'Routing policies',
    summary: 'Replace a routing policy',
    description: 'Full replacement: an absent `description` becomes `null`. Exactly four `rules`, one per severity, kept in the order sent; each `escalationPolicyId` must be an escalation policy of the organization or `null` (400 `invalid_escalation_policy`). Names are unique per organization (409 `name_conflict`). `isDefault` never changes.',
    returns: '`RoutingPolicyWithRules`',
    errors: { 400: ['invalid_escalation_policy'], 404: ['not_found'], 409: ['name_conflict'] },
  },
  delete: {
    tag: 'Routing policies',
    summary: 'Delete a routing policy',
    description: 'The default policy cannot be deleted (409 `default_routing_policy`); nor can a policy an inbound integration or one of its selectors names (409 `routing_policy_in_use`).',
    returns: '`void`',
    errors: { 404: ['not_found'], 409: ['default_routing_policy', 'routing_policy_in_use'] },
  },
};

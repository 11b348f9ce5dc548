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
import { endpoint } from './endpoint.js';

const ROUTING_POLICIES = '/routing/policies';
const ROUTING_POLICY = `${ROUTING_POLICIES}/{routingPolicyId}`;
const INTEGRATIONS = '/integrations/inbound';
const INTEGRATION = `${INTEGRATIONS}/{integrationId}`;

const RULES = 'Exactly four `rules`, one per severity, kept in the order sent; each `escalationPolicyId` must be an escalation policy of the organization or `null` (400 `invalid_escalation_policy`).';

export const routingPolicyEndpoints = {
  list: endpoint({
    name: 'routingPolicies.list', method: 'get', path: ROUTING_POLICIES, tag: 'Routing policies', summary: 'List routing policies (without rules)',
    description: 'Every organization has one default policy (`isDefault: true`).',
    response: RoutingPolicyListResponse, unwrap: ['data'], returns: '`RoutingPolicy[]` (no rules)',
  }),
  create: endpoint({
    name: 'routingPolicies.create', method: 'post', path: ROUTING_POLICIES, tag: 'Routing policies', summary: 'Create a routing policy',
    description: `${RULES} Names are unique per organization (409 \`name_conflict\`).`,
    body: RoutingPolicyCreateParams, status: 201, response: RoutingPolicyResponse, unwrap: ['data'], returns: '`RoutingPolicyWithRules`',
  }),
  get: endpoint({
    name: 'routingPolicies.get', method: 'get', path: ROUTING_POLICY, tag: 'Routing policies', summary: 'Get a routing policy with its rules',
    params: RoutingPolicyPathParams, response: RoutingPolicyResponse, unwrap: ['data'], returns: '`RoutingPolicyWithRules`',
  }),
  replace: endpoint({
    name: 'routingPolicies.replace', method: 'put', path: ROUTING_POLICY, tag: 'Routing policies', summary: 'Replace a routing policy',
    description: `Full replacement: an absent \`description\` becomes \`null\`. ${RULES} \`isDefault\` never changes.`,
    params: RoutingPolicyPathParams, body: RoutingPolicyReplaceParams, response: RoutingPolicyResponse, unwrap: ['data'], returns: '`RoutingPolicyWithRules`',
  }),
  delete: endpoint({
    name: 'routingPolicies.delete', method: 'delete', path: ROUTING_POLICY, tag: 'Routing policies', summary: 'Delete a routing policy',
    description: 'The default policy cannot be deleted (409 `default_routing_policy`); nor can a policy an inbound integration or one of its selectors names (409 `routing_policy_in_use`).',
    params: RoutingPolicyPathParams, response: DeleteResponse, unwrap: [], returns: '`void`',
  }),
} as const;

export const inboundIntegrationEndpoints = {
  list: endpoint({
    name: 'integrations.inbound.list', method: 'get', path: INTEGRATIONS, tag: 'Inbound integrations', summary: 'List inbound integrations',
    description: 'Integrations are provisioned outside the API (in the mock: `mock.createInboundIntegration()` or the seed file).',
    response: InboundIntegrationListResponse, unwrap: ['data', 'integrations'], returns: '`InboundIntegration[]`',
  }),
  get: endpoint({
    name: 'integrations.inbound.get', method: 'get', path: INTEGRATION, tag: 'Inbound integrations', summary: 'Get an inbound integration',
    params: InboundIntegrationPathParams, response: InboundIntegrationResponse, unwrap: ['data'], returns: '`InboundIntegration`',
  }),
  setSelectors: endpoint({
    name: 'integrations.inbound.setSelectors', method: 'put', path: `${INTEGRATION}/selectors`, tag: 'Inbound integrations', summary: 'Replace the routing selectors',
    description: 'The ordered list replaces the old one; `[]` clears it. Each selector has at least one matcher (`severity` is never a key); its `routingPolicyId` must be a routing policy of the organization (400 `invalid_routing_policy`).',
    params: InboundIntegrationPathParams, body: InboundSelectorsParams, response: InboundIntegrationResponse, unwrap: ['data'], returns: '`InboundIntegration`',
  }),
} as const;

import type { EndpointTable } from '../../src/endpoints/index.js';
import {
  createRoutingPolicy,
  deleteRoutingPolicy,
  getInboundIntegration,
  getRoutingPolicy,
  listInboundIntegrations,
  listRoutingPolicies,
  replaceRoutingPolicy,
  setSelectors,
} from '../store/routing.js';
import { inboundIntegrationView, routingPolicyView, routingPolicyWithRulesView } from '../store/routing-views.js';
import type { RouteHandles } from './route.js';

export const routingPolicyRoutes: RouteHandles<EndpointTable['routingPolicies']> = {
  list: ({ org }) => ({ data: listRoutingPolicies(org).map(routingPolicyView) }),
  create: ({ state, org, body, now }) => ({ data: routingPolicyWithRulesView(createRoutingPolicy(state, org, body, now)) }),
  get: ({ org, params }) => ({ data: routingPolicyWithRulesView(getRoutingPolicy(org, params.routingPolicyId)) }),
  replace: ({ org, params, body, now }) => ({ data: routingPolicyWithRulesView(replaceRoutingPolicy(org, params.routingPolicyId, body, now)) }),
  delete: ({ org, params }) => {
    deleteRoutingPolicy(org, params.routingPolicyId);
    return { success: true };
  },
};

export const inboundIntegrationRoutes: RouteHandles<EndpointTable['inboundIntegrations']> = {
  list: ({ org }) => ({ data: { integrations: listInboundIntegrations(org).map(inboundIntegrationView) } }),
  get: ({ org, params }) => ({ data: inboundIntegrationView(getInboundIntegration(org, params.integrationId)) }),
  setSelectors: ({ org, params, body, now }) => ({ data: inboundIntegrationView(setSelectors(org, params.integrationId, body, now)) }),
};

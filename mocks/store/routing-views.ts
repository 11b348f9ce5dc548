import type { InboundIntegration, RoutingPolicy, RoutingPolicyWithRules } from '../../src/schemas/routing.js';
import type { InboundIntegrationRecord, RoutingPolicyRecord } from './state.js';
import { iso } from './views.js';

export const routingPolicyView = (policy: RoutingPolicyRecord): RoutingPolicy => ({
  id: policy.id,
  orgId: policy.orgId,
  name: policy.name,
  description: policy.description,
  isDefault: policy.isDefault,
  createdAt: iso(policy.createdAt),
  updatedAt: iso(policy.updatedAt),
});

export const routingPolicyWithRulesView = (policy: RoutingPolicyRecord): RoutingPolicyWithRules => ({
  ...routingPolicyView(policy),
  rules: policy.rules.map((rule) => ({ ...rule })),
});

export const inboundIntegrationView = (integration: InboundIntegrationRecord): InboundIntegration => ({
  id: integration.id,
  orgId: integration.orgId,
  name: integration.name,
  componentId: integration.componentId,
  routingPolicyId: integration.routingPolicyId,
  selectors: integration.selectors.map((selector) => ({
    matchers: selector.matchers.map((matcher) => ({ ...matcher })),
    routingPolicyId: selector.routingPolicyId,
  })),
  createdAt: iso(integration.createdAt),
  updatedAt: iso(integration.updatedAt),
});

import type { InboundSelectorsParams, RoutingPolicyCreateParams, RoutingPolicyReplaceParams } from '../../src/schemas/routing.js';
import type { RoutingOutcome, RoutingSeverity } from '../../src/routing/rules.js';
import { assertNameFree, badRequest, conflict, notFound } from './errors.js';
import { newId } from './ids.js';
import type { InboundIntegrationRecord, Millis, MockState, OrgRecord, RoutingPolicyRecord, RoutingRuleRecord, SelectorRecord } from './state.js';

/**
 * Every org's default policy (docs/provider-contract.md §2.3): critical and high open incidents,
 * medium and low notify, none names an escalation policy. Its id is derived from the org's, so
 * making it draws nothing from the seeded id stream and every other id stays what it was.
 */
export const addDefaultRoutingPolicy = (org: OrgRecord, now: Millis): RoutingPolicyRecord => {
  const rule = (severity: RoutingSeverity, outcome: RoutingOutcome): RoutingRuleRecord => ({ severity, outcome, escalationPolicyId: null });
  const policy: RoutingPolicyRecord = {
    id: `rp_${org.id.slice(org.id.indexOf('_') + 1)}`,
    orgId: org.id,
    name: 'Default',
    description: null,
    isDefault: true,
    rules: [rule('critical', 'incident'), rule('high', 'incident'), rule('medium', 'notification'), rule('low', 'notification')],
    createdAt: now,
    updatedAt: now,
  };
  org.routingPolicies.set(policy.id, policy);
  return policy;
};

const assertRoutingPolicyNameFree = (org: OrgRecord, name: string, except?: string) =>
  assertNameFree(org.routingPolicies.values(), name, { kind: 'routing policy', scope: 'in this organization' }, except);

type RulesInput = RoutingPolicyCreateParams['rules'];

/** The rules as stored, once every escalation policy they name is checked to be the org's. */
const checkedRules = (org: OrgRecord, rules: RulesInput): RoutingRuleRecord[] =>
  rules.map((rule, index) => {
    const escalationPolicyId = rule.escalationPolicyId ?? null;
    if (escalationPolicyId !== null && !org.policies.has(escalationPolicyId)) {
      throw badRequest('invalid_escalation_policy', `rules[${index}].escalationPolicyId: no escalation policy ${escalationPolicyId} in this organization.`);
    }
    return { severity: rule.severity, outcome: rule.outcome, escalationPolicyId };
  });

export const getRoutingPolicy = (org: OrgRecord, routingPolicyId: string): RoutingPolicyRecord => {
  const policy = org.routingPolicies.get(routingPolicyId);
  if (!policy) throw notFound('routing policy');
  return policy;
};

export const listRoutingPolicies = (org: OrgRecord): RoutingPolicyRecord[] => [...org.routingPolicies.values()];

export const createRoutingPolicy = (state: MockState, org: OrgRecord, input: RoutingPolicyCreateParams, now: Millis): RoutingPolicyRecord => {
  assertRoutingPolicyNameFree(org, input.name);
  const rules = checkedRules(org, input.rules);
  const policy: RoutingPolicyRecord = {
    id: newId(state.random, 'rp'),
    orgId: org.id,
    name: input.name,
    description: input.description ?? null,
    isDefault: false,
    rules,
    createdAt: now,
    updatedAt: now,
  };
  org.routingPolicies.set(policy.id, policy);
  return policy;
};

/** Full replacement: everything is checked before anything changes. */
export const replaceRoutingPolicy = (org: OrgRecord, routingPolicyId: string, input: RoutingPolicyReplaceParams, now: Millis): RoutingPolicyRecord => {
  const policy = getRoutingPolicy(org, routingPolicyId);
  assertRoutingPolicyNameFree(org, input.name, policy.id);
  const rules = checkedRules(org, input.rules);
  policy.name = input.name;
  policy.description = input.description ?? null;
  policy.rules = rules;
  policy.updatedAt = now;
  return policy;
};

/** Where a routing policy is named: as an integration's fallback, or by one of its selectors. */
const routingPolicyUse = (org: OrgRecord, routingPolicyId: string): string | undefined => {
  for (const integration of org.inboundIntegrations.values()) {
    if (integration.routingPolicyId === routingPolicyId) return `inbound integration ${integration.id}`;
    const index = integration.selectors.findIndex((selector) => selector.routingPolicyId === routingPolicyId);
    if (index !== -1) return `selectors[${index}] of inbound integration ${integration.id}`;
  }
  return undefined;
};

/** Refused for the default policy, and while an integration or a selector names the policy. */
export const deleteRoutingPolicy = (org: OrgRecord, routingPolicyId: string): RoutingPolicyRecord => {
  const policy = getRoutingPolicy(org, routingPolicyId);
  if (policy.isDefault) throw conflict('default_routing_policy', 'The default routing policy cannot be deleted.');
  const use = routingPolicyUse(org, routingPolicyId);
  if (use) throw conflict('routing_policy_in_use', `Routing policy ${routingPolicyId} is named by ${use}; change that first.`);
  org.routingPolicies.delete(routingPolicyId);
  return policy;
};

/**
 * An escalation policy that a routing rule names cannot be deleted (409 `escalation_policy_in_use`):
 * clearing the rule to `null` would silently change where alerts page.
 */
export const assertEscalationPolicyUnrouted = (org: OrgRecord, escalationPolicyId: string): void => {
  for (const policy of org.routingPolicies.values()) {
    const index = policy.rules.findIndex((rule) => rule.escalationPolicyId === escalationPolicyId);
    if (index !== -1) {
      throw conflict('escalation_policy_in_use', `Escalation policy ${escalationPolicyId} is named by rules[${index}] of routing policy ${policy.id}; change that first.`);
    }
  }
};

export const getInboundIntegration = (org: OrgRecord, integrationId: string): InboundIntegrationRecord => {
  const integration = org.inboundIntegrations.get(integrationId);
  if (!integration) throw notFound('inbound integration');
  return integration;
};

export const listInboundIntegrations = (org: OrgRecord): InboundIntegrationRecord[] => [...org.inboundIntegrations.values()];

/** Replaces the selectors wholesale, in the order sent, once every routing policy they name is the org's. */
export const setSelectors = (org: OrgRecord, integrationId: string, input: InboundSelectorsParams, now: Millis): InboundIntegrationRecord => {
  const integration = getInboundIntegration(org, integrationId);
  const selectors = input.selectors.map((selector, index): SelectorRecord => {
    if (!org.routingPolicies.has(selector.routingPolicyId)) {
      throw badRequest('invalid_routing_policy', `selectors[${index}].routingPolicyId: no routing policy ${selector.routingPolicyId} in this organization.`);
    }
    return { matchers: selector.matchers.map(({ key, value }) => ({ key, value })), routingPolicyId: selector.routingPolicyId };
  });
  integration.selectors = selectors;
  integration.updatedAt = now;
  return integration;
};

export type NewInboundIntegration = { name: string; componentId: string; routingPolicyId: string | null };

/** Only `mock.createInboundIntegration()` calls this; the ids are checked there. */
export const addInboundIntegration = (state: MockState, org: OrgRecord, input: NewInboundIntegration, now: Millis): InboundIntegrationRecord => {
  const integration: InboundIntegrationRecord = {
    id: newId(state.random, 'int'),
    orgId: org.id,
    name: input.name,
    componentId: input.componentId,
    routingPolicyId: input.routingPolicyId,
    selectors: [],
    createdAt: now,
    updatedAt: now,
  };
  org.inboundIntegrations.set(integration.id, integration);
  return integration;
};

/** A component an inbound integration resolves its alerts to cannot be deleted (409 `component_in_use`). */
export const assertComponentUnrouted = (org: OrgRecord, componentId: string): void => {
  for (const integration of org.inboundIntegrations.values()) {
    if (integration.componentId === componentId) {
      throw conflict('component_in_use', `Component ${componentId} is the component of inbound integration ${integration.id}.`);
    }
  }
};

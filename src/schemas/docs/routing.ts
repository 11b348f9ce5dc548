import { CREATED_AT, type DocsOf, envelope, ORG_ID, UPDATED_AT } from './shared.js';

const NAME = 'The routing policy’s name.';
const RULES = 'Exactly four rules, one per severity, kept in the order sent.';
const rule = {
  severity: 'The severity of the alerts the rule is for.',
  outcome: 'What those alerts do.',
  escalationPolicyId: 'The escalation policy of the incidents this rule opens: one of the organization’s, or `null` for none.',
};
const routingPolicy = {
  id: 'The routing policy’s id.',
  orgId: ORG_ID,
  name: NAME,
  description: 'Free text, or `null`.',
  isDefault: 'Whether it is the organization’s default, used when nothing else applies. The default cannot be deleted.',
  createdAt: CREATED_AT,
  updatedAt: UPDATED_AT,
};

export const routingDocs: DocsOf<
  | 'RoutingPolicyPathParams'
  | 'RoutingOutcome'
  | 'RoutingRuleInput'
  | 'RoutingPolicyCreateParams'
  | 'RoutingPolicyReplaceParams'
  | 'RoutingRule'
  | 'RoutingPolicy'
  | 'RoutingPolicyWithRules'
  | 'RoutingPolicyResponse'
  | 'RoutingPolicyListResponse'
  | 'InboundIntegrationPathParams'
  | 'SelectorMatcher'
  | 'RoutingSelectorInput'
  | 'InboundSelectorsParams'
  | 'RoutingSelector'
  | 'InboundIntegration'
  | 'InboundIntegrationResponse'
  | 'InboundIntegrationListResponse'
> = {
  RoutingPolicyPathParams: {
    summary: 'The path parameters of `/routing/policies/{routingPolicyId}`.',
    fields: { routingPolicyId: 'The routing policy’s id.' },
  },
  RoutingOutcome: {
    summary: 'What an alert of a severity does: open an `incident`, page provisionally, send a `notification` only, or `drop`.',
  },
  RoutingRuleInput: { summary: 'One rule of a routing policy, as you send it: what alerts of a severity do.', fields: rule },
  RoutingPolicyCreateParams: {
    summary: 'The body of `routingPolicies.create`.',
    fields: { name: NAME, description: 'Free text; `null` or omitted for none (`""` is kept as sent).', rules: RULES },
  },
  RoutingPolicyReplaceParams: {
    summary: 'The body of `routingPolicies.replace`: name, description and rules at once.',
    fields: { name: NAME, description: 'Free text; `null` or omitted for none (`""` is kept as sent).', rules: RULES },
  },
  RoutingRule: { summary: 'One rule of a routing policy: what alerts of a severity do.', fields: rule },
  RoutingPolicy: {
    summary: 'A routing policy: what alerts of each severity do. As the list returns it, without its rules.',
    fields: routingPolicy,
  },
  RoutingPolicyWithRules: {
    summary: 'A routing policy with its four rules.',
    fields: { ...routingPolicy, rules: 'Its rules, one per severity, in the order they were sent.' },
  },
  RoutingPolicyResponse: envelope('RoutingPolicyWithRules', 'The routing policy, with its rules.'),
  RoutingPolicyListResponse: envelope('RoutingPolicy[]', 'Every routing policy of the organization, without rules.'),
  InboundIntegrationPathParams: {
    summary: 'The path parameters of `/integrations/inbound/{integrationId}`.',
    fields: { integrationId: 'The inbound integration’s id.' },
  },
  SelectorMatcher: {
    summary: 'A test on an alert attribute: the key exactly, the value ignoring case. `severity` is never a matcher.',
    fields: { key: 'The attribute’s name; not `severity`.', value: 'The value it must have, compared ignoring case.' },
  },
  RoutingSelectorInput: {
    summary: 'A selector row: when all its matchers match an alert, `routingPolicyId` routes it.',
    fields: { matchers: 'The tests, all of which must match.', routingPolicyId: 'The routing policy for the alerts it matches.' },
  },
  InboundSelectorsParams: {
    summary: 'The body of `integrations.inbound.setSelectors`.',
    fields: { selectors: 'Every selector row, in order: the first that matches an alert wins. `[]` removes them all.' },
  },
  RoutingSelector: {
    summary: 'A selector row of an inbound integration: when all its matchers match an alert, `routingPolicyId` routes it.',
    fields: {
      matchers: 'The tests, all of which must match.',
      'matchers.key': 'The attribute’s name.',
      'matchers.value': 'The value it must have, compared ignoring case.',
      routingPolicyId: 'The routing policy for the alerts it matches.',
    },
  },
  InboundIntegration: {
    summary: 'An inbound integration (set up outside the API): where its alerts go.',
    fields: {
      id: 'The integration’s id.',
      orgId: ORG_ID,
      name: 'The integration’s name.',
      componentId: 'The component its alerts are about.',
      routingPolicyId: 'The routing policy for alerts no selector matches; `null`: the organization’s default.',
      selectors: 'Its selector rows, in order: the first that matches an alert wins.',
      createdAt: CREATED_AT,
      updatedAt: UPDATED_AT,
    },
  },
  InboundIntegrationResponse: envelope('InboundIntegration', 'The inbound integration.'),
  InboundIntegrationListResponse: {
    ...envelope('{ integrations: InboundIntegration[] }', 'The inbound integrations.'),
    fields: { data: 'The inbound integrations.', 'data.integrations': 'Every inbound integration of the organization.' },
  },
};

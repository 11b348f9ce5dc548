import * as z from 'zod/mini';
import { dataEnvelope, Id, PathId, Timestamp, type Known } from './common.js';
import { Severity } from './incidents.js';

/** `/routing/policies/{routingPolicyId}` */
export const RoutingPolicyPathParams = z.strictObject({ routingPolicyId: PathId });
export type RoutingPolicyPathParams = Known<z.infer<typeof RoutingPolicyPathParams>>;

/** What happens to an alert of a severity: open an incident, page provisionally, notify only, or drop it. */
export const RoutingOutcome = z.enum(['incident', 'provisional_page', 'notification', 'drop']);
export type RoutingOutcome = Known<z.infer<typeof RoutingOutcome>>;

const RoutingPolicyName = z.string().check(
  z.minLength(1, 'must be 1 to 255 characters'),
  z.maxLength(255, 'must be 1 to 255 characters'),
);
/** The Terraform provider sends `""` when none is set: accepted and kept as sent. */
const RoutingPolicyDescription = z.nullable(z.string().check(z.maxLength(10_000, 'must be at most 10000 characters')));

/** One rule: what alerts of `severity` do. `escalationPolicyId` must be an escalation policy of the org, or `null`. */
export const RoutingRuleInput = z.strictObject({
  severity: Severity,
  outcome: RoutingOutcome,
  escalationPolicyId: z.optional(z.nullable(Id)),
});
export type RoutingRuleInput = z.input<typeof RoutingRuleInput>;

const SEVERITY_ORDER = 'critical, high, medium, low';
/** Exactly four rules, one per severity, kept in the order sent. */
const RoutingRules = z.array(RoutingRuleInput).check(
  z.length(4, `must contain exactly one rule per severity (${SEVERITY_ORDER})`),
  z.refine((rules) => new Set(rules.map((rule) => rule.severity)).size === rules.length, `must contain exactly one rule per severity (${SEVERITY_ORDER})`),
);

/** Body of `POST /routing/policies`. */
export const RoutingPolicyCreateParams = z.strictObject({
  name: RoutingPolicyName,
  description: z.optional(RoutingPolicyDescription),
  rules: RoutingRules,
});
export type RoutingPolicyCreateParams = z.input<typeof RoutingPolicyCreateParams>;

/** Body of `PUT /routing/policies/{routingPolicyId}`: replaces name, description (absent = `null`) and rules. */
export const RoutingPolicyReplaceParams = z.strictObject({
  name: RoutingPolicyName,
  description: z.optional(RoutingPolicyDescription),
  rules: RoutingRules,
});
export type RoutingPolicyReplaceParams = z.input<typeof RoutingPolicyReplaceParams>;

export const RoutingRule = z.looseObject({
  severity: Severity,
  outcome: RoutingOutcome,
  escalationPolicyId: z.nullable(Id),
});
export type RoutingRule = Known<z.infer<typeof RoutingRule>>;

/** A routing policy as the list returns it: no rules. `isDefault` is the org's fallback, which cannot be deleted. */
export const RoutingPolicy = z.looseObject({
  id: Id,
  orgId: Id,
  name: z.string(),
  description: z.nullable(z.string()),
  isDefault: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type RoutingPolicy = Known<z.infer<typeof RoutingPolicy>>;

/** A routing policy with its four rules, in the order they were sent. */
export const RoutingPolicyWithRules = z.looseObject({
  ...RoutingPolicy.shape,
  rules: z.array(RoutingRule),
});
export type RoutingPolicyWithRules = Known<z.infer<typeof RoutingPolicyWithRules>>;

export const RoutingPolicyResponse = dataEnvelope(RoutingPolicyWithRules);
export const RoutingPolicyListResponse = dataEnvelope(z.array(RoutingPolicy));

/** `/integrations/inbound/{integrationId}` */
export const InboundIntegrationPathParams = z.strictObject({ integrationId: PathId });
export type InboundIntegrationPathParams = Known<z.infer<typeof InboundIntegrationPathParams>>;

const MatcherText = z.string().check(z.minLength(1, 'must be 1 to 255 characters'), z.maxLength(255, 'must be 1 to 255 characters'));

/** An alert attribute test: the key exactly, the value case-insensitively. `severity` is never a matcher. */
export const SelectorMatcher = z.strictObject({
  key: MatcherText.check(z.refine((key) => key !== 'severity', 'must not be severity: severity is never a matcher')),
  value: MatcherText,
});
export type SelectorMatcher = z.input<typeof SelectorMatcher>;

/** A selector row: its matchers are ANDed; the first row that matches picks `routingPolicyId`. */
export const RoutingSelectorInput = z.strictObject({
  matchers: z.array(SelectorMatcher).check(z.minLength(1, 'must list at least 1 matcher')),
  routingPolicyId: Id,
});
export type RoutingSelectorInput = z.input<typeof RoutingSelectorInput>;

/** Body of `PUT /integrations/inbound/{integrationId}/selectors`: the whole ordered list; `[]` clears it. */
export const InboundSelectorsParams = z.strictObject({
  selectors: z.array(RoutingSelectorInput),
});
export type InboundSelectorsParams = z.input<typeof InboundSelectorsParams>;

export const RoutingSelector = z.looseObject({
  matchers: z.array(z.looseObject({ key: z.string(), value: z.string() })),
  routingPolicyId: Id,
});
export type RoutingSelector = Known<z.infer<typeof RoutingSelector>>;

/**
 * An inbound integration (made outside the API): where its alerts go. `routingPolicyId` applies
 * when no selector matches; `null` means the org's default routing policy.
 */
export const InboundIntegration = z.looseObject({
  id: Id,
  orgId: Id,
  name: z.string(),
  componentId: Id,
  routingPolicyId: z.nullable(Id),
  selectors: z.array(RoutingSelector),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type InboundIntegration = Known<z.infer<typeof InboundIntegration>>;

export const InboundIntegrationResponse = dataEnvelope(InboundIntegration);
export const InboundIntegrationListResponse = dataEnvelope(z.looseObject({ integrations: z.array(InboundIntegration) }));

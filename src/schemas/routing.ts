import * as z from 'zod/mini';
import { dataEnvelope, Id, PathId, Timestamp } from './common.js';
import { Severity } from './incidents.js';

// `/routing/policies/{routingPolicyId}`
export const RoutingPolicyPathParams = z.strictObject({ routingPolicyId: PathId });

// What happens to an alert of a severity: open an incident, page provisionally, notify only, or drop it.
export const RoutingOutcome = z.enum(['incident', 'provisional_page', 'notification', 'drop']);

const RoutingPolicyName = z.string().check(
  z.minLength(1, 'must be 1 to 255 characters'),
  z.maxLength(255, 'must be 1 to 255 characters'),
);
/** The Terraform provider sends `""` when none is set: accepted and kept as sent. */
const RoutingPolicyDescription = z.nullable(z.string().check(z.maxLength(10_000, 'must be at most 10000 characters')));

// One rule: what alerts of `severity` do. `escalationPolicyId` must be an escalation policy of the org, or `null`.
export const RoutingRuleInput = z.strictObject({
  severity: Severity,
  outcome: RoutingOutcome,
  escalationPolicyId: z.optional(z.nullable(Id)),
});

const SEVERITY_ORDER = 'critical, high, medium, low';
/** Exactly four rules, one per severity, kept in the order sent. */
const RoutingRules = z.array(RoutingRuleInput).check(
  z.length(4, `must contain exactly one rule per severity (${SEVERITY_ORDER})`),
  z.refine((rules) => new Set(rules.map((rule) => rule.severity)).size === rules.length, `must contain exactly one rule per severity (${SEVERITY_ORDER})`),
);

// Body of `POST /routing/policies`.
export const RoutingPolicyCreateParams = z.strictObject({
  name: RoutingPolicyName,
  description: z.optional(RoutingPolicyDescription),
  rules: RoutingRules,
});

// Body of `PUT /routing/policies/{routingPolicyId}`: replaces name, description (absent = `null`) and rules.
export const RoutingPolicyReplaceParams = z.strictObject({
  name: RoutingPolicyName,
  description: z.optional(RoutingPolicyDescription),
  rules: RoutingRules,
});

export const RoutingRule = z.looseObject({
  severity: Severity,
  outcome: RoutingOutcome,
  escalationPolicyId: z.nullable(Id),
});

// A routing policy as the list returns it: no rules. `isDefault` is the org's fallback, which cannot be deleted.
export const RoutingPolicy = z.looseObject({
  id: Id,
  orgId: Id,
  name: z.string(),
  description: z.nullable(z.string()),
  isDefault: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

// A routing policy with its four rules, in the order they were sent.
export const RoutingPolicyWithRules = z.looseObject({
  ...RoutingPolicy.shape,
  rules: z.array(RoutingRule),
});

export const RoutingPolicyResponse = dataEnvelope(RoutingPolicyWithRules);
export const RoutingPolicyListResponse = dataEnvelope(z.array(RoutingPolicy));

// `/integrations/inbound/{integrationId}`
export const InboundIntegrationPathParams = z.strictObject({ integrationId: PathId });

const MatcherText = z.string().check(z.minLength(1, 'must be 1 to 255 characters'), z.maxLength(255, 'must be 1 to 255 characters'));

// An alert attribute test: the key exactly, the value case-insensitively. `severity` is never a matcher.
export const SelectorMatcher = z.strictObject({
  key: MatcherText.check(z.refine((key) => key !== 'severity', 'must not be severity: severity is never a matcher')),
  value: MatcherText,
});

// A selector row: its matchers are ANDed; the first row that matches picks `routingPolicyId`.
export const RoutingSelectorInput = z.strictObject({
  matchers: z.array(SelectorMatcher).check(z.minLength(1, 'must list at least 1 matcher')),
  routingPolicyId: Id,
});

// Body of `PUT /integrations/inbound/{integrationId}/selectors`: the whole ordered list; `[]` clears it.
export const InboundSelectorsParams = z.strictObject({
  selectors: z.array(RoutingSelectorInput),
});

export const RoutingSelector = z.looseObject({
  matchers: z.array(z.looseObject({ key: z.string(), value: z.string() })),
  routingPolicyId: Id,
});

// An inbound integration (made outside the API): where its alerts go. `routingPolicyId` applies
// when no selector matches; `null` means the org's default routing policy.
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

export const InboundIntegrationResponse = dataEnvelope(InboundIntegration);
export const InboundIntegrationListResponse = dataEnvelope(z.looseObject({ integrations: z.array(InboundIntegration) }));

// Types generated from the schemas above and their docs (./docs/) by `npm run types:schemas`: do not edit
// below this line (test/schema-types.test.ts fails when it is stale).

/** The path parameters of `/routing/policies/{routingPolicyId}`. */
export interface RoutingPolicyPathParams {
  /** The routing policy’s id. A non-empty string. */
  routingPolicyId: string;
}

/**
 * What an alert of a severity does: open an `incident`, page provisionally, send a `notification` only, or
 * `drop`.
 */
export type RoutingOutcome = 'incident' | 'provisional_page' | 'notification' | 'drop';

/** One rule of a routing policy, as you send it: what alerts of a severity do. */
export interface RoutingRuleInput {
  /** The severity of the alerts the rule is for. */
  severity: Severity;
  /** What those alerts do. */
  outcome: RoutingOutcome;
  /**
   * The escalation policy of the incidents this rule opens: one of the organization’s, or `null` for none. A
   * non-empty string.
   */
  escalationPolicyId?: string | null;
}

/** The body of `routingPolicies.create`. */
export interface RoutingPolicyCreateParams {
  /** The routing policy’s name. A string of 1 to 255 characters. */
  name: string;
  /** Free text; `null` or omitted for none (`""` is kept as sent). A string of at most 10000 characters. */
  description?: string | null;
  /** Exactly four rules, one per severity, kept in the order sent. A list of exactly 4 items. */
  rules: RoutingRuleInput[];
}

/** The body of `routingPolicies.replace`: name, description and rules at once. */
export interface RoutingPolicyReplaceParams {
  /** The routing policy’s name. A string of 1 to 255 characters. */
  name: string;
  /** Free text; `null` or omitted for none (`""` is kept as sent). A string of at most 10000 characters. */
  description?: string | null;
  /** Exactly four rules, one per severity, kept in the order sent. A list of exactly 4 items. */
  rules: RoutingRuleInput[];
}

/** One rule of a routing policy: what alerts of a severity do. */
export interface RoutingRule {
  /** The severity of the alerts the rule is for. */
  severity: Severity;
  /** What those alerts do. */
  outcome: RoutingOutcome;
  /**
   * The escalation policy of the incidents this rule opens: one of the organization’s, or `null` for none.
   */
  escalationPolicyId: string | null;
}

/** A routing policy: what alerts of each severity do. As the list returns it, without its rules. */
export interface RoutingPolicy {
  /** The routing policy’s id. */
  id: string;
  /** The organization it belongs to. */
  orgId: string;
  /** The routing policy’s name. */
  name: string;
  /** Free text, or `null`. */
  description: string | null;
  /**
   * Whether it is the organization’s default, used when nothing else applies. The default cannot be deleted.
   */
  isDefault: boolean;
  /** When it was created (ISO 8601, UTC). */
  createdAt: string;
  /** When it last changed (ISO 8601, UTC). */
  updatedAt: string;
}

/** A routing policy with its four rules. */
export interface RoutingPolicyWithRules {
  /** The routing policy’s id. */
  id: string;
  /** The organization it belongs to. */
  orgId: string;
  /** The routing policy’s name. */
  name: string;
  /** Free text, or `null`. */
  description: string | null;
  /**
   * Whether it is the organization’s default, used when nothing else applies. The default cannot be deleted.
   */
  isDefault: boolean;
  /** When it was created (ISO 8601, UTC). */
  createdAt: string;
  /** When it last changed (ISO 8601, UTC). */
  updatedAt: string;
  /** Its rules, one per severity, in the order they were sent. */
  rules: RoutingRule[];
}

/**
 * A response body as the API sends it: `{ data: RoutingPolicyWithRules }`. The SDK’s methods resolve to the
 * `data`.
 */
export interface RoutingPolicyResponse {
  /** The routing policy, with its rules. */
  data: RoutingPolicyWithRules;
}

/**
 * A response body as the API sends it: `{ data: RoutingPolicy[] }`. The SDK’s methods resolve to the `data`.
 */
export interface RoutingPolicyListResponse {
  /** Every routing policy of the organization, without rules. */
  data: RoutingPolicy[];
}

/** The path parameters of `/integrations/inbound/{integrationId}`. */
export interface InboundIntegrationPathParams {
  /** The inbound integration’s id. A non-empty string. */
  integrationId: string;
}

/** A test on an alert attribute: the key exactly, the value ignoring case. `severity` is never a matcher. */
export interface SelectorMatcher {
  /** The attribute’s name; not `severity`. A string of 1 to 255 characters. */
  key: string;
  /** The value it must have, compared ignoring case. A string of 1 to 255 characters. */
  value: string;
}

/** A selector row: when all its matchers match an alert, `routingPolicyId` routes it. */
export interface RoutingSelectorInput {
  /** The tests, all of which must match. A list of at least 1 item. */
  matchers: SelectorMatcher[];
  /** The routing policy for the alerts it matches. A non-empty string. */
  routingPolicyId: string;
}

/** The body of `integrations.inbound.setSelectors`. */
export interface InboundSelectorsParams {
  /** Every selector row, in order: the first that matches an alert wins. `[]` removes them all. */
  selectors: RoutingSelectorInput[];
}

/**
 * A selector row of an inbound integration: when all its matchers match an alert, `routingPolicyId` routes
 * it.
 */
export interface RoutingSelector {
  /** The tests, all of which must match. */
  matchers: {
    /** The attribute’s name. */
    key: string;
    /** The value it must have, compared ignoring case. */
    value: string;
  }[];
  /** The routing policy for the alerts it matches. */
  routingPolicyId: string;
}

/** An inbound integration (set up outside the API): where its alerts go. */
export interface InboundIntegration {
  /** The integration’s id. */
  id: string;
  /** The organization it belongs to. */
  orgId: string;
  /** The integration’s name. */
  name: string;
  /** The component its alerts are about. */
  componentId: string;
  /** The routing policy for alerts no selector matches; `null`: the organization’s default. */
  routingPolicyId: string | null;
  /** Its selector rows, in order: the first that matches an alert wins. */
  selectors: RoutingSelector[];
  /** When it was created (ISO 8601, UTC). */
  createdAt: string;
  /** When it last changed (ISO 8601, UTC). */
  updatedAt: string;
}

/**
 * A response body as the API sends it: `{ data: InboundIntegration }`. The SDK’s methods resolve to the
 * `data`.
 */
export interface InboundIntegrationResponse {
  /** The inbound integration. */
  data: InboundIntegration;
}

/**
 * A response body as the API sends it: `{ data: { integrations: InboundIntegration[] } }`. The SDK’s methods
 * resolve to the `data`.
 */
export interface InboundIntegrationListResponse {
  /** The inbound integrations. */
  data: {
    /** Every inbound integration of the organization. */
    integrations: InboundIntegration[];
  };
}

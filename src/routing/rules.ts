/**
 * The routing rules, shared by the mock (its `sendAlert`) and by `simulateRouting()`: one
 * implementation, so an offline check of a routing configuration and the mock cannot disagree.
 * Plain data in, plain data out: nothing here knows the mock or the network.
 */

export type RoutingSeverity = 'critical' | 'high' | 'medium' | 'low';
export type RoutingOutcome = 'incident' | 'provisional_page' | 'notification' | 'drop';

/** One `key = value` test on an alert attribute. */
export type RuleMatcher = { key: string; value: string };
/** A selector row: all its matchers must match (AND) for its routing policy to apply. */
export type RuleSelector = { matchers: readonly RuleMatcher[]; routingPolicyId: string };
/** What the rules read of an inbound integration. */
export type RuleIntegration = { selectors: readonly RuleSelector[]; routingPolicyId: string | null };
/** What the rules read of a routing policy: as `routingPolicies.get()` returns it. */
export type RuleRoutingPolicy = {
  id: string;
  isDefault: boolean;
  rules: ReadonlyArray<{ severity: RoutingSeverity; outcome: RoutingOutcome; escalationPolicyId: string | null }>;
};
/** An alert as an integration receives it. `severity` is not an attribute: no matcher ever sees it. */
export type RuleAlert = { severity: RoutingSeverity; attributes: Readonly<Record<string, string>>; title?: string };

export type RoutingDecision = {
  outcome: RoutingOutcome;
  /** The routing policy that decided. */
  routingPolicyId: string;
  /** The index of the selector that matched, or `null` when none did. */
  selectorIndex: number | null;
  /** The escalation policy of the rule for the alert's severity (`null` when the rule names none). */
  escalationPolicyId: string | null;
};

/**
 * Whether every matcher of a selector holds: keys compared exactly, values case-insensitively.
 * An attribute that is absent never matches. Only own properties count, so `constructor` or
 * `__proto__` as a key matches only an attribute of that name.
 */
export const selectorMatches = (selector: RuleSelector, attributes: Readonly<Record<string, string>>): boolean =>
  selector.matchers.every(({ key, value }) => {
    if (!Object.hasOwn(attributes, key)) return false;
    const actual = attributes[key];
    return typeof actual === 'string' && actual.toLowerCase() === value.toLowerCase();
  });

/** The first selector whose matchers all match, by index, or `null`. */
export const matchingSelector = (selectors: readonly RuleSelector[], attributes: Readonly<Record<string, string>>): number | null => {
  const index = selectors.findIndex((selector) => selectorMatches(selector, attributes));
  return index === -1 ? null : index;
};

/**
 * Routes one alert: the first matching selector picks the routing policy, else the integration's
 * own `routingPolicyId`, else the org's default policy; that policy's rule for the alert's severity
 * gives the outcome and the escalation policy. A configuration the API would never hold (a policy
 * id that is not among `policies`, no default, no rule for the severity) is a `RangeError`
 * naming what is missing, never a guess.
 */
export const routeAlert = (
  integration: RuleIntegration,
  policies: readonly RuleRoutingPolicy[],
  alert: RuleAlert,
): RoutingDecision => {
  const selectorIndex = matchingSelector(integration.selectors, alert.attributes);
  const chosenId = selectorIndex === null ? integration.routingPolicyId : integration.selectors[selectorIndex]!.routingPolicyId;
  const policy = chosenId === null ? policies.find((candidate) => candidate.isDefault) : policies.find((candidate) => candidate.id === chosenId);
  if (!policy) {
    throw new RangeError(chosenId === null ? 'no default routing policy among the policies given' : `no routing policy ${chosenId} among the policies given`);
  }
  const rule = policy.rules.find((candidate) => candidate.severity === alert.severity);
  if (!rule) throw new RangeError(`routing policy ${policy.id} has no rule for severity ${alert.severity}`);
  return { outcome: rule.outcome, routingPolicyId: policy.id, selectorIndex, escalationPolicyId: rule.escalationPolicyId };
};

import { routeAlert, type RoutingDecision, type RuleAlert, type RuleIntegration, type RuleRoutingPolicy } from './rules.js';

/**
 * `simulateRouting()`: what an alert would do, given an inbound integration and the organization's
 * routing policies, with no mock and no network. It runs the very rules the mock runs when it
 * receives an alert (`rules.ts`), so the two cannot disagree.
 */

/** An integration as `integrations.inbound.get()` returns it: only these fields are read. */
export type SimulatedIntegration = RuleIntegration;
/** A routing policy as `routingPolicies.get()` returns it (with its rules): only these fields are read. */
export type SimulatedRoutingPolicy = RuleRoutingPolicy;
/** The alert: its `severity` picks the rule, its `attributes` are what selectors match; `title` is not read. */
export type SimulatedAlert = RuleAlert;
/** `{ outcome, routingPolicyId, selectorIndex, escalationPolicyId }`. */
export type RoutingSimulation = RoutingDecision;

const SEVERITIES = new Set(['critical', 'high', 'medium', 'low']);

/**
 * Routes `alert` as the integration would: the first selector whose matchers all match (ANDed;
 * keys exact, values case-insensitive; severity is never a matcher) picks the routing policy, else
 * the integration's `routingPolicyId`, else the default policy among `routingPolicies`; the rule for
 * the alert's severity gives the outcome and escalation policy. `selectorIndex` is `null` when no
 * selector matched. A routing policy that is not in `routingPolicies` is a `RangeError`.
 *
 * ```ts
 * const integration = await scaling.integrations.inbound.get('int_…');
 * const policies = await Promise.all((await scaling.routingPolicies.list()).map((p) => scaling.routingPolicies.get(p.id)));
 * simulateRouting(integration, policies, { severity: 'high', attributes: { env: 'prod' } });
 * ```
 */
export const simulateRouting = (
  integration: SimulatedIntegration,
  routingPolicies: readonly SimulatedRoutingPolicy[],
  alert: SimulatedAlert,
): RoutingSimulation => {
  if (!SEVERITIES.has(alert.severity)) throw new RangeError(`alert.severity must be critical, high, medium or low; got ${String(alert.severity)}`);
  if (typeof alert.attributes !== 'object' || alert.attributes === null) throw new RangeError('alert.attributes must be an object of strings');
  return routeAlert(integration, routingPolicies, alert);
};

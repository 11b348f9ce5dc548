import type { Severity } from '../schemas/incidents.js';
import type { RoutingOutcome } from '../schemas/routing.js';
import { routeAlert } from './rules.js';

/**
 * `simulateRouting()`: what an alert would do, given an inbound integration and the organization's
 * routing policies, with no mock and no network. It runs the very rules the mock runs when it
 * receives an alert, so the two cannot disagree.
 */

// The public shapes are declared here, apart from the rules' own types (which the mock shares), so
// that hovers and the API reference name them; the calls below check that each fits the rules.

/** An integration as `integrations.inbound.get()` returns it: only these fields are read. */
export interface SimulatedIntegration {
  /** Selector rows, in order: the first whose matchers all match picks the routing policy. */
  selectors: ReadonlyArray<{ matchers: ReadonlyArray<{ key: string; value: string }>; routingPolicyId: string }>;
  /** The routing policy when no selector matches; `null`: the organization's default. */
  routingPolicyId: string | null;
}
/** A routing policy as `routingPolicies.get()` returns it (with its rules): only these fields are read. */
export interface SimulatedRoutingPolicy {
  id: string;
  /** The organization's default, used when neither a selector nor the integration names a policy. */
  isDefault: boolean;
  rules: ReadonlyArray<{ severity: Severity; outcome: RoutingOutcome; escalationPolicyId: string | null }>;
}
/** The alert: its `severity` picks the rule, its `attributes` are what selectors match; `title` is not read. */
export interface SimulatedAlert {
  severity: Severity;
  /** Attribute values by name; `severity` is not one of them. */
  attributes: Readonly<Record<string, string>>;
  title?: string;
}
/** What the alert would do. */
export interface RoutingSimulation {
  outcome: RoutingOutcome;
  /** The routing policy that decided. */
  routingPolicyId: string;
  /** The index of the selector that matched, or `null` when none did. */
  selectorIndex: number | null;
  /** The escalation policy of the rule for the alert's severity (`null` when the rule names none). */
  escalationPolicyId: string | null;
}

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

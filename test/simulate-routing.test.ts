import { describe, expect, test } from 'vitest';
import { simulateRouting, type SimulatedRoutingPolicy } from '../src/index.js';
import { useMock } from './helpers.js';

type Rules = SimulatedRoutingPolicy['rules'];
const rules = (critical: Rules[number]['outcome'], high: Rules[number]['outcome'], medium: Rules[number]['outcome'], low: Rules[number]['outcome'], escalationPolicyId: string | null = null): Rules => [
  { severity: 'critical', outcome: critical, escalationPolicyId },
  { severity: 'high', outcome: high, escalationPolicyId },
  { severity: 'medium', outcome: medium, escalationPolicyId: null },
  { severity: 'low', outcome: low, escalationPolicyId: null },
];

const orgDefault: SimulatedRoutingPolicy = { id: 'rp_default', isDefault: true, rules: rules('incident', 'incident', 'notification', 'notification') };
const paging: SimulatedRoutingPolicy = { id: 'rp_paging', isDefault: false, rules: rules('incident', 'provisional_page', 'notification', 'drop', 'pol_platform') };
const quiet: SimulatedRoutingPolicy = { id: 'rp_quiet', isDefault: false, rules: rules('notification', 'drop', 'drop', 'drop') };
const fallback: SimulatedRoutingPolicy = { id: 'rp_fallback', isDefault: false, rules: rules('provisional_page', 'notification', 'drop', 'drop', 'pol_fallback') };
const policies = [orgDefault, paging, quiet, fallback];

const integration = {
  routingPolicyId: null,
  selectors: [
    { matchers: [{ key: 'service', value: 'payments' }, { key: 'env', value: 'prod' }], routingPolicyId: 'rp_paging' },
    { matchers: [{ key: 'env', value: 'prod' }], routingPolicyId: 'rp_quiet' },
    { matchers: [{ key: 'service', value: 'payments' }], routingPolicyId: 'rp_fallback' },
  ],
};

describe('simulateRouting', () => {
  test('the first selector whose matchers all match picks the policy, even when a later one matches too', () => {
    expect(simulateRouting(integration, policies, { severity: 'critical', attributes: { service: 'payments', env: 'prod' } })).toEqual({
      outcome: 'incident', routingPolicyId: 'rp_paging', selectorIndex: 0, escalationPolicyId: 'pol_platform',
    });
    // Selector 0 needs both matchers (AND): with env alone, selector 1 is the first to match.
    expect(simulateRouting(integration, policies, { severity: 'critical', attributes: { env: 'prod', region: 'eu' } })).toEqual({
      outcome: 'notification', routingPolicyId: 'rp_quiet', selectorIndex: 1, escalationPolicyId: null,
    });
    // The same selectors in another order route the same alert elsewhere.
    const reversed = { ...integration, selectors: [...integration.selectors].reverse() };
    expect(simulateRouting(reversed, policies, { severity: 'critical', attributes: { service: 'payments', env: 'prod' } })).toMatchObject({
      routingPolicyId: 'rp_fallback', selectorIndex: 0,
    });
  });

  test('values compare case-insensitively, keys exactly; a missing attribute never matches', () => {
    expect(simulateRouting(integration, policies, { severity: 'high', attributes: { service: 'PAYMENTS', env: 'Prod' } })).toMatchObject({
      routingPolicyId: 'rp_paging', selectorIndex: 0, outcome: 'provisional_page',
    });
    expect(simulateRouting(integration, policies, { severity: 'high', attributes: { Service: 'payments', ENV: 'prod' } })).toMatchObject({
      routingPolicyId: 'rp_default', selectorIndex: null,
    });
    // Inherited names are not attributes.
    const proto = { selectors: [{ matchers: [{ key: 'toString', value: 'x' }], routingPolicyId: 'rp_quiet' }], routingPolicyId: null };
    expect(simulateRouting(proto, policies, { severity: 'low', attributes: {} }).selectorIndex).toBeNull();
  });

  test('severity is never a matcher: an alert’s severity does not satisfy a matcher on a "severity" attribute', () => {
    const bySeverity = { selectors: [{ matchers: [{ key: 'severity', value: 'critical' }], routingPolicyId: 'rp_quiet' }], routingPolicyId: null };
    expect(simulateRouting(bySeverity, policies, { severity: 'critical', attributes: {} })).toMatchObject({ routingPolicyId: 'rp_default', selectorIndex: null });
  });

  test('no selector matches: the integration’s own routing policy, else the org default', () => {
    const pinned = { ...integration, routingPolicyId: 'rp_fallback' };
    expect(simulateRouting(pinned, policies, { severity: 'critical', attributes: { env: 'staging' }, title: 'Disk full' })).toEqual({
      outcome: 'provisional_page', routingPolicyId: 'rp_fallback', selectorIndex: null, escalationPolicyId: 'pol_fallback',
    });
    expect(simulateRouting(integration, policies, { severity: 'medium', attributes: { env: 'staging' } })).toEqual({
      outcome: 'notification', routingPolicyId: 'rp_default', selectorIndex: null, escalationPolicyId: null,
    });
    expect(simulateRouting({ selectors: [], routingPolicyId: null }, policies, { severity: 'critical', attributes: {} })).toMatchObject({
      outcome: 'incident', routingPolicyId: 'rp_default',
    });
  });

  test('the rule for the alert’s severity decides: each outcome', () => {
    const at = (severity: 'critical' | 'high' | 'medium' | 'low') =>
      simulateRouting(integration, policies, { severity, attributes: { service: 'payments', env: 'prod' } });
    expect([at('critical'), at('high'), at('medium'), at('low')].map(({ outcome, escalationPolicyId }) => ({ outcome, escalationPolicyId }))).toEqual([
      { outcome: 'incident', escalationPolicyId: 'pol_platform' },
      { outcome: 'provisional_page', escalationPolicyId: 'pol_platform' },
      { outcome: 'notification', escalationPolicyId: null },
      { outcome: 'drop', escalationPolicyId: null },
    ]);
  });

  test('a configuration the API would never hold is a RangeError naming what is missing', () => {
    const dangling = { selectors: [{ matchers: [{ key: 'env', value: 'prod' }], routingPolicyId: 'rp_gone' }], routingPolicyId: null };
    expect(() => simulateRouting(dangling, policies, { severity: 'low', attributes: { env: 'prod' } })).toThrow(/no routing policy rp_gone/);
    expect(() => simulateRouting(integration, [paging], { severity: 'low', attributes: {} })).toThrow(/no default routing policy/);
    const short = { ...orgDefault, rules: orgDefault.rules.slice(0, 2) };
    expect(() => simulateRouting(integration, [short], { severity: 'low', attributes: {} })).toThrow(/no rule for severity low/);
    expect(() => simulateRouting(integration, policies, { severity: 'urgent' as 'low', attributes: {} })).toThrow(RangeError);
  });
});

describe('simulateRouting on what the SDK returns', () => {
  const t = useMock();

  test('an integration and routing policies read through the SDK route as configured', async () => {
    const escalation = await t.scaling.policies.create({ name: 'Platform' });
    const prod = await t.scaling.routingPolicies.create({
      name: 'Prod',
      rules: [
        { severity: 'critical', outcome: 'incident', escalationPolicyId: escalation.id },
        { severity: 'high', outcome: 'incident', escalationPolicyId: escalation.id },
        { severity: 'medium', outcome: 'notification', escalationPolicyId: null },
        { severity: 'low', outcome: 'drop', escalationPolicyId: null },
      ],
    });
    const component = await t.scaling.components.create({ name: 'Checkout' });
    const created = t.mock.createInboundIntegration({ componentId: component.id });
    await t.scaling.integrations.inbound.setSelectors(created.id, { selectors: [{ matchers: [{ key: 'env', value: 'prod' }], routingPolicyId: prod.id }] });
    const integration = await t.scaling.integrations.inbound.get(created.id);
    const routingPolicies = await Promise.all((await t.scaling.routingPolicies.list()).map((policy) => t.scaling.routingPolicies.get(policy.id)));
    expect(simulateRouting(integration, routingPolicies, { severity: 'high', attributes: { env: 'PROD' } })).toEqual({
      outcome: 'incident', routingPolicyId: prod.id, selectorIndex: 0, escalationPolicyId: escalation.id,
    });
    const fallback = routingPolicies.find((policy) => policy.isDefault)!;
    expect(simulateRouting(integration, routingPolicies, { severity: 'medium', attributes: { env: 'dev' } })).toEqual({
      outcome: 'notification', routingPolicyId: fallback.id, selectorIndex: null, escalationPolicyId: null,
    });
  });
});

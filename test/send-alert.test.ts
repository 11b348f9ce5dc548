import { describe, expect, test } from 'vitest';
import { createScalingMock } from '../mocks/index.js';
import { Scaling, type RoutingPolicyCreateParams } from '../src/index.js';

const NOW = '2026-04-07T10:00:00.000Z';
const MINUTE = 60_000;

type Outcome = RoutingPolicyCreateParams['rules'][number]['outcome'];

/** A mock with a component, two users on a two-layer escalation policy, and an integration on the component. */
const world = async () => {
  const mock = createScalingMock({ now: NOW });
  const scaling = new Scaling({ apiKey: mock.apiKey, baseUrl: mock.baseUrl, fetch: mock.fetch, maxRetries: 0 });
  const first = mock.createUser({ firstName: 'First' });
  const second = mock.createUser({ firstName: 'Second' });
  const escalation = await scaling.policies.create({ name: 'Checkout' });
  await scaling.policies.layers.create(escalation.id, { position: 1, ackTimeoutMinutes: 5, target: { type: 'users', userIds: [first.id] } });
  await scaling.policies.layers.create(escalation.id, { position: 2, ackTimeoutMinutes: 5, target: { type: 'users', userIds: [second.id] } });
  const component = await scaling.components.create({ name: 'Checkout API' });
  const routing = (name: string, outcomes: Record<'critical' | 'high' | 'medium' | 'low', Outcome>, escalationPolicyId: string | null = escalation.id) =>
    scaling.routingPolicies.create({
      name,
      rules: (['critical', 'high', 'medium', 'low'] as const).map((severity) => ({ severity, outcome: outcomes[severity], escalationPolicyId })),
    });
  const integration = mock.createInboundIntegration({ name: 'Datadog', componentId: component.id });
  return { mock, scaling, first, second, escalation, component, routing, integration };
};

describe('mock.sendAlert', () => {
  test('incident: opens an incident on the integration’s component with the rule’s policy, and its escalation runs', async () => {
    const w = await world();
    const policy = await w.routing('Page everything', { critical: 'incident', high: 'incident', medium: 'incident', low: 'incident' });
    await w.scaling.integrations.inbound.setSelectors(w.integration.id, {
      selectors: [{ matchers: [{ key: 'env', value: 'prod' }], routingPolicyId: policy.id }],
    });
    const result = w.mock.sendAlert(w.integration.id, { severity: 'high', attributes: { env: 'prod' }, title: 'Checkout 5xx' });
    expect(result).toEqual({
      outcome: 'incident', routingPolicyId: policy.id, selectorIndex: 0, escalationPolicyId: w.escalation.id, incidentId: expect.stringMatching(/^inc_/),
    });
    const incident = await w.scaling.incidents.get(result.incidentId!);
    expect(incident).toMatchObject({
      title: 'Checkout 5xx', severity: 'high', escalationPolicyId: w.escalation.id, createdBy: w.integration.id,
      affectedComponents: [expect.objectContaining({ id: w.component.id })],
    });
    expect(w.mock.pages({ incidentId: incident.id }).map((page) => [page.userId, page.at])).toEqual([[w.first.id, NOW]]);
    await w.mock.clock.advance(5 * MINUTE);
    expect(w.mock.pages({ incidentId: incident.id }).map((page) => page.userId)).toEqual([w.first.id, w.second.id]);
    // The component shows the open incident.
    expect((await w.scaling.components.get(w.component.id)).operationalStatus).toBe('partial_outage');
  });

  test('provisional_page pages like incident; notification and drop open nothing and page no one', async () => {
    const w = await world();
    await w.routing('Mixed', { critical: 'provisional_page', high: 'notification', medium: 'drop', low: 'drop' });
    const mixed = (await w.scaling.routingPolicies.list()).find((policy) => policy.name === 'Mixed')!;
    const integration = w.mock.createInboundIntegration({ name: 'Mixed source', componentId: w.component.id, routingPolicyId: mixed.id });
    const provisional = w.mock.sendAlert(integration.id, { severity: 'critical', attributes: {} });
    expect(provisional).toMatchObject({ outcome: 'provisional_page', routingPolicyId: mixed.id, selectorIndex: null, incidentId: expect.any(String) });
    expect(w.mock.pages({ incidentId: provisional.incidentId! })).toHaveLength(1);
    for (const severity of ['high', 'medium', 'low'] as const) {
      const result = w.mock.sendAlert(integration.id, { severity, attributes: { env: 'prod' } });
      expect(result).toMatchObject({ outcome: severity === 'high' ? 'notification' : 'drop', incidentId: null });
    }
    expect((await w.scaling.incidents.list()).incidents).toHaveLength(1);
    expect(w.mock.pages()).toHaveLength(1);
  });

  test('a rule with no escalation policy opens the incident with no escalation: nobody is paged', async () => {
    const w = await world();
    const bare = await w.routing('No policy', { critical: 'incident', high: 'incident', medium: 'incident', low: 'incident' }, null);
    const integration = w.mock.createInboundIntegration({ name: 'Bare', componentId: w.component.id, routingPolicyId: bare.id });
    const result = w.mock.sendAlert(integration.id, { severity: 'low' });
    expect(result).toMatchObject({ outcome: 'incident', escalationPolicyId: null });
    const incident = await w.scaling.incidents.get(result.incidentId!);
    expect(incident).toMatchObject({ escalationPolicyId: null, title: 'Bare: low alert', escalation: null });
    await w.mock.clock.advance(60 * MINUTE);
    expect(w.mock.pages()).toEqual([]);
  });

  test('selectors: the first whose matchers all match wins, values ignore case, keys do not; then the integration’s policy, then the org default', async () => {
    const w = await world();
    const paging = await w.routing('Paging', { critical: 'incident', high: 'incident', medium: 'incident', low: 'incident' });
    const quiet = await w.routing('Quiet', { critical: 'notification', high: 'notification', medium: 'notification', low: 'notification' });
    const dropping = await w.routing('Dropping', { critical: 'drop', high: 'drop', medium: 'drop', low: 'drop' });
    await w.scaling.integrations.inbound.setSelectors(w.integration.id, {
      selectors: [
        { matchers: [{ key: 'env', value: 'prod' }, { key: 'service', value: 'payments' }], routingPolicyId: paging.id },
        { matchers: [{ key: 'env', value: 'prod' }], routingPolicyId: quiet.id },
      ],
    });
    const send = (attributes: Record<string, string>) => w.mock.sendAlert(w.integration.id, { severity: 'critical', attributes });
    // Both selectors match: the first, listed first, wins (values compared ignoring case).
    expect(send({ env: 'PROD', service: 'Payments' })).toMatchObject({ selectorIndex: 0, routingPolicyId: paging.id, outcome: 'incident' });
    // Only the second matches.
    expect(send({ env: 'prod', service: 'search' })).toMatchObject({ selectorIndex: 1, routingPolicyId: quiet.id, outcome: 'notification' });
    // A key in another case is another key: no selector matches, so the org's default policy (critical → incident) applies.
    const fallback = send({ ENV: 'prod' });
    const defaultPolicy = (await w.scaling.routingPolicies.list()).find((policy) => policy.isDefault)!;
    expect(fallback).toMatchObject({ selectorIndex: null, routingPolicyId: defaultPolicy.id, outcome: 'incident', escalationPolicyId: null });
    // An integration with its own policy falls through to it instead of the default.
    const own = w.mock.createInboundIntegration({ name: 'Own', componentId: w.component.id, routingPolicyId: dropping.id });
    expect(w.mock.sendAlert(own.id, { severity: 'critical', attributes: { env: 'prod' } })).toMatchObject({
      selectorIndex: null, routingPolicyId: dropping.id, outcome: 'drop', incidentId: null,
    });
  });

  test('an unknown integration is a RangeError and a malformed alert a TypeError naming the field; nothing is opened', async () => {
    const w = await world();
    expect(() => w.mock.sendAlert('int_nope', { severity: 'high' })).toThrow(RangeError);
    expect(() => w.mock.sendAlert(w.integration.id, { severity: 'urgent' as never })).toThrow(/mock\.sendAlert: .*severity/);
    expect(() => w.mock.sendAlert(w.integration.id, { severity: 'high', attributes: { env: 1 as never } })).toThrow(/attributes\.env/);
    expect(() => w.mock.sendAlert(w.integration.id, { severity: 'high', title: '' })).toThrow(/title/);
    expect((await w.scaling.incidents.list()).incidents).toEqual([]);
  });
});

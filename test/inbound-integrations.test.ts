import { describe, expect, test } from 'vitest';
import {
  ScalingBadRequestError,
  ScalingConflictError,
  ScalingNotFoundError,
  ScalingValidationError,
  type InboundSelectorsParams,
  type RoutingPolicyCreateParams,
} from '../src/index.js';
import { expectError, raw, useMock } from './helpers.js';

const t = useMock();
const NOW = '2026-04-07T10:00:00.000Z';

const rules: RoutingPolicyCreateParams['rules'] = [
  { severity: 'critical', outcome: 'incident', escalationPolicyId: null },
  { severity: 'high', outcome: 'incident', escalationPolicyId: null },
  { severity: 'medium', outcome: 'drop', escalationPolicyId: null },
  { severity: 'low', outcome: 'drop', escalationPolicyId: null },
];

const setup = async () => {
  const component = await t.scaling.components.create({ name: 'Payments API' });
  const critical = await t.scaling.routingPolicies.create({ name: 'Critical', rules });
  const low = await t.scaling.routingPolicies.create({ name: 'Low', rules });
  const integration = t.mock.createInboundIntegration({ name: 'Datadog', componentId: component.id });
  return { component, critical, low, integration };
};

describe('inbound integrations', () => {
  test('createInboundIntegration makes one the API lists and gets, with no selectors and the org default (null)', async () => {
    const { component, critical, integration } = await setup();
    expect(integration).toEqual({
      id: expect.stringMatching(/^int_/), orgId: t.mock.orgId, name: 'Datadog', componentId: component.id,
      routingPolicyId: null, selectors: [], createdAt: NOW, updatedAt: NOW,
    });
    const second = t.mock.createInboundIntegration({ componentId: component.id, routingPolicyId: critical.id });
    expect(second).toMatchObject({ name: 'Integration 2', routingPolicyId: critical.id });
    const response = await raw(t.mock, '/integrations/inbound');
    expect((await response.json()).data).toEqual({ integrations: [integration, second] });
    expect(await t.scaling.integrations.inbound.list()).toEqual([integration, second]);
    expect(await t.scaling.integrations.inbound.get(second.id)).toEqual(second);
  });

  test('createInboundIntegration refuses a component or routing policy of another org, an unknown org and a taken name', async () => {
    const { component, critical } = await setup();
    const other = t.mock.createOrg();
    const theirs = await t.client({ apiKey: other.apiKey }).components.create({ name: 'Theirs' });
    expect(() => t.mock.createInboundIntegration({ componentId: theirs.id })).toThrow(/componentId: no component/);
    expect(() => t.mock.createInboundIntegration({ orgId: other.id, componentId: component.id })).toThrow(/componentId/);
    expect(() => t.mock.createInboundIntegration({ orgId: other.id, componentId: theirs.id, routingPolicyId: critical.id })).toThrow(/routingPolicyId: no routing policy/);
    expect(() => t.mock.createInboundIntegration({ orgId: 'org_nope', componentId: component.id })).toThrow(/no organization org_nope/);
    expect(() => t.mock.createInboundIntegration({ name: 'Datadog', componentId: component.id })).toThrow(/name: an integration named "Datadog"/);
    expect(() => t.mock.createInboundIntegration({ componentId: '' })).toThrow(TypeError);
    // Only the first one was made; the other org's works in its own org.
    expect(await t.scaling.integrations.inbound.list()).toHaveLength(1);
    expect(t.mock.createInboundIntegration({ orgId: other.id, componentId: theirs.id })).toMatchObject({ orgId: other.id });
  });

  test('setSelectors replaces the ordered list wholesale, keeping order and case; [] clears it', async () => {
    const { critical, low, integration } = await setup();
    const selectors: InboundSelectorsParams['selectors'] = [
      { matchers: [{ key: 'service', value: 'Payments' }, { key: 'env', value: 'prod' }], routingPolicyId: critical.id },
      { matchers: [{ key: 'env', value: 'staging' }], routingPolicyId: low.id },
    ];
    t.mock.clock.advance(60_000);
    const set = await t.scaling.integrations.inbound.setSelectors(integration.id, { selectors });
    expect(set).toEqual({ ...integration, selectors, updatedAt: '2026-04-07T10:01:00.000Z' });
    expect(await t.scaling.integrations.inbound.get(integration.id)).toEqual(set);
    const swapped = await t.scaling.integrations.inbound.setSelectors(integration.id, { selectors: [selectors[1]!] });
    expect(swapped.selectors).toEqual([selectors[1]]);
    const cleared = await raw(t.mock, `/integrations/inbound/${integration.id}/selectors`, { method: 'PUT', json: { selectors: [] } });
    expect(cleared.status).toBe(200);
    expect((await cleared.json()).data.selectors).toEqual([]);
  });

  test('a selector naming a routing policy that is not the org’s is 400 invalid_routing_policy; nothing changes', async () => {
    const { critical, integration } = await setup();
    await t.scaling.integrations.inbound.setSelectors(integration.id, { selectors: [{ matchers: [{ key: 'a', value: 'b' }], routingPolicyId: critical.id }] });
    const before = await t.scaling.integrations.inbound.get(integration.id);
    const other = t.mock.createOrg();
    const [theirDefault] = await t.client({ apiKey: other.apiKey }).routingPolicies.list();
    for (const id of ['rp_00000000000000000000', theirDefault!.id]) {
      const error = await t.scaling.integrations.inbound
        .setSelectors(integration.id, { selectors: [{ matchers: [{ key: 'env', value: 'prod' }], routingPolicyId: critical.id }, { matchers: [{ key: 'x', value: 'y' }], routingPolicyId: id }] })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ScalingBadRequestError);
      expect(error).toMatchObject({ status: 400, code: 'invalid_routing_policy', message: expect.stringContaining('selectors[1].routingPolicyId') });
    }
    expect(await t.scaling.integrations.inbound.get(integration.id)).toEqual(before);
  });

  const badBodies: Array<[string, unknown, string]> = [
    ['no selectors field', {}, 'selectors'],
    ['a selector without matchers', { selectors: [{ matchers: [], routingPolicyId: 'rp_x' }] }, 'selectors[0].matchers'],
    ['an empty key', { selectors: [{ matchers: [{ key: '', value: 'x' }], routingPolicyId: 'rp_x' }] }, 'selectors[0].matchers[0].key'],
    ['an empty value', { selectors: [{ matchers: [{ key: 'env', value: '' }], routingPolicyId: 'rp_x' }] }, 'selectors[0].matchers[0].value'],
    ['a key of 256 characters', { selectors: [{ matchers: [{ key: 'k'.repeat(256), value: 'x' }], routingPolicyId: 'rp_x' }] }, 'selectors[0].matchers[0].key'],
    ['a value of 256 characters', { selectors: [{ matchers: [{ key: 'env', value: 'v'.repeat(256) }], routingPolicyId: 'rp_x' }] }, 'selectors[0].matchers[0].value'],
    ['severity as a key', { selectors: [{ matchers: [{ key: 'severity', value: 'critical' }], routingPolicyId: 'rp_x' }] }, 'selectors[0].matchers[0].key'],
    ['no routingPolicyId', { selectors: [{ matchers: [{ key: 'env', value: 'prod' }] }] }, 'selectors[0].routingPolicyId'],
    ['a null routingPolicyId', { selectors: [{ matchers: [{ key: 'env', value: 'prod' }], routingPolicyId: null }] }, 'selectors[0].routingPolicyId'],
    ['null selectors', { selectors: null }, 'selectors'],
  ];

  test.each(badBodies)('%s: the SDK refuses it naming the field, and the mock answers 422', async (_, body, field) => {
    const { integration } = await setup();
    const error = await t.scaling.integrations.inbound.setSelectors(integration.id, body as InboundSelectorsParams).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingValidationError);
    expect((error as ScalingValidationError).issues.map((issue) => issue.path)).toContain(field);
    await expectError(await raw(t.mock, `/integrations/inbound/${integration.id}/selectors`, { method: 'PUT', json: body }), 422, 'validation_error');
    expect(await t.scaling.integrations.inbound.get(integration.id)).toEqual(integration);
  });

  test('another org’s integration is 404 on get and setSelectors', async () => {
    const other = t.mock.createOrg();
    const theirScaling = t.client({ apiKey: other.apiKey });
    const component = await theirScaling.components.create({ name: 'Theirs' });
    const theirs = t.mock.createInboundIntegration({ orgId: other.id, componentId: component.id });
    await expect(t.scaling.integrations.inbound.get(theirs.id)).rejects.toBeInstanceOf(ScalingNotFoundError);
    await expect(t.scaling.integrations.inbound.setSelectors(theirs.id, { selectors: [] })).rejects.toBeInstanceOf(ScalingNotFoundError);
    await expect(t.scaling.integrations.inbound.get('int_00000000000000000000')).rejects.toBeInstanceOf(ScalingNotFoundError);
    expect(await t.scaling.integrations.inbound.list()).toEqual([]);
  });

  test('a routing policy an integration or a selector names cannot be deleted (409 routing_policy_in_use) until it is let go', async () => {
    const { component, critical, low, integration } = await setup();
    const pinned = t.mock.createInboundIntegration({ name: 'Pinned', componentId: component.id, routingPolicyId: critical.id });
    await t.scaling.integrations.inbound.setSelectors(integration.id, { selectors: [{ matchers: [{ key: 'env', value: 'prod' }], routingPolicyId: low.id }] });
    for (const [policy, names] of [[critical, pinned.id], [low, 'selectors[0]']] as const) {
      const error = await t.scaling.routingPolicies.delete(policy.id).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ScalingConflictError);
      expect(error).toMatchObject({ code: 'routing_policy_in_use', message: expect.stringContaining(names) });
      expect(await t.scaling.routingPolicies.get(policy.id)).toEqual(policy);
    }
    await t.scaling.integrations.inbound.setSelectors(integration.id, { selectors: [] });
    await t.scaling.routingPolicies.delete(low.id);
    await expect(t.scaling.routingPolicies.get(low.id)).rejects.toBeInstanceOf(ScalingNotFoundError);
  });

  test('a component an integration resolves to cannot be deleted (409 component_in_use)', async () => {
    const { component, integration } = await setup();
    const error = await t.scaling.components.delete(component.id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingConflictError);
    expect(error).toMatchObject({ code: 'component_in_use', message: expect.stringContaining(integration.id) });
    expect(await t.scaling.components.get(component.id)).toEqual(component);
  });
});

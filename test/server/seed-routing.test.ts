import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { parseSeed, SeedError, startMockServer, type SeedInput } from '@scaling-cloud/sdk/mocks/server';
import { Scaling } from '../../src/index.js';
import { control } from './support.js';

const problems = (input: unknown): string[] => {
  try {
    parseSeed(input);
  } catch (error) {
    if (error instanceof SeedError) return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    throw error;
  }
  return [];
};
const org = (fields: object) => ({ orgs: [fields] });
const rules = (escalationPolicy: string | null = null) => [
  { severity: 'critical', outcome: 'incident', escalationPolicy },
  { severity: 'high', outcome: 'incident' },
  { severity: 'medium', outcome: 'notification' },
  { severity: 'low', outcome: 'drop' },
];

test.each([
  ['three rules', org({ routingPolicies: [{ name: 'R', rules: rules().slice(0, 3) }] }), 'orgs[0].routingPolicies[0].rules: must contain exactly one rule per severity'],
  ['an unknown escalation policy', org({ routingPolicies: [{ name: 'R', rules: rules('ghost') }] }), 'orgs[0].routingPolicies[0].rules[0].escalationPolicy: no policy with ref "ghost" in this seed'],
  ['a routing policy named Default', org({ routingPolicies: [{ name: 'Default', rules: rules() }] }), 'orgs[0].routingPolicies[0].name: is the name of the org’s default routing policy'],
  ['two routing policies with one name', org({ routingPolicies: [{ name: 'R', rules: rules() }, { name: 'R', rules: rules() }] }), 'orgs[0].routingPolicies[1].name: is already the name of orgs[0].routingPolicies[0]'],
  ['an integration naming no component', org({ inboundIntegrations: [{ component: 'nope' }] }), 'orgs[0].inboundIntegrations[0].component: no component with ref "nope" in this seed'],
  [
    'an integration naming a component of another org',
    { orgs: [{ components: [{ ref: 'c', name: 'C' }] }, { inboundIntegrations: [{ component: 'c' }] }] },
    'orgs[1].inboundIntegrations[0].component: "c" is a component of orgs[0], not of orgs[1]',
  ],
  ['a selector naming no routing policy', org({ components: [{ ref: 'c', name: 'C' }], inboundIntegrations: [{ component: 'c', selectors: [{ matchers: [{ key: 'env', value: 'prod' }], routingPolicy: 'r' }] }] }), 'orgs[0].inboundIntegrations[0].selectors[0].routingPolicy: no routing policy with ref "r" in this seed'],
  ['a selector without matchers', org({ inboundIntegrations: [{ component: 'c', selectors: [{ matchers: [], routingPolicy: 'r' }] }] }), 'orgs[0].inboundIntegrations[0].selectors[0].matchers: must list at least 1 matcher'],
  ['two integrations with one name', org({ components: [{ ref: 'c', name: 'C' }], inboundIntegrations: [{ name: 'I', component: 'c' }, { name: 'I', component: 'c' }] }), 'orgs[0].inboundIntegrations[1].name: is already the name of orgs[0].inboundIntegrations[0]'],
  ['the same component ref twice', org({ components: [{ ref: 'c', name: 'A' }, { ref: 'c', name: 'B' }] }), 'orgs[0].components[1].ref: "c" is already the component ref at orgs[0].components[0].ref'],
])('a seed with %s is refused, naming the field', (_what, input, message) => {
  expect(problems(input).join('\n')).toContain(message);
});

test('the example seed holds an integration in its default org, routed by refs to its component and routing policy', async () => {
  const seed = JSON.parse(readFileSync(new URL('../../examples/seed.json', import.meta.url), 'utf8')) as SeedInput;
  const server = await startMockServer({ now: '2026-04-07T10:00:00Z', seed });
  try {
    const { refs, orgs } = server.seed!;
    const scaling = new Scaling({ apiKey: 'scl_mock_acme_admin', baseUrl: server.url, maxRetries: 0 });
    const [integration] = await scaling.integrations.inbound.list();
    expect(integration).toMatchObject({
      id: refs.inboundIntegrations.datadog,
      orgId: server.mock.orgId,
      name: 'Datadog',
      componentId: refs.components.checkout,
      routingPolicyId: null,
      selectors: [{ matchers: [{ key: 'env', value: 'prod' }], routingPolicyId: refs.routingPolicies['prod-paging'] }],
    });
    const routing = await scaling.routingPolicies.get(refs.routingPolicies['prod-paging']!);
    expect(routing).toMatchObject({ description: '', isDefault: false });
    expect(routing.rules.map((rule) => rule.escalationPolicyId)).toEqual([refs.policies.platform, refs.policies.platform, null, null]);
    expect(orgs[0]).toMatchObject({
      components: [{ ref: 'checkout', id: refs.components.checkout, name: 'Checkout API' }],
      inboundIntegrations: [{ ref: 'datadog', id: refs.inboundIntegrations.datadog, name: 'Datadog' }],
    });
    // The other tenant has only its own default routing policy and no integrations.
    const other = new Scaling({ apiKey: 'scl_mock_other_admin', baseUrl: server.url, maxRetries: 0 });
    expect(await other.integrations.inbound.list()).toEqual([]);
    expect((await other.routingPolicies.list()).map((policy) => policy.isDefault)).toEqual([true]);
  } finally {
    await server.close();
  }
});

test('POST /__mock/alerts sends an alert through the example seed’s integration: prod critical opens an incident that pages', async () => {
  const seed = JSON.parse(readFileSync(new URL('../../examples/seed.json', import.meta.url), 'utf8')) as SeedInput;
  const server = await startMockServer({ now: '2026-04-07T10:00:00Z', seed });
  try {
    const { refs } = server.seed!;
    const integrationId = refs.inboundIntegrations.datadog!;
    const sent = await control(server, 'POST', '/alerts', { integrationId, severity: 'critical', attributes: { env: 'PROD' }, title: 'Checkout down' });
    expect(sent).toEqual({
      status: 200,
      body: {
        outcome: 'incident', routingPolicyId: refs.routingPolicies['prod-paging'], selectorIndex: 0,
        escalationPolicyId: refs.policies.platform, incidentId: expect.stringMatching(/^inc_/),
      },
    });
    const pages = await control(server, 'GET', `/pages?incidentId=${sent.body.incidentId as string}`);
    expect((pages.body.pages as unknown[]).length).toBeGreaterThan(0);
    // medium → notification: nothing opened.
    expect((await control(server, 'POST', '/alerts', { integrationId, severity: 'medium', attributes: { env: 'prod' } })).body).toMatchObject({
      outcome: 'notification', incidentId: null,
    });
    // Refused: an unknown integration (404) and a bad alert (400 naming the field).
    expect(await control(server, 'POST', '/alerts', { integrationId: 'int_nope', severity: 'high' })).toMatchObject({ status: 404, body: { code: 'not_found' } });
    const bad = await control(server, 'POST', '/alerts', { integrationId, severity: 'urgent' });
    expect(bad.status).toBe(400);
    expect(String(bad.body.message)).toContain('severity');
  } finally {
    await server.close();
  }
});

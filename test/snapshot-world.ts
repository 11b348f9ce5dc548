import type { ScalingMock } from '../mocks/index.js';
import { Scaling } from '../src/index.js';

/**
 * A mock with something of every kind in it, built through the SDK and the mock's helpers, and
 * everything the SDK can read back: what a snapshot must carry, and what a restore must show again.
 */

export const NOW = '2026-04-07T10:00:00.000Z';
export const MINUTE = 60_000;

export const clientOf = (mock: ScalingMock, apiKey = mock.apiKey) =>
  new Scaling({ apiKey, baseUrl: mock.baseUrl, fetch: mock.fetch, maxRetries: 0 });

const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;

/**
 * Two orgs. The default one has members (one removed, one invited), schedules made both ways,
 * working hours gating a layer, a policy of three layers, a deleted one, components (one under
 * maintenance, one on a status page), a routing policy and an inbound integration with a selector;
 * and incidents in every state: escalating with timers pending, acknowledged, handed off,
 * resolved with updates (one redacted), exhausted, stopped by its policy's deletion, opened by an alert.
 */
export const buildWorld = async (mock: ScalingMock) => {
  const scaling = clientOf(mock);
  const alice = mock.createUser({ firstName: 'Alice' });
  const bob = mock.createUser({ firstName: 'Bob', role: 'org:admin' });
  const carol = mock.createUser({ firstName: 'Carol' });
  const leaver = mock.createUser({ firstName: 'Leaver' });
  await scaling.team.members.remove(leaver.id);
  await scaling.team.members.invite({ emailAddress: 'dana@example.com', role: 'org:member' });

  const primary = mock.createSchedule({
    name: 'Primary',
    timezone: 'Europe/Berlin',
    layers: [{ participantIds: [alice.id, bob.id], rotationType: 'daily', effectiveFrom: '2026-04-01T00:00:00Z' }],
  });
  const secondary = await scaling.schedules.create({ name: 'Secondary', timezone: 'UTC' });
  await scaling.schedules.layers.create(secondary.id, {
    name: 'Week',
    rotationType: 'weekly',
    rotationLengthDays: 7,
    handoffTime: '09:00',
    effectiveFrom: '2026-04-01T00:00:00Z',
    participantIds: [carol.id, alice.id],
  });
  const office = await scaling.workingHours.create({ name: 'Office', timezone: 'Europe/London', windows: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }] });

  const policy = await scaling.policies.create({ name: 'Checkout', description: 'Pages the checkout team' });
  await scaling.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 5, target: { type: 'schedule', scheduleId: primary.id } });
  await scaling.policies.layers.create(policy.id, {
    position: 2,
    ackTimeoutMinutes: 10,
    target: { type: 'users', userIds: [carol.id] },
    condition: { workingHoursId: office.id, when: 'during' },
  });
  await scaling.policies.layers.create(policy.id, { position: 3, ackTimeoutMinutes: 15, target: { type: 'schedule', scheduleId: secondary.id } });
  const brief = await scaling.policies.create({ name: 'Brief' });
  await scaling.policies.layers.create(brief.id, { position: 1, ackTimeoutMinutes: 1, target: { type: 'users', userIds: [bob.id] } });

  const api = await scaling.components.create({ name: 'Checkout API', groupLabel: 'Payments', aliases: ['checkout'] });
  const web = await scaling.components.create({ name: 'Web', description: 'The storefront' });
  mock.setComponentStatus(web.id, { override: 'degraded', maintenanceWindow: { startedAt: NOW, endsAt: '2026-04-07T12:00:00Z' } });
  mock.createStatusPage({ componentIds: [api.id] });
  const routing = await scaling.routingPolicies.create({
    name: 'Page everything',
    rules: SEVERITIES.map((severity) => ({ severity, outcome: 'incident' as const, escalationPolicyId: policy.id })),
  });
  const integration = mock.createInboundIntegration({ name: 'Datadog', componentId: api.id });
  await scaling.integrations.inbound.setSelectors(integration.id, {
    selectors: [{ matchers: [{ key: 'env', value: 'prod' }], routingPolicyId: routing.id }],
  });

  const escalating = await scaling.incidents.create({ title: 'Checkout down', severity: 'critical', escalationPolicyId: policy.id, componentIds: [api.id] });
  const notice = await scaling.incidents.updates.create(escalating.id, { body: 'We are on it', visibility: 'public' });
  await scaling.incidents.updates.redact(escalating.id, notice.id);
  await scaling.incidents.updates.create(escalating.id, { body: 'Payments fail at checkout', visibility: 'public' });
  const exhausted = await scaling.incidents.create({ title: 'Queue backlog', severity: 'medium', escalationPolicyId: brief.id });
  const stopped = await scaling.incidents.create({ title: 'Flaky job', severity: 'low', escalationPolicyId: brief.id });
  await mock.clock.advance(2 * MINUTE);
  await scaling.policies.delete(brief.id);
  const acknowledged = await scaling.incidents.create({ title: 'Slow pages', severity: 'high', escalationPolicyId: policy.id });
  await scaling.incidents.acknowledge(acknowledged.id);
  const handedOff = await scaling.incidents.create({ title: 'Disk full', severity: 'medium', escalationPolicyId: policy.id });
  await scaling.incidents.handoff(handedOff.id, { targetUserId: bob.id });
  const resolved = await scaling.incidents.create({ title: 'Typo', severity: 'low', ownerId: alice.id, componentIds: [web.id] });
  await scaling.incidents.updates.create(resolved.id, { body: 'Found it', visibility: 'internal', statusChange: 'identified' });
  await scaling.incidents.updateStatus(resolved.id, { status: 'monitoring' });
  await scaling.incidents.updateStatus(resolved.id, { status: 'resolved', resolutionNote: 'Fixed the copy' });
  const alert = mock.sendAlert(integration.id, { severity: 'high', attributes: { env: 'prod' }, title: 'Checkout 5xx' });
  await mock.clock.advance(6 * MINUTE);

  const other = mock.createOrg({ name: 'Other' });
  const otherScaling = clientOf(mock, other.apiKey);
  await otherScaling.policies.create({ name: 'Theirs' });
  await otherScaling.components.create({ name: 'Their API' });

  return {
    scaling,
    otherScaling,
    apiKeys: [mock.apiKey, other.apiKey],
    users: { alice, bob, carol },
    policy,
    incidents: { escalating, exhausted, stopped, acknowledged, handedOff, resolved, alert: alert.incidentId! },
  };
};

export type World = Awaited<ReturnType<typeof buildWorld>>;

const all = async <Item>(items: AsyncIterable<Item>) => {
  const list: Item[] = [];
  for await (const item of items) list.push(item);
  return list;
};

/** One org as its admin's key sees it through the SDK: every list, and every get of what they list. */
const orgView = async (scaling: Scaling) => {
  const policies = [];
  for (const { id } of await scaling.policies.list()) policies.push(await scaling.policies.get(id));
  const schedules = [];
  for (const { id } of await scaling.schedules.list()) schedules.push({ ...(await scaling.schedules.get(id)), onCall: await scaling.schedules.resolve(id) });
  const incidents = [];
  for (const { id } of await all(scaling.incidents.listAll())) {
    incidents.push({ ...(await scaling.incidents.get(id)), updates: await scaling.incidents.updates.list(id) });
  }
  const routingPolicies = [];
  for (const { id } of await scaling.routingPolicies.list()) routingPolicies.push(await scaling.routingPolicies.get(id));
  return {
    policies,
    schedules,
    incidents,
    routingPolicies,
    team: await scaling.team.members.list(),
    users: await scaling.users.list(),
    components: await all(scaling.components.listAll()),
    workingHours: await scaling.workingHours.list(),
    integrations: await scaling.integrations.inbound.list(),
  };
};

/**
 * Everything the SDK and the mock's own readers show, for each of `apiKeys`' orgs; the SDK reaches
 * the mock through `mock.fetch` unless `clientFor` says otherwise (the standalone server's URL).
 */
export const viewOf = async (mock: ScalingMock, apiKeys: readonly string[], clientFor = (apiKey: string) => clientOf(mock, apiKey)) => {
  const orgs = [];
  for (const apiKey of apiKeys) orgs.push(await orgView(clientFor(apiKey)));
  return { now: mock.clock.now().toISOString(), pages: mock.pages(), orgs };
};

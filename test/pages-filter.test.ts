import { expect, test } from 'vitest';
import type { MockPage, PageFilter } from '../mocks/index.js';
import { useMock } from './helpers.js';

const t = useMock();
const MINUTE = 60_000;

/**
 * `mock.pages(filter)` answers from indexes (an incident's own entries, interned id columns); it must
 * answer exactly what filtering every page would, for every key and combination, in both orgs.
 */
test('every filter answers what filtering all pages would', async () => {
  const other = t.mock.createOrg();
  const setups = [
    { scaling: t.scaling, orgId: t.mock.orgId },
    { scaling: t.client({ apiKey: other.apiKey }), orgId: other.id },
  ];
  for (const { scaling, orgId } of setups) {
    const [a, b] = [t.mock.createUser({ orgId }), t.mock.createUser({ orgId })];
    const policy = await scaling.policies.create({ name: 'P' });
    await scaling.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 5, target: { type: 'users', userIds: [a.id] } });
    await scaling.policies.layers.create(policy.id, { position: 2, ackTimeoutMinutes: 5, target: { type: 'users', userIds: [a.id, b.id] } });
    for (let index = 0; index < 3; index++) {
      const incident = await scaling.incidents.create({ title: `I${index}`, severity: 'high', escalationPolicyId: policy.id });
      await t.mock.clock.advance(2 * MINUTE);
      if (index === 1) await scaling.incidents.handoff(incident.id, { targetUserId: b.id });
    }
    await scaling.incidents.handoff((await scaling.incidents.create({ title: 'No policy', severity: 'low', ownerId: a.id })).id, { targetUserId: b.id });
  }
  await t.mock.clock.advance(30 * MINUTE);
  const all = t.mock.pages();
  expect(all.length).toBeGreaterThan(20);

  const values = <K extends keyof PageFilter>(key: K) => [...new Set(all.map((page) => page[key]))] as Array<MockPage[K]>;
  const filters: PageFilter[] = [
    {},
    ...values('incidentId').map((incidentId) => ({ incidentId })),
    ...values('userId').map((userId) => ({ userId })),
    ...values('layerId').map((layerId) => ({ layerId })),
    ...values('position').map((position) => ({ position })),
    ...values('orgId').map((orgId) => ({ orgId })),
    { reason: 'handoff' },
    { reason: 'escalation' },
    ...values('incidentId').flatMap((incidentId) => values('userId').map((userId) => ({ incidentId, userId, reason: 'escalation' as const }))),
    { incidentId: 'inc_never' },
    { userId: 'usr_never' },
    { incidentId: all[0]!.incidentId, orgId: all.at(-1)!.orgId === all[0]!.orgId ? 'org_other' : all.at(-1)!.orgId },
  ];
  for (const filter of filters) {
    const expected = all.filter((page) => Object.entries(filter).every(([key, value]) => page[key as keyof MockPage] === value));
    expect(t.mock.pages(filter), JSON.stringify(filter)).toEqual(expected);
  }
  // Some filters match and some do not: the comparison above is not between empty lists only.
  expect(filters.filter((filter) => t.mock.pages(filter).length > 0).length).toBeGreaterThan(20);
  expect(t.mock.pages({ layerId: null }).length).toBeGreaterThan(0);
});

import { expect, test } from 'vitest';
import { Scaling, ScalingNotFoundError } from '@scaling-cloud/sdk';
import { createScalingMock } from '@scaling-cloud/sdk/mocks';

test('an unacknowledged incident pages the second layer after five minutes', async () => {
  const mock = createScalingMock({ now: '2026-04-07T10:00:00Z' });
  const scaling = new Scaling({ apiKey: mock.apiKey, fetch: mock.fetch });
  const ada = mock.createUser({ firstName: 'Ada' });
  const grace = mock.createUser({ firstName: 'Grace' });

  const policy = await scaling.policies.create({ name: 'Checkout' });
  await scaling.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 5, target: { type: 'users', userIds: [ada.id] } });
  await scaling.policies.layers.create(policy.id, { position: 2, ackTimeoutMinutes: 5, target: { type: 'users', userIds: [grace.id] } });
  const incident = await scaling.incidents.create({ title: 'Checkout down', severity: 'critical', escalationPolicyId: policy.id });

  await mock.clock.advance(5 * 60_000); // virtual time: runs every escalation step that falls due
  expect(mock.pages({ incidentId: incident.id }).map((page) => page.userId)).toEqual([ada.id, grace.id]);

  mock.faults.add({ method: 'GET', path: '/incidents/{incidentId}', status: 404, code: 'not_found', times: 1 });
  await expect(scaling.incidents.get(incident.id)).rejects.toBeInstanceOf(ScalingNotFoundError);
});

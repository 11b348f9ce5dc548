import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createScalingMock } from '../mocks/index.js';
import { Scaling } from '../src/index.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

const until = async (check: () => boolean, timeoutMs = 5_000) => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

test('real-time mode: the clock follows the wall clock (here 60 000× faster) and escalation happens on its own', async () => {
  const mock = createScalingMock({ now: '2026-04-07T10:00:00Z', realtime: { speed: 60_000 } });
  server.resetHandlers(...mock.handlers);
  try {
    const scaling = new Scaling({ apiKey: mock.apiKey, baseUrl: mock.baseUrl });
    const [a, b] = [mock.createUser(), mock.createUser()];
    const policy = await scaling.policies.create({ name: 'Fast' });
    await scaling.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 1, target: { type: 'users', userIds: [a.id] } });
    await scaling.policies.layers.create(policy.id, { position: 2, ackTimeoutMinutes: 1, target: { type: 'users', userIds: [b.id] } });
    const incident = await scaling.incidents.create({ title: 'Fast', severity: 'low', escalationPolicyId: policy.id });
    // One virtual minute is one wall millisecond: layer 2 comes within moments, with nobody advancing the clock.
    await until(() => mock.pages({ incidentId: incident.id }).length === 2);
    const [first, second] = mock.pages({ incidentId: incident.id });
    expect(Date.parse(second!.at) - Date.parse(first!.at)).toBe(60_000);
    expect(mock.clock.now().getTime()).toBeGreaterThan(Date.parse('2026-04-07T10:00:00Z'));
  } finally {
    mock.close();
  }
  // Stopped: time stands still again.
  const stopped = mock.clock.now().getTime();
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(mock.clock.now().getTime()).toBe(stopped);
});

test('real-time mode refuses a speed that is not a positive number', () => {
  expect(() => createScalingMock({ realtime: { speed: 0 } })).toThrow(RangeError);
});

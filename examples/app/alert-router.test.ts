// How to test your own code with the mock: one MSW server for the file, a fresh mock per test,
// `server.use` for one-off failures, `resetHandlers` to put the API back.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { Scaling } from '@scaling-cloud/sdk';
import { createScalingMock, type ScalingMock } from '@scaling-cloud/sdk/mocks';
import '@scaling-cloud/sdk/mocks/vitest'; // expect(mock).toHavePaged(…), .toHaveExhausted(…)
import { routeAlert, type RouterConfig } from './alert-router.js';

const server = setupServer();
// msw 2 reads onUnhandledRequest, msw 3 onUnhandledFrame: with both, a request nothing answers fails on either.
const onUnhandled = { onUnhandledRequest: 'error', onUnhandledFrame: 'error' } as const;
let mock: ScalingMock;
let scaling: Scaling;
let config: RouterConfig;
let onCall: { primary: string; lead: string };

beforeAll(() => server.listen(onUnhandled));
beforeEach(async () => {
  mock = createScalingMock({ now: '2026-04-07T10:00:00Z' });
  server.resetHandlers(...mock.handlers);
  scaling = new Scaling({ apiKey: mock.apiKey, baseUrl: mock.baseUrl, maxRetries: 0 });
  onCall = { primary: mock.createUser({ firstName: 'Primary' }).id, lead: mock.createUser({ firstName: 'Lead' }).id };
  const policy = await scaling.policies.create({ name: 'Checkout' });
  await scaling.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 5, target: { type: 'users', userIds: [onCall.primary] } });
  await scaling.policies.layers.create(policy.id, { position: 2, ackTimeoutMinutes: 15, target: { type: 'users', userIds: [onCall.lead] } });
  config = { policyByService: { checkout: policy.id } };
});
afterAll(() => server.close());

describe('routeAlert', () => {
  test('pages the on-call at once, and the lead 5 minutes later if nobody acknowledges', async () => {
    const incident = await routeAlert(scaling, { service: 'checkout', severity: 'critical', summary: 'error rate 12%' }, config);
    expect(incident?.title).toBe('checkout: error rate 12%');
    expect(mock.pages({ incidentId: incident!.id }).map((page) => page.userId)).toEqual([onCall.primary]);

    await mock.clock.advance(5 * 60_000);
    expect(mock).toHavePaged(onCall.lead, { incidentId: incident!.id, position: 2, at: '2026-04-07T10:05:00Z' });
    expect(mock.pages({ incidentId: incident!.id }).map((page) => [page.userId, page.at])).toEqual([
      [onCall.primary, '2026-04-07T10:00:00.000Z'],
      [onCall.lead, '2026-04-07T10:05:00.000Z'],
    ]);
    await mock.clock.advance(15 * 60_000);
    expect(mock).toHaveExhausted(incident!.id);
  });

  test('returns null when the incident API is down, so the caller can fall back', async () => {
    server.use(http.post(`${mock.baseUrl}/incidents`, () => HttpResponse.json({ code: 'server_error' }, { status: 503 }), { once: true }));
    expect(await routeAlert(scaling, { service: 'checkout', severity: 'high', summary: 'slow' }, config)).toBeNull();
    // `once`: the next request reaches the mock again.
    expect(await routeAlert(scaling, { service: 'checkout', severity: 'high', summary: 'slow' }, config)).not.toBeNull();
  });

  test('lets a client error through: that is a bug to fix, not an outage to route around', async () => {
    server.use(http.post(`${mock.baseUrl}/incidents`, () => new Promise<never>(() => {})));
    server.resetHandlers(...mock.handlers); // back to the plain mock
    await expect(routeAlert(scaling, { service: 'search', severity: 'low', summary: 'x' }, config)).rejects.toThrow(/No escalation policy/);
    await expect(
      routeAlert(scaling, { service: 'checkout', severity: 'low', summary: 'x'.repeat(200) }, config),
    ).rejects.toMatchObject({ name: 'ScalingValidationError', field: 'title' });
  });
});

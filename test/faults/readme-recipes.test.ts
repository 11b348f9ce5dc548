/**
 * The recipes of "Testing failures" (docs/testing.md), as written there, so that the page stays true.
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { createScalingMock, scalingError, type ScalingMock } from '../../mocks/index.js';
import {
  Scaling,
  ScalingConnectionError,
  ScalingRateLimitError,
  ScalingServerError,
  ScalingTimeoutError,
  type IncidentCreateParams,
} from '../../src/index.js';

const setup = async () => {
  const mock = createScalingMock({ now: '2026-04-07T10:00:00Z' });
  const scaling = new Scaling({ apiKey: mock.apiKey, fetch: mock.fetch });
  const policy = await scaling.policies.create({ name: 'Checkout' });
  const input = { severity: 'critical', escalationPolicyId: policy.id } as const;
  return { mock, scaling, input };
};

test('a 500 on incidents.create, with and without the write applied: check before creating again', async () => {
  const { mock, scaling, input } = await setup();
  const openIncident = async (params: IncidentCreateParams) => {
    try {
      return await scaling.incidents.create(params);
    } catch (error) {
      const unknownOutcome = error instanceof ScalingServerError || error instanceof ScalingConnectionError;
      if (!unknownOutcome) throw error;
      const { incidents } = await scaling.incidents.list({ status: 'investigating' });
      return incidents.find((incident) => incident.title === params.title) ?? (await scaling.incidents.create(params));
    }
  };
  mock.faults.add({ method: 'POST', path: '/incidents', status: 500, times: 1 });
  await openIncident({ ...input, title: 'Checkout down' });
  mock.faults.add({ method: 'POST', path: '/incidents', afterWrite: true, times: 1 });
  await openIncident({ ...input, title: 'Payments down' });

  const { incidents } = await scaling.incidents.list();
  expect(incidents.map((incident) => incident.title).sort()).toEqual(['Checkout down', 'Payments down']);
  expect(mock.requests({ method: 'POST', path: '/incidents' }).map((request) => request.status)).toEqual([500, 201, 500]);
});

test('a 429 with Retry-After', async () => {
  const { mock, scaling } = await setup();
  mock.faults.add({ method: 'GET', path: '/incidents', status: 429, retryAfter: 0, times: 1 });
  await scaling.incidents.list();
  mock.faults.add({ method: 'GET', path: '/incidents', status: 429, retryAfter: 30 });
  const error = await scaling.incidents.list({}, { maxRetries: 0 }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ScalingRateLimitError);
  expect((error as ScalingRateLimitError).retryAfterMs).toBe(30_000);
});

test('a timeout, and a dropped connection', async () => {
  const { mock, scaling, input } = await setup();
  const { id: incidentId } = await scaling.incidents.create({ ...input, title: 'Slow' });
  mock.faults.add({ method: 'GET', path: '/incidents/{incidentId}', network: 'timeout' });
  await expect(scaling.incidents.get(incidentId, { timeoutMs: 200, maxRetries: 0 })).rejects.toBeInstanceOf(ScalingTimeoutError);

  mock.faults.add({ method: 'GET', network: 'reset', times: 1 });
  await scaling.incidents.list({}, { maxRetries: 1 });
  mock.faults.add({ method: 'POST', path: '/incidents', network: 'reset' });
  await expect(scaling.incidents.create({ ...input, title: 'Checkout down' })).rejects.toBeInstanceOf(ScalingConnectionError);
});

test('asserting the number of attempts with mock.requests', async () => {
  const { mock, scaling, input } = await setup();
  mock.faults.add({ method: 'GET', path: '/incidents', status: 503, retryAfter: 0, times: 1 });
  await scaling.incidents.list({}, { maxRetries: 2 });
  expect(mock.requests({ method: 'GET', path: '/incidents' }).map((request) => request.status)).toEqual([503, 200]);

  mock.faults.add({ method: 'POST', path: '/incidents', afterWrite: true, times: 1 });
  await scaling.incidents.create({ ...input, title: 'Once' }).catch(() => undefined);
  expect(mock.requests({ method: 'POST', path: '/incidents' })).toHaveLength(1);
});

test('any other answer: an override, and one that returns nothing', async () => {
  const { mock, scaling, input } = await setup();
  const seen: string[] = [];
  mock.use(http.post(`${mock.baseUrl}/incidents`, () => scalingError(409, 'name_conflict', { message: 'Taken.' }), { once: true }));
  mock.use(http.get(`${mock.baseUrl}/incidents`, ({ request }) => void seen.push(request.url)));
  await expect(scaling.incidents.create({ ...input, title: 'A' })).rejects.toMatchObject({ name: 'ScalingConflictError', code: 'name_conflict' });
  await expect(scaling.incidents.create({ ...input, title: 'A' })).resolves.toMatchObject({ title: 'A' });
  expect((await scaling.incidents.list()).incidents).toHaveLength(1);
  expect(seen).toEqual([`${mock.baseUrl}/incidents`]);
  mock.use(http.get(`${mock.baseUrl}/incidents`, () => HttpResponse.error()));
  await expect(scaling.incidents.list({}, { maxRetries: 0 })).rejects.toBeInstanceOf(ScalingConnectionError);
  mock.resetHandlers();
  await expect(scaling.incidents.list()).resolves.toMatchObject({ incidents: [{ title: 'A' }] });
});

describe.concurrent('parallel tests with mock.fetch: each mock its own faults and log', () => {
  const run = async (fault: boolean) => {
    const mock = createScalingMock({ now: '2026-04-07T10:00:00Z' });
    const scaling = new Scaling({ apiKey: mock.apiKey, fetch: mock.fetch, maxRetries: 0 });
    if (fault) mock.faults.add({ network: 'timeout' });
    const result = await scaling.policies.list({ timeoutMs: 300 }).then(
      () => 'answered',
      (error: unknown) => (error as Error).name,
    );
    return { result, log: mock.requests().map((request) => request.status) };
  };
  test('one times out', async () => expect(await run(true)).toEqual({ result: 'ScalingTimeoutError', log: [0] }));
  test('the other, at the same time, does not', async () => expect(await run(false)).toEqual({ result: 'answered', log: [200] }));
});

describe('parallel tests with one setupServer and several mocks, each its own baseUrl', () => {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterAll(() => server.close());
  const start = () => {
    const mock = createScalingMock({ baseUrl: `https://${crypto.randomUUID()}.scaling.test/v1` });
    server.use(...mock.handlers);
    return { mock, scaling: new Scaling({ apiKey: mock.apiKey, baseUrl: mock.baseUrl, maxRetries: 0 }) };
  };
  const mocks: ScalingMock[] = [];
  test.concurrent.each([true, false])('faulted: %s', async (fault) => {
    const { mock, scaling } = start();
    mocks.push(mock);
    if (fault) mock.use(http.get('*/escalation/policies', () => scalingError(503, 'server_error')));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const outcome = await scaling.policies.list().then(
      (policies) => policies.length,
      (error: unknown) => (error as ScalingServerError).status,
    );
    expect(outcome).toBe(fault ? 503 : 0);
    expect(mock.requests().map((request) => request.status)).toEqual([fault ? 503 : 200]);
  });
  test('the two ran side by side', () => expect(mocks).toHaveLength(2));
});

describe('the virtual clock is not Date.now()', () => {
  afterEach(() => vi.useRealTimers());

  test('vi.setSystemTime(mock.clock.now()) makes Date follow it; the SDK’s timeouts stay real', async () => {
    const { mock, scaling } = await setup();
    vi.setSystemTime(mock.clock.now());
    expect(new Date().toISOString()).toBe('2026-04-07T10:00:00.000Z');
    await mock.clock.advance(5 * 60_000);
    vi.setSystemTime(mock.clock.now());
    expect(Date.now()).toBe(Date.parse('2026-04-07T10:05:00.000Z'));
    mock.faults.add({ network: 'timeout', times: 1 });
    await expect(scaling.policies.list({ timeoutMs: 100, maxRetries: 0 })).rejects.toBeInstanceOf(ScalingTimeoutError);
  });
});

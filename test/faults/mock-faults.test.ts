/**
 * `mock.faults`, through the SDK, on both ways of reaching the mock: `mock.fetch`, and a
 * `setupServer(...mock.handlers)` whose handlers were installed before the rule was added. Each fault
 * kind, the SDK's retry rules against it (docs/client.md, "Retries"), and the request log that shows what the
 * mock saw. The file ends with no timer or unhandled rejection left.
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createScalingMock, type ScalingMock } from '../../mocks/index.js';
import {
  Scaling,
  ScalingConnectionError,
  ScalingRateLimitError,
  ScalingServerError,
  ScalingTimeoutError,
  type ClientOptions,
} from '../../src/index.js';

/** Timers alive now. */
const timers = () => process.getActiveResourcesInfo().filter((type) => type === 'Timeout').length;

// No timer outlives the file (a delay cut short by the client's timeout clears its own), and no
// rejection goes unhandled. Sockets are not counted: MSW's interception in Node keeps its own.
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => void rejections.push(reason);
let timersBefore = 0;
beforeAll(() => {
  process.on('unhandledRejection', onRejection);
  timersBefore = timers();
});
afterAll(async () => {
  await new Promise((resolve) => setImmediate(resolve));
  process.off('unhandledRejection', onRejection);
  expect(rejections, 'unhandled rejections during the file').toEqual([]);
  expect(timers(), 'timers left after the file').toBeLessThanOrEqual(timersBefore);
});

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

/** How a test reaches the mock: a fresh mock, and a client on it (no retries unless asked). */
const transports: Record<string, (mock: ScalingMock, options?: ClientOptions) => Scaling> = {
  'mock.fetch': (mock, options = {}) => new Scaling({ apiKey: mock.apiKey, fetch: mock.fetch, maxRetries: 0, ...options }),
  setupServer: (mock, options = {}) => new Scaling({ apiKey: mock.apiKey, baseUrl: mock.baseUrl, maxRetries: 0, ...options }),
};

/** A fresh mock; its handlers go into the MSW server now, before any rule is added. */
const freshMock = () => {
  const mock = createScalingMock({ now: '2026-04-07T10:00:00.000Z' });
  server.resetHandlers(...mock.handlers);
  return mock;
};

const failure = (promise: Promise<unknown>) =>
  promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );

/** The log as `METHOD path status fault?`, short enough to compare whole. */
const logOf = (mock: ScalingMock) =>
  mock.requests().map((request) => `${request.method} ${request.path} ${request.status}${request.fault ? ` ${request.fault}` : ''}`);

describe.each(Object.keys(transports))('through %s', (transport) => {
  const connect = transports[transport]!;
  const incidentInput = (mock: ScalingMock, title: string) => ({ title, severity: 'critical' as const, ownerId: mock.userId });

  test('status: the API’s error body before anything is applied; a GET after a 503 with Retry-After: 0 succeeds on its second attempt', async () => {
    const mock = freshMock();
    await connect(mock).policies.create({ name: 'Checkout' });
    mock.faults.add({ method: 'GET', path: '/escalation/policies', status: 503, retryAfter: 0, times: 1 });

    const started = performance.now();
    const policies = await connect(mock, { maxRetries: 2 }).policies.list();
    expect(policies.map((policy) => policy.name)).toEqual(['Checkout']);
    // Retry-After: 0 is honoured: no backoff of 500 ms or more.
    expect(performance.now() - started).toBeLessThan(500);
    expect(logOf(mock)).toEqual(['POST /escalation/policies 201', 'GET /escalation/policies 503 error', 'GET /escalation/policies 200']);

    // The answer is the API's own error body, with the request id of its header.
    mock.faults.add({ method: 'GET', path: '/escalation/policies', status: 503, code: 'maintenance', message: 'Back soon.', times: 1 });
    const error = await failure(connect(mock).policies.list());
    expect(error).toBeInstanceOf(ScalingServerError);
    expect(error).toMatchObject({
      status: 503,
      code: 'maintenance',
      type: 'internal_error',
      attempts: 1,
      body: { statusCode: 503, type: 'internal_error', code: 'maintenance', message: 'Back soon.', requestId: (error as ScalingServerError).requestId },
    });
    expect((error as ScalingServerError).headers.get('x-request-id')).toBe((error as ScalingServerError).requestId);
  });

  test('status before the write: a creating POST answered 500 changed nothing, and is not retried', async () => {
    const mock = freshMock();
    mock.faults.add({ method: 'POST', path: '/incidents', status: 500 });
    const error = await failure(connect(mock, { maxRetries: 2 }).incidents.create(incidentInput(mock, 'Checkout down')));
    expect(error).toMatchObject({ name: 'ScalingServerError', status: 500, code: 'server_error', attempts: 1 });
    mock.faults.clear();
    expect((await connect(mock).incidents.list()).incidents).toEqual([]);
    expect(mock.requests({ method: 'POST' })).toEqual([
      expect.objectContaining({ path: '/incidents', status: 500, fault: 'error', body: incidentInput(mock, 'Checkout down') }),
    ]);
  });

  test('429 with retryAfter: ScalingRateLimitError with the hint once the retries are spent', async () => {
    const mock = freshMock();
    mock.faults.add({ path: '/escalation/policies', status: 429, retryAfter: 0 });
    const error = await failure(connect(mock, { maxRetries: 1 }).policies.list());
    expect(error).toBeInstanceOf(ScalingRateLimitError);
    expect(error).toMatchObject({ status: 429, code: 'rate_limited', type: 'rate_limit_error', attempts: 2, retryAfterMs: 0 });
    expect(logOf(mock)).toEqual(['GET /escalation/policies 429 error', 'GET /escalation/policies 429 error']);
  });

  test('afterWrite: a creating POST is applied, its 500 is not retried, and the incident exists once', async () => {
    const mock = freshMock();
    mock.faults.add({ method: 'POST', path: '/incidents', afterWrite: true, times: 1 });
    const error = await failure(connect(mock, { maxRetries: 2 }).incidents.create(incidentInput(mock, 'Checkout down')));
    expect(error).toMatchObject({ name: 'ScalingServerError', status: 500, code: 'server_error', attempts: 1 });

    // Checking before retrying: the write happened.
    const { incidents: data } = await connect(mock).incidents.list();
    expect(data.map((incident) => incident.title)).toEqual(['Checkout down']);
    expect(mock.requests({ method: 'POST', path: '/incidents' })).toEqual([
      expect.objectContaining({ status: 500, fault: 'afterWrite', orgId: mock.orgId, body: incidentInput(mock, 'Checkout down') }),
    ]);
  });

  test('afterWrite with network reset: applied, then the connection drops; ScalingConnectionError, not retried', async () => {
    const mock = freshMock();
    mock.faults.add({ method: 'POST', path: '/incidents', afterWrite: true, network: 'reset' });
    const error = await failure(connect(mock, { maxRetries: 2 }).incidents.create(incidentInput(mock, 'Checkout down')));
    expect(error).toBeInstanceOf(ScalingConnectionError);
    expect(error).toMatchObject({ attempts: 1 });
    mock.faults.clear();
    expect((await connect(mock).incidents.list()).incidents).toHaveLength(1);
    expect(logOf(mock)).toEqual(['POST /incidents 0 afterWrite', 'GET /incidents 200']);
  });

  test('network reset: ScalingConnectionError; a GET is retried and succeeds, a creating POST is not and changed nothing', async () => {
    const mock = freshMock();
    mock.faults.add({ method: 'GET', network: 'reset', times: 1 });
    await expect(connect(mock, { maxRetries: 1 }).policies.list()).resolves.toEqual([]);

    mock.faults.add({ method: 'POST', path: '/escalation/policies', network: 'reset' });
    const error = await failure(connect(mock, { maxRetries: 2 }).policies.create({ name: 'Checkout' }));
    expect(error).toBeInstanceOf(ScalingConnectionError);
    expect(error).not.toBeInstanceOf(ScalingTimeoutError);
    expect(error).toMatchObject({ attempts: 1 });
    mock.faults.clear();
    expect(await connect(mock).policies.list()).toEqual([]);
    expect(logOf(mock)).toEqual([
      'GET /escalation/policies 0 reset',
      'GET /escalation/policies 200',
      'POST /escalation/policies 0 reset',
      'GET /escalation/policies 200',
    ]);
  });

  test('network timeout: no answer until the client’s timeoutMs, then the SDK’s ScalingTimeoutError', async () => {
    const mock = freshMock();
    mock.faults.add({ method: 'GET', path: '/escalation/policies/{policyId}', network: 'timeout' });
    const started = performance.now();
    const error = await failure(connect(mock, { timeoutMs: 200 }).policies.get('pol_1'));
    expect(error).toBeInstanceOf(ScalingTimeoutError);
    expect(error).toMatchObject({ attempts: 1, method: 'GET', path: '/escalation/policies/pol_1' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(mock.requests()).toEqual([expect.objectContaining({ path: '/escalation/policies/{policyId}', status: 0, fault: 'timeout' })]);
    // Other requests are unaffected.
    await expect(connect(mock).policies.list()).resolves.toEqual([]);
  });

  test('delayMs: the mock’s own answer, late in real time; the virtual clock does not move', async () => {
    const mock = freshMock();
    mock.faults.add({ method: 'POST', delayMs: 300, times: 1 });
    const started = performance.now();
    const policy = await connect(mock).policies.create({ name: 'Late' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(policy.createdAt).toBe('2026-04-07T10:00:00.000Z');
    expect(mock.clock.now().toISOString()).toBe('2026-04-07T10:00:00.000Z');
    expect(logOf(mock)).toEqual(['POST /escalation/policies 201 delay']);

    // Longer than the client waits: a timeout, and the delay's timer ends with the request (checked after the file).
    mock.faults.add({ method: 'GET', delayMs: 60_000 });
    await expect(connect(mock, { timeoutMs: 100 }).policies.list()).rejects.toBeInstanceOf(ScalingTimeoutError);
    expect(mock.requests({ method: 'GET' })).toEqual([expect.objectContaining({ status: 0, fault: 'delay' })]);
  });

  test('delayMs with status: the error comes late', async () => {
    const mock = freshMock();
    mock.faults.add({ path: '/escalation/policies', status: 502, delayMs: 200 });
    const started = performance.now();
    await expect(connect(mock).policies.list()).rejects.toMatchObject({ name: 'ScalingServerError', status: 502, code: 'server_error' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  test('times: the rule faults that many matching requests, then the mock answers; the oldest matching rule goes first', async () => {
    const mock = freshMock();
    const scaling = connect(mock);
    mock.faults.add({ method: 'GET', status: 500, times: 2 });
    mock.faults.add({ method: 'GET', status: 404, code: 'not_found', times: 1 });
    await expect(scaling.policies.list()).rejects.toMatchObject({ status: 500 });
    await expect(scaling.policies.list()).rejects.toMatchObject({ status: 500 });
    await expect(scaling.policies.list()).rejects.toMatchObject({ status: 404, code: 'not_found' });
    await expect(scaling.policies.list()).resolves.toEqual([]);
    expect(mock.requests().map((request) => request.status)).toEqual([500, 500, 404, 200]);
  });

  test('rules match on method and path: the table’s path, a path as sent, or a RegExp', async () => {
    const mock = freshMock();
    const scaling = connect(mock);
    const policy = await scaling.policies.create({ name: 'Checkout' });
    mock.faults.add({ method: 'delete', path: '/escalation/policies/{policyId}', status: 503 });
    mock.faults.add({ path: `/escalation/policies/${policy.id}/layers`, status: 500 });
    mock.faults.add({ path: /\/replace$/, status: 502 });

    await expect(scaling.policies.get(policy.id)).resolves.toMatchObject({ id: policy.id });
    await expect(scaling.policies.delete(policy.id)).rejects.toMatchObject({ status: 503 });
    await expect(scaling.policies.layers.list(policy.id)).rejects.toMatchObject({ status: 500 });
    await expect(scaling.policies.layers.list('pol_other')).rejects.toMatchObject({ status: 404 });
    mock.faults.clear();
    await expect(scaling.policies.delete(policy.id)).resolves.toBeUndefined();
  });

  test('a fault is logged with the virtual time of its arrival, the org of its key and its body', async () => {
    const mock = freshMock();
    await mock.clock.advance(5 * 60_000);
    mock.faults.add({ method: 'POST', status: 500 });
    await failure(connect(mock).policies.create({ name: 'Checkout', description: 'Pays' }));
    expect(mock.requests()).toEqual([
      {
        method: 'POST',
        path: '/escalation/policies',
        url: `${mock.baseUrl}/escalation/policies`,
        status: 500,
        orgId: mock.orgId,
        body: { name: 'Checkout', description: 'Pays' },
        at: '2026-04-07T10:05:00.000Z',
        fault: 'error',
      },
    ]);
  });

  test('reset() clears the rules and the log', async () => {
    const mock = freshMock();
    mock.faults.add({ status: 500 });
    await failure(connect(mock).policies.list());
    mock.reset();
    expect(mock.requests()).toEqual([]);
    await expect(connect(mock).policies.list()).resolves.toEqual([]);
  });
});

describe('the log is in arrival order', () => {
  test('a delayed request is listed before a later one answered first; a request is listed once answered', async () => {
    const mock = freshMock();
    const scaling = transports['mock.fetch']!(mock);
    mock.faults.add({ method: 'POST', delayMs: 200, times: 1 });
    const late = scaling.policies.create({ name: 'Late' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await scaling.policies.list();
    expect(logOf(mock)).toEqual(['GET /escalation/policies 200']);
    await late;
    expect(logOf(mock)).toEqual(['POST /escalation/policies 201 delay', 'GET /escalation/policies 200']);
  });
});

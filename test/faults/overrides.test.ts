/**
 * `mock.use()` / `mock.resetHandlers()` and `scalingError()`, through the SDK, on `mock.fetch` and on a
 * `setupServer(...mock.handlers)` made before the overrides; and a status-0 answer (`Response.error()`)
 * from an override or a custom `fetch`, which the client reports as a dropped connection.
 */
import { http, HttpResponse, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createScalingMock, scalingError, type ScalingMock } from '../../mocks/index.js';
import { Scaling, ScalingAPIError, ScalingConnectionError, ScalingServerError, type ClientOptions } from '../../src/index.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

const transports: Record<string, (mock: ScalingMock, options?: ClientOptions) => Scaling> = {
  'mock.fetch': (mock, options = {}) => new Scaling({ apiKey: mock.apiKey, fetch: mock.fetch, maxRetries: 0, ...options }),
  setupServer: (mock, options = {}) => new Scaling({ apiKey: mock.apiKey, baseUrl: mock.baseUrl, maxRetries: 0, ...options }),
};

/** A fresh mock whose handlers are in the MSW server already: overrides come after. */
const freshMock = () => {
  const mock = createScalingMock({ now: '2026-04-07T10:00:00.000Z' });
  server.resetHandlers(...mock.handlers);
  return mock;
};

const policiesUrl = (mock: ScalingMock) => `${mock.baseUrl}/escalation/policies`;

describe.each(Object.keys(transports))('through %s', (transport) => {
  const connect = transports[transport]!;

  test('an override takes effect at once, in front of the mock; resetHandlers() removes it', async () => {
    const mock = freshMock();
    const scaling = connect(mock);
    await scaling.policies.create({ name: 'Real' });
    mock.use(http.get(policiesUrl(mock), () => HttpResponse.json({ data: [] })));
    expect(await scaling.policies.list()).toEqual([]);
    mock.resetHandlers();
    expect((await scaling.policies.list()).map((policy) => policy.name)).toEqual(['Real']);
  });

  test('a handler that returns nothing falls through to the mock, with the body still there for the route', async () => {
    const mock = freshMock();
    const seen: unknown[] = [];
    mock.use(
      http.post(policiesUrl(mock), async ({ request }) => {
        seen.push(await request.json());
      }),
    );
    const policy = await connect(mock).policies.create({ name: 'Checkout' });
    expect(seen).toEqual([{ name: 'Checkout' }]);
    expect(policy).toMatchObject({ name: 'Checkout', orgId: mock.orgId });
    expect(mock.requests()).toEqual([expect.objectContaining({ method: 'POST', status: 201, body: { name: 'Checkout' } })]);
    expect(mock.requests()[0]).not.toHaveProperty('override');
  });

  test('passthrough() from an override hands the request to the mock (there is no network behind it)', async () => {
    const mock = freshMock();
    const scaling = connect(mock);
    await scaling.policies.create({ name: 'Real' });
    mock.use(http.get(policiesUrl(mock), () => passthrough()));
    expect((await scaling.policies.list()).map((policy) => policy.name)).toEqual(['Real']);
    expect(mock.requests({ method: 'GET' })).toEqual([expect.objectContaining({ status: 200 })]);
    expect(mock.requests({ method: 'GET' })[0]).not.toHaveProperty('override');
  });

  test('the newest override answers first; { once: true } answers once, then the one below does', async () => {
    const mock = freshMock();
    const names = (...list: string[]) =>
      HttpResponse.json({
        data: list.map((name, index) => ({
          id: `pol_${index}`, orgId: mock.orgId, name, description: null, createdBy: mock.userId,
          createdAt: '2026-04-07T10:00:00.000Z', updatedAt: '2026-04-07T10:00:00.000Z',
        })),
      });
    mock.use(http.get(policiesUrl(mock), () => names('older')));
    mock.use(http.get(policiesUrl(mock), () => names('newer'), { once: true }));
    const scaling = connect(mock);
    expect((await scaling.policies.list()).map((policy) => policy.name)).toEqual(['newer']);
    expect((await scaling.policies.list()).map((policy) => policy.name)).toEqual(['older']);
    expect(mock.requests().map((request) => [request.status, request.override])).toEqual([[200, true], [200, true]]);
  });

  test('scalingError(): the API’s own error body, so the SDK reads it as it would the API’s', async () => {
    const mock = freshMock();
    mock.use(http.post(policiesUrl(mock), () => scalingError(503, 'server_error', { message: 'Down for maintenance.' })));
    const error = await connect(mock, { maxRetries: 2 }).policies.create({ name: 'Checkout' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingServerError);
    const apiError = error as ScalingServerError;
    expect(apiError).toMatchObject({ status: 503, code: 'server_error', type: 'internal_error', message: expect.stringContaining('Down for maintenance.'), attempts: 1 });
    expect(apiError.body).toEqual({ statusCode: 503, type: 'internal_error', code: 'server_error', message: 'Down for maintenance.', requestId: apiError.requestId });
    expect(apiError.headers.get('x-request-id')).toBe(apiError.requestId);
    expect(mock.requests()).toEqual([expect.objectContaining({ status: 503, override: true, body: { name: 'Checkout' } })]);
  });

  test('an override’s Response.error() is a ScalingConnectionError; a GET retries past it', async () => {
    const mock = freshMock();
    mock.use(http.get(policiesUrl(mock), () => HttpResponse.error(), { once: true }));
    await expect(connect(mock, { maxRetries: 1 }).policies.list()).resolves.toEqual([]);

    mock.use(http.get(policiesUrl(mock), () => HttpResponse.error()));
    const error = await connect(mock, { maxRetries: 1 }).policies.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingConnectionError);
    expect(error).not.toBeInstanceOf(ScalingAPIError);
    expect(error).toMatchObject({ attempts: 2 });
    expect(mock.requests().map((request) => request.status)).toEqual([0, 200, 0, 0]);
  });

  test('reset() removes the overrides', async () => {
    const mock = freshMock();
    mock.use(http.get(policiesUrl(mock), () => scalingError(500, 'server_error')));
    mock.reset();
    await expect(connect(mock).policies.list()).resolves.toEqual([]);
  });
});

test('an override only sees requests under baseUrl; each mock has its own (two mocks in one setupServer)', async () => {
  const first = createScalingMock({ baseUrl: 'https://first.test/v1' });
  const second = createScalingMock({ baseUrl: 'https://second.test/v1' });
  server.resetHandlers(...first.handlers, ...second.handlers);
  first.use(http.get('*/escalation/policies', () => scalingError(500, 'server_error')));
  const client = (mock: ScalingMock) => new Scaling({ apiKey: mock.apiKey, baseUrl: mock.baseUrl, maxRetries: 0 });
  await expect(client(first).policies.list()).rejects.toMatchObject({ status: 500 });
  await expect(client(second).policies.list()).resolves.toEqual([]);
  expect(second.requests()).toEqual([expect.objectContaining({ status: 200 })]);
});

describe('scalingError()', () => {
  test('is the body the mock sends for its own errors: same fields, same type for the status', async () => {
    const mock = createScalingMock();
    const own = await mock.fetch(`${mock.baseUrl}/escalation/policies/pol_missing`, { headers: { authorization: `Bearer ${mock.apiKey}` } });
    const built = scalingError(404, 'not_found');
    const [ownBody, builtBody] = [await own.json(), await built.json()];
    expect(Object.keys(builtBody)).toEqual(Object.keys(ownBody));
    expect(builtBody).toEqual({ ...ownBody, message: expect.any(String), requestId: built.headers.get('x-request-id') });
    expect(built.status).toBe(404);
    expect(built.headers.get('content-type')).toBe(own.headers.get('content-type'));
  });

  test('the type follows the status; headers are added, and an x-request-id among them is the body’s', async () => {
    const typeOf = async (status: number) => ((await scalingError(status, 'x').json()) as { type: string }).type;
    expect(await Promise.all([400, 401, 403, 404, 422, 429, 500, 503].map(typeOf))).toEqual([
      'invalid_request_error',
      'not_authorized_error',
      'permission_error',
      'invalid_request_error',
      'validation_error',
      'rate_limit_error',
      'internal_error',
      'internal_error',
    ]);
    const limited = scalingError(429, 'rate_limited', { headers: { 'retry-after': '7', 'x-request-id': 'req_fixed' } });
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(await limited.json()).toMatchObject({ requestId: 'req_fixed', message: expect.any(String) });
  });

  test('bad arguments are refused, naming the argument', () => {
    expect(() => scalingError(200, 'ok')).toThrow(new RangeError('scalingError: status must be an error status from 400 to 599; got 200'));
    expect(() => scalingError(500.5, 'x')).toThrow(RangeError);
    expect(() => scalingError(500, '')).toThrow(/code must be a non-empty string/);
    expect(() => scalingError(500, 'x', { message: 5 as unknown as string })).toThrow(/options.message must be a string/);
    expect(() => scalingError(500, 'x', { headers: { 'bad header': 'x' } })).toThrow(/options.headers/);
  });
});

test('mock.use() refuses what is not an MSW request handler, naming it', () => {
  const mock = createScalingMock();
  expect(() => mock.use(http.get('*', () => undefined), (() => undefined) as never)).toThrow(/mock.use: handlers\[1\] must be an MSW request handler/);
});

describe('a status-0 response from a custom fetch is a dropped connection', () => {
  const brokenOnce = (mock: ScalingMock) => {
    const seen: string[] = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const request = new Request(input, init);
      seen.push(request.method);
      return seen.length === 1 ? Response.error() : mock.fetch(request);
    };
    return { fetch, seen };
  };

  test('a GET is retried and succeeds', async () => {
    const mock = createScalingMock();
    const { fetch, seen } = brokenOnce(mock);
    await expect(new Scaling({ apiKey: mock.apiKey, fetch, maxRetries: 1 }).policies.list()).resolves.toEqual([]);
    expect(seen).toEqual(['GET', 'GET']);
  });

  test('a creating POST is not retried: ScalingConnectionError, never an API error with status 0', async () => {
    const mock = createScalingMock();
    const { fetch, seen } = brokenOnce(mock);
    const error = await new Scaling({ apiKey: mock.apiKey, fetch, maxRetries: 2 }).policies.create({ name: 'P' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingConnectionError);
    expect(error).toMatchObject({ attempts: 1, method: 'POST', path: '/escalation/policies' });
    expect(seen).toEqual(['POST']);
  });
});

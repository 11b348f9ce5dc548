import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { createScalingMock, type ScalingMock, type ScalingMockOptions } from '../mocks/index.js';
import { Scaling, type ClientOptions } from '../src/index.js';

/** One MSW server per test file; a fresh mock and client before every test. */
export const useMock = (options: ScalingMockOptions = { now: '2026-04-07T10:00:00.000Z' }) => {
  const server = setupServer();
  const context = {} as { mock: ScalingMock; scaling: Scaling; client: (options?: ClientOptions) => Scaling };
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  beforeEach(() => {
    const mock = createScalingMock(options);
    server.resetHandlers(...mock.handlers);
    context.mock = mock;
    context.client = (clientOptions = {}) =>
      new Scaling({ apiKey: mock.apiKey, baseUrl: mock.baseUrl, maxRetries: 0, ...clientOptions });
    context.scaling = context.client();
  });
  afterAll(() => server.close());
  return Object.assign(context, { server });
};

/** A raw `fetch` against the mock, for what the SDK would never send. */
export const raw = (mock: ScalingMock, path: string, init: RequestInit & { json?: unknown } = {}) => {
  const { json, headers, ...rest } = init;
  return fetch(`${mock.baseUrl}${path}`, {
    ...rest,
    headers: {
      authorization: `Bearer ${mock.apiKey}`,
      ...(json === undefined ? {} : { 'content-type': 'application/json' }),
      ...(headers as Record<string, string> | undefined),
    },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
};

/** A `fetch` that counts the requests the client really sends. */
export const countingFetch = () => {
  const calls: Request[] = [];
  const spy = (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    calls.push(request.clone());
    return fetch(request);
  };
  return { fetch: spy as typeof fetch, calls };
};

export const scheduleTarget = (scheduleId: string) => ({ type: 'schedule' as const, scheduleId });
export const usersTarget = (...userIds: string[]) => ({ type: 'users' as const, userIds });

/** Asserts a raw response is the API's one error body with this status and code; returns the body. */
export const expectError = async (response: Response, status: number, code: string) => {
  const body = await response.json();
  expect({ status: response.status, code: body.code }).toEqual({ status, code });
  expect(body).toEqual({
    statusCode: status,
    type: expect.any(String),
    code,
    message: expect.any(String),
    requestId: response.headers.get('x-request-id'),
  });
  return body as { message: string };
};

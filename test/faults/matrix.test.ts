/**
 * The fault matrix, against a real `node:http` server on 127.0.0.1 (not MSW): for each fault, the
 * exact error class, the attempts the server saw (and the error's `attempts`), and, for the whole
 * file, no unhandled rejection and no socket, server or timer left open (see `useLeakChecks`).
 * Tests run concurrently: the back-off waits overlap, so the file takes about as long as its
 * slowest case. Every client is configured as a user would: `maxRetries`, `timeoutMs`, `signal`.
 *
 * Client and server share this process, and the machine may be busy (CI has 2 cores, and the other
 * test files run at the same time): a timer or a socket event can run a second late. So a configured
 * time is never shorter than the server needs to see the request under load, and every wall-clock
 * upper bound is the expected time plus `SLACK`, chosen to stay at or below the time that the wrong
 * behaviour it rules out would take at the least: the slack never lets that behaviour pass.
 */
import { describe, type ExpectStatic } from 'vitest';
import {
  Scaling,
  ScalingAbortError,
  ScalingConnectionError,
  ScalingRateLimitError,
  ScalingResponseValidationError,
  ScalingServerError,
  ScalingTimeoutError,
  type ClientOptions,
} from '../../src/index.js';
import {
  after,
  API_KEY,
  apiError,
  hang,
  json,
  refusedUrl,
  resetBeforeHeaders,
  resetMidBody,
  text,
  trickle,
  faultTest as test,
  type Respond,
  useLeakChecks,
  type FaultServer,
} from './server.js';

useLeakChecks();

const client = (baseUrl: string, options: ClientOptions = {}) => new Scaling({ apiKey: API_KEY, baseUrl, ...options });

/** The rejection of `promise`; a resolution fails the test. */
const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );

/** `error` is exactly `ErrorClass`: not a parent, not a subclass (`name` lives on each class's prototype). */
const expectExact = (expect: ExpectStatic, error: unknown, ErrorClass: abstract new (...args: never[]) => Error) => {
  expect(error).toBeInstanceOf(ErrorClass);
  expect((error as Error).name).toBe(ErrorClass.prototype.name);
};

const policy = {
  id: 'pol_1',
  orgId: 'org_1',
  name: 'Platform Default',
  description: null,
  createdBy: 'user_1',
  createdAt: '2026-04-07T10:00:00.000Z',
  updatedAt: '2026-04-07T10:00:00.000Z',
};
const list = json(200, { data: [policy] });
const created = json(201, { data: policy });
const listBody = JSON.stringify({ data: [policy] });

/**
 * How late a timer or a socket event may run here on a loaded machine, on top of the time it is due.
 * Seen under load (three copies of this file at once next to two busy loops, 2 cores): up to 1.1 s.
 */
const SLACK = 1_500;

/** Every request the server saw, as `METHOD path`. */
const seen = (server: FaultServer) => server.requests.map((request) => `${request.method} ${request.path}`);
/**
 * What the server saw, once it has seen `count` requests (or a second has passed) and 50 ms more
 * brought nothing else. For a client that gave up before any answer: under load the server may
 * read the last request after the client has already timed out and rejected.
 */
const settled = async (server: FaultServer, count: number) => {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([server.received(count), new Promise((resolve) => (timer = setTimeout(resolve, 1_000)))]);
  clearTimeout(timer);
  await new Promise((resolve) => setTimeout(resolve, 50));
  return seen(server);
};
const gets = (count: number) => Array.from({ length: count }, () => 'GET /v1/escalation/policies');
const posts = (count: number) => Array.from({ length: count }, () => 'POST /v1/escalation/policies');

/** Socket error codes anywhere in the `cause` chain (and `AggregateError.errors`). */
const codes = (error: unknown): string[] => {
  if (typeof error !== 'object' || error === null) return [];
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  return [...(typeof code === 'string' ? [code] : []), ...codes(cause), ...(Array.isArray(errors) ? errors.flatMap(codes) : [])];
};

describe.concurrent('1. connection refused', () => {
  test('a GET is retried up to maxRetries, then fails with ScalingConnectionError', async ({ expect }) => {
    const error = await failure(client(await refusedUrl(), { maxRetries: 2 }).policies.list());
    expectExact(expect, error, ScalingConnectionError);
    expect(error).toMatchObject({ method: 'GET', path: '/escalation/policies', attempts: 3 });
    expect(codes(error)).toContain('ECONNREFUSED');
  });

  test('a creating POST is retried too: the connection was never made, so nothing was created', async ({ expect }) => {
    const error = await failure(client(await refusedUrl(), { maxRetries: 2 }).policies.create({ name: 'P' }));
    expectExact(expect, error, ScalingConnectionError);
    expect(error).toMatchObject({ method: 'POST', attempts: 3 });
  });
});

describe.concurrent('2. socket reset', () => {
  test('mid-body on a GET: retried, and a later complete answer resolves', async ({ expect, serve }) => {
    const server = await serve(resetMidBody(listBody), resetMidBody(listBody), list);
    await expect(client(server.url, { maxRetries: 2 }).policies.list()).resolves.toEqual([policy]);
    expect(seen(server)).toEqual(gets(3));
  });

  test('mid-body on a GET, every time: ScalingConnectionError after maxRetries', async ({ expect, serve }) => {
    const server = await serve(resetMidBody(listBody));
    const error = await failure(client(server.url, { maxRetries: 1 }).policies.list());
    expectExact(expect, error, ScalingConnectionError);
    expect(error).toMatchObject({ attempts: 2 });
    expect(seen(server)).toEqual(gets(2));
  });

  test('mid-body on a creating POST: not retried, the server may have created it', async ({ expect, serve }) => {
    const server = await serve(resetMidBody(JSON.stringify({ data: policy })));
    const error = await failure(client(server.url, { maxRetries: 2 }).policies.create({ name: 'P' }));
    expectExact(expect, error, ScalingConnectionError);
    expect(error).toMatchObject({ method: 'POST', attempts: 1 });
    expect(seen(server)).toEqual(posts(1));
    expect(server.requests[0]?.body).toBe('{"name":"P"}');
  });

  test('before any header: a GET is retried, a creating POST is not', async ({ expect, serve }) => {
    const server = await serve(resetBeforeHeaders);
    const got = await failure(client(server.url, { maxRetries: 1 }).policies.list());
    expectExact(expect, got, ScalingConnectionError);
    expect(got).toMatchObject({ attempts: 2 });
    const posted = await failure(client(server.url, { maxRetries: 2 }).policies.create({ name: 'P' }));
    expectExact(expect, posted, ScalingConnectionError);
    expect(posted).toMatchObject({ attempts: 1 });
    expect(seen(server)).toEqual([...gets(2), ...posts(1)]);
  });
});

describe.concurrent('3. timeouts', () => {
  test('no headers within timeoutMs: ScalingTimeoutError, a GET after maxRetries + 1 attempts', async ({ expect, serve }) => {
    const server = await serve(hang);
    // 500 ms, not less: the server must have read each request before the client gives up on it.
    const error = await failure(client(server.url, { maxRetries: 2, timeoutMs: 500 }).policies.list());
    expectExact(expect, error, ScalingTimeoutError);
    expect(error).toMatchObject({ attempts: 3 });
    expect(await settled(server, 3)).toEqual(gets(3));
  });

  test('no headers within timeoutMs on a creating POST: one attempt only', async ({ expect, serve }) => {
    const server = await serve(hang);
    const timeoutMs = 1_000;
    const started = performance.now();
    const error = await failure(client(server.url, { maxRetries: 2, timeoutMs }).policies.create({ name: 'P' }));
    expectExact(expect, error, ScalingTimeoutError);
    expect(error).toMatchObject({ attempts: 1 });
    // Its own timeout ended it, not the 30 s default (the attempts above rule out a retry).
    expect(performance.now() - started).toBeLessThan(timeoutMs + SLACK);
    expect(await settled(server, 1)).toEqual(posts(1));
  });

  test('a body that trickles past timeoutMs times out too (and a GET retries it), rather than hang', async ({ expect, serve }) => {
    const server = await serve(trickle(20));
    const timeoutMs = 2_000;
    const error = await failure(client(server.url, { maxRetries: 1, timeoutMs }).policies.list());
    expectExact(expect, error, ScalingTimeoutError);
    expect(error).toMatchObject({ attempts: 2 });
    expect(seen(server)).toEqual(gets(2));
    // The client hung up on each attempt at its timeout, not later: a first connection kept open
    // through the retry would close at 2 × timeoutMs at the earliest, and this bound is below that.
    for (const request of server.requests) {
      await expect.poll(() => request.closedAt, { timeout: SLACK, interval: 10 }).toBeDefined();
      expect((request.closedAt ?? Infinity) - request.at).toBeLessThan(timeoutMs + SLACK);
    }
  });

  test('a trickling body on a creating POST: one attempt only', async ({ expect, serve }) => {
    const server = await serve(trickle(20));
    // 1 s, not less: the server must have read the request (and started the body) before the timeout.
    const error = await failure(client(server.url, { maxRetries: 2, timeoutMs: 1_000 }).policies.create({ name: 'P' }));
    expectExact(expect, error, ScalingTimeoutError);
    expect(error).toMatchObject({ attempts: 1 });
    expect(seen(server)).toEqual(posts(1));
  });

  test('timeoutMs bounds the whole attempt: late headers leave less time for the body', async ({ expect, serve }) => {
    const headersAfterMs = SLACK;
    const timeoutMs = 2_500;
    const server = await serve(after(headersAfterMs, trickle(20)));
    const error = await failure(client(server.url, { maxRetries: 0, timeoutMs }).policies.list());
    expectExact(expect, error, ScalingTimeoutError);
    const [request] = server.requests;
    await expect.poll(() => request?.closedAt, { timeout: SLACK, interval: 10 }).toBeDefined();
    // One budget of 2.5 s, not 1.5 s for the headers and 2.5 s more for the body: that would close
    // the connection 4 s after the request at the earliest, and the bound is exactly that.
    expect((request?.closedAt ?? Infinity) - (request?.at ?? 0)).toBeLessThan(Math.min(timeoutMs + SLACK, headersAfterMs + timeoutMs));
  });
});

describe.concurrent('4. 429 and Retry-After', () => {
  const rateLimited = (retryAfter: string) => apiError(429, 'rate_limited', { 'retry-after': retryAfter });

  /** A 429 whose `Retry-After` is an HTTP date at least one second ahead (dates have whole seconds). */
  const rateLimitedUntil = (dates: number[]) =>
    ((response, request, closed) => {
      const until = Math.ceil((Date.now() + 1_000) / 1_000) * 1_000;
      dates.push(until);
      rateLimited(new Date(until).toUTCString())(response, request, closed);
    }) satisfies Respond;

  /** The wait between the end of the first answer and the second request. */
  const waited = (server: FaultServer) => (server.requests[1]?.at ?? 0) - (server.requests[0]?.answeredAt ?? Infinity);

  test('in seconds, on a GET: retried after that wait', async ({ expect, serve }) => {
    const server = await serve(rateLimited('1'), list);
    await expect(client(server.url, { maxRetries: 1 }).policies.list()).resolves.toEqual([policy]);
    expect(seen(server)).toEqual(gets(2));
    // Without Retry-After the first back-off would be at most 500 ms; the wait is the 1 s asked for
    // (give or take the slack), not the 8 s back-off cap or the 60 s Retry-After cap.
    expect(waited(server)).toBeGreaterThanOrEqual(950);
    expect(waited(server)).toBeLessThan(1_000 + SLACK);
  });

  test('in seconds, on a creating POST: retried (the API refuses before acting), with the same body', async ({ expect, serve }) => {
    const server = await serve(rateLimited('1'), created);
    await expect(client(server.url, { maxRetries: 1 }).policies.create({ name: 'P' })).resolves.toEqual(policy);
    expect(seen(server)).toEqual(posts(2));
    expect(server.requests.map((request) => request.body)).toEqual(['{"name":"P"}', '{"name":"P"}']);
    expect(waited(server)).toBeGreaterThanOrEqual(950);
  });

  test('as an HTTP date, on a GET: retried once that date has passed', async ({ expect, serve }) => {
    const dates: number[] = [];
    const server = await serve(rateLimitedUntil(dates), list);
    await expect(client(server.url, { maxRetries: 1 }).policies.list()).resolves.toEqual([policy]);
    expect(seen(server)).toEqual(gets(2));
    expect(server.requests[1]?.wallAt).toBeGreaterThanOrEqual((dates[0] ?? Infinity) - 30);
    expect(waited(server)).toBeGreaterThanOrEqual(950);
    // The date is 1 to 2 s ahead: the wait is that, give or take the slack.
    expect(waited(server)).toBeLessThan(2_000 + SLACK);
  });

  test('as an HTTP date, on a creating POST: retried once that date has passed', async ({ expect, serve }) => {
    const dates: number[] = [];
    const server = await serve(rateLimitedUntil(dates), created);
    await expect(client(server.url, { maxRetries: 1 }).policies.create({ name: 'P' })).resolves.toEqual(policy);
    expect(seen(server)).toEqual(posts(2));
    expect(server.requests[1]?.wallAt).toBeGreaterThanOrEqual((dates[0] ?? Infinity) - 30);
  });

  test('a 429 that persists: ScalingRateLimitError with the last answer’s hint, in seconds or as a date', async ({ expect, serve }) => {
    const inSeconds = await serve(rateLimited('0'), rateLimited('30'));
    const error = await failure(client(inSeconds.url, { maxRetries: 1 }).policies.list());
    expectExact(expect, error, ScalingRateLimitError);
    expect(error).toMatchObject({ status: 429, code: 'rate_limited', attempts: 2, retryAfterMs: 30_000 });
    expect(seen(inSeconds)).toEqual(gets(2));

    const asDate = await serve(rateLimited('0'), rateLimited('0'), rateLimited(new Date(Date.now() + 45_000).toUTCString()));
    const posted = await failure(client(asDate.url, { maxRetries: 2 }).policies.create({ name: 'P' }));
    expectExact(expect, posted, ScalingRateLimitError);
    expect(posted).toMatchObject({ attempts: 3 });
    expect((posted as ScalingRateLimitError).retryAfterMs).toBeGreaterThan(40_000);
    expect((posted as ScalingRateLimitError).retryAfterMs).toBeLessThanOrEqual(45_000);
    expect(seen(asDate)).toEqual(posts(3));
  });
});

describe.concurrent('5. 5xx bursts', () => {
  const failing = (status: number) =>
    status === 503 ? apiError(503, 'unavailable', { 'retry-after': '0' }) : apiError(status, 'server_error');

  for (const status of [500, 502, 503]) {
    test(`${status} twice, then 200, with maxRetries 3: resolves`, async ({ expect, serve }) => {
      const server = await serve(failing(status), failing(status), list);
      await expect(client(server.url, { maxRetries: 3 }).policies.list()).resolves.toEqual([policy]);
      expect(seen(server)).toEqual(gets(3));
    });

    test(`${status} for longer than maxRetries 2: ScalingServerError after 3 attempts`, async ({ expect, serve }) => {
      const server = await serve(failing(status), failing(status), failing(status), list);
      const error = await failure(client(server.url, { maxRetries: 2 }).policies.list());
      expectExact(expect, error, ScalingServerError);
      expect(error).toMatchObject({ status, attempts: 3, requestId: `req-${status}` });
      expect(seen(server)).toEqual(gets(3));
    });
  }

  test('a creating POST on 500, or on 503 even with Retry-After: 0, is not retried', async ({ expect, serve }) => {
    const server = await serve(apiError(500, 'server_error'), failing(503), created);
    for (const status of [500, 503]) {
      const error = await failure(client(server.url, { maxRetries: 2 }).policies.create({ name: 'P' }));
      expectExact(expect, error, ScalingServerError);
      expect(error).toMatchObject({ status, attempts: 1 });
    }
    expect(seen(server)).toEqual(posts(2));
  });
});

describe.concurrent('5b. statuses not retried', () => {
  // ky's own list of retried statuses has 413 too: the client must still never retry it, even with a Retry-After.
  for (const [status, headers] of [[413, { 'retry-after': '0' }], [413, {}], [501, {}], [400, {}]] as const) {
    test(`a GET answered ${status}${'retry-after' in headers ? ' with Retry-After: 0' : ''}: one attempt only`, async ({ expect, serve }) => {
      const server = await serve(apiError(status, 'refused', headers), list);
      const error = await failure(client(server.url, { maxRetries: 2 }).policies.list());
      expect(error).toMatchObject({ status, attempts: 1 });
      expect(seen(server)).toEqual(gets(1));
    });
  }
});

describe.concurrent('6–8. bodies', () => {
  test('6. an HTML error page (502 text/html) is a ScalingServerError holding the page', async ({ expect, serve }) => {
    const page = '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';
    const server = await serve(text(502, page, 'text/html; charset=utf-8'));
    const error = await failure(client(server.url, { maxRetries: 0 }).policies.list());
    expectExact(expect, error, ScalingServerError);
    expect(error).toMatchObject({ status: 502, code: undefined, body: page, attempts: 1 });
    expect(seen(server)).toEqual(gets(1));
  });

  for (const [name, body] of [
    ['truncated JSON', listBody.slice(0, 40)],
    ['invalid JSON', "{data: [{id: 'pol_1'}]}"],
  ] as const) {
    test(`7. ${name} on a 200 is a ScalingResponseValidationError with the raw text, not retried`, async ({ expect, serve }) => {
      const server = await serve(text(200, body, 'application/json', { 'x-request-id': 'req-7' }));
      const error = await failure(client(server.url, { maxRetries: 2 }).policies.list());
      expectExact(expect, error, ScalingResponseValidationError);
      expect(error).toMatchObject({ status: 200, requestId: 'req-7', body, message: expect.stringContaining('not valid JSON') });
      expect(seen(server)).toEqual(gets(1));
    });
  }

  test('8. a 200 that breaks the schema names the path and keeps the body; validateResponses: false passes it', async ({ expect, serve }) => {
    const broken = { data: [{ ...policy, createdBy: 42 }] };
    const server = await serve(json(200, broken));
    const error = await failure(client(server.url, { maxRetries: 2 }).policies.list());
    expectExact(expect, error, ScalingResponseValidationError);
    expect(error).toMatchObject({ status: 200, body: broken, issues: [{ path: 'data[0].createdBy', message: expect.any(String) }] });
    expect((error as Error).message).toContain('data[0].createdBy');
    await expect(client(server.url, { validateResponses: false }).policies.list()).resolves.toEqual(broken.data);
    expect(seen(server)).toEqual(gets(2));
  });
});

describe.concurrent('9. aborts', () => {
  test('an already-aborted signal: ScalingAbortError, and the server sees nothing', async ({ expect, serve }) => {
    const server = await serve(list);
    const error = await failure(client(server.url).policies.list({ signal: AbortSignal.abort() }));
    expectExact(expect, error, ScalingAbortError);
    // A call sent after it is the first the server sees.
    await client(server.url).policies.get('pol_1').catch(() => undefined);
    expect(seen(server)).toEqual(['GET /v1/escalation/policies/pol_1']);
  });

  test('while the server holds the answer: rejects at once and hangs up', async ({ expect, serve }) => {
    const server = await serve(hang);
    const controller = new AbortController();
    const pending = failure(client(server.url, { maxRetries: 2 }).policies.list({ signal: controller.signal }));
    await server.received(1);
    const aborted = performance.now();
    controller.abort();
    const error = await pending;
    // Not at the end of the 30 s default timeout.
    expect(performance.now() - aborted).toBeLessThan(SLACK);
    expectExact(expect, error, ScalingAbortError);
    await expect.poll(() => server.requests[0]?.closedAt, { timeout: SLACK, interval: 10 }).toBeDefined();
    expect(seen(server)).toEqual(gets(1));
  });

  test('while the body trickles in: rejects at once', async ({ expect, serve }) => {
    const server = await serve(trickle(20));
    const controller = new AbortController();
    const pending = failure(client(server.url).policies.list({ signal: controller.signal }));
    await server.received(1);
    await new Promise((resolve) => setTimeout(resolve, 60));
    const aborted = performance.now();
    controller.abort();
    const error = await pending;
    // Not at the end of the 30 s default timeout (the body never ends).
    expect(performance.now() - aborted).toBeLessThan(SLACK);
    expectExact(expect, error, ScalingAbortError);
    expect(seen(server)).toEqual(gets(1));
  });

  test('during a retry’s back-off (Retry-After: 30): rejects at once, not after the wait', async ({ expect, serve }) => {
    const server = await serve(apiError(503, 'unavailable', { 'retry-after': '30' }));
    const controller = new AbortController();
    const pending = failure(client(server.url, { maxRetries: 2 }).policies.list({ signal: controller.signal }));
    await server.received(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const aborted = performance.now();
    const reason = new Error('shutting down');
    controller.abort(reason);
    const error = await pending;
    // Not after the 30 s wait.
    expect(performance.now() - aborted).toBeLessThan(SLACK);
    // With the caller's own reason as its cause, whatever that reason is.
    expectExact(expect, error, ScalingAbortError);
    expect(error).toMatchObject({ cause: reason });
    expect(seen(server)).toEqual(gets(1));
  });

  test('a deadline of the caller’s own (AbortSignal.timeout) is an abort, not a ScalingTimeoutError', async ({ expect, serve }) => {
    const server = await serve(hang);
    // A deadline of 1 s, not less: the server must have read the request before it passes.
    const error = await failure(client(server.url, { maxRetries: 2, timeoutMs: 5_000 }).policies.list({ signal: AbortSignal.timeout(1_000) }));
    expectExact(expect, error, ScalingAbortError);
    expect(await settled(server, 1)).toEqual(gets(1));
  });
});

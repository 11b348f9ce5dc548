/**
 * A connection error's message stands alone: a log line that keeps only `error.message` still says
 * what failed and where (`ECONNREFUSED 127.0.0.1:4010`, the mock's "is not under the mock's baseUrl",
 * the timeout that passed), and never the API key. Against a real refused port and a real server
 * that hangs up (undici's own causes), the mock's `fetch`, and a `fetch` of the user's own.
 */
import { createServer } from 'node:http';
import { describe, expect } from 'vitest';
import { createScalingMock } from '../../mocks/index.js';
import { Scaling, ScalingConnectionError, ScalingTimeoutError, type ClientOptions } from '../../src/index.js';
import { API_KEY, faultTest as test, hang, refusedUrl, resetBeforeHeaders, useLeakChecks } from './server.js';

useLeakChecks();

const failure = async (promise: Promise<unknown>): Promise<Error> => {
  const outcome = await promise.then(
    (value) => new Error(`expected a rejection, got ${JSON.stringify(value)}`),
    (error: unknown) => error,
  );
  return outcome as Error;
};

/** A client whose `fetch` throws `error`, as a proxy agent or an instrumented fetch might. */
const throwingFetch = (error: unknown, options: ClientOptions = {}) =>
  new Scaling({
    apiKey: API_KEY,
    baseUrl: 'https://api.example.test/v1',
    maxRetries: 0,
    fetch: async () => {
      throw error;
    },
    ...options,
  });

describe('connection errors say what failed', () => {
  test('a refused port: the code and host:port, after the attempts', async () => {
    const baseUrl = await refusedUrl();
    const port = new URL(baseUrl).port;
    const error = await failure(new Scaling({ apiKey: API_KEY, baseUrl, maxRetries: 0 }).policies.list());
    expect(error).toBeInstanceOf(ScalingConnectionError);
    expect(error.message).toBe(`Connection failed (GET /escalation/policies, 1 attempt): ECONNREFUSED 127.0.0.1:${port}`);

    const retried = await failure(new Scaling({ apiKey: API_KEY, baseUrl, maxRetries: 1, retry: { baseDelayMs: 0 } }).policies.get('pol_1'));
    expect(retried.message).toBe(`Connection failed (GET /escalation/policies/pol_1, 2 attempts): ECONNREFUSED 127.0.0.1:${port}`);
  });

  test('a server that hangs up before answering: undici’s code, the peer, and its words', async ({ serve }) => {
    const server = await serve(resetBeforeHeaders);
    const port = new URL(server.url).port;
    const error = await failure(new Scaling({ apiKey: API_KEY, baseUrl: server.url, maxRetries: 0 }).policies.list());
    expect(error).toBeInstanceOf(ScalingConnectionError);
    expect(error.message).toBe(`Connection failed (GET /escalation/policies, 1 attempt): UND_ERR_SOCKET 127.0.0.1:${port} (other side closed)`);
  });

  test('the mock’s fetch asked for a URL outside its baseUrl: the mock’s own explanation', async () => {
    const mock = createScalingMock();
    const scaling = new Scaling({ apiKey: mock.apiKey, baseUrl: 'http://elsewhere.test/v1', fetch: mock.fetch, maxRetries: 0 });
    const error = await failure(scaling.policies.list());
    expect(error).toBeInstanceOf(ScalingConnectionError);
    expect(error.message).toBe(
      'Request failed (GET /escalation/policies, 1 attempt): mock.fetch: GET http://elsewhere.test/v1/escalation/policies ' +
        `is not under the mock's baseUrl ${mock.baseUrl}`,
    );
  });

  test('a cause without a code: its innermost message; with several addresses: each, under its code', async () => {
    const plain = await failure(throwingFetch(new TypeError('fetch failed', { cause: new Error('self-signed certificate in chain') })).users.list());
    expect(plain.message).toBe('Connection failed (GET /users, 1 attempt): self-signed certificate in chain');

    // What Node's happy-eyeballs connect throws when every address of a name refuses.
    const refused = (address: string) => Object.assign(new Error(`connect ECONNREFUSED ${address}:4010`), { code: 'ECONNREFUSED', address, port: 4010 });
    const both = Object.assign(new AggregateError([refused('::1'), refused('127.0.0.1')], ''), { code: 'ECONNREFUSED' });
    const error = await failure(throwingFetch(new TypeError('fetch failed', { cause: both })).users.list());
    expect(error.message).toBe('Connection failed (GET /users, 1 attempt): ECONNREFUSED [::1]:4010, 127.0.0.1:4010');
  });

  test('never the API key, bare or as a bearer token, whatever the cause says; and never a flood', async () => {
    const secret = API_KEY.slice('scl_live_'.length);
    const causes = [
      new TypeError(`proxy refused the request: Authorization: Bearer ${API_KEY}`),
      new TypeError('fetch failed', { cause: Object.assign(new Error(`tunnel to ${API_KEY}@proxy failed`), { code: 'ECONNRESET' }) }),
    ];
    for (const cause of causes) {
      const error = await failure(throwingFetch(cause).policies.list());
      expect(error).toBeInstanceOf(ScalingConnectionError);
      expect(error.message).toContain('[redacted]');
      for (const shown of [error.message, String(error), error.stack ?? '']) {
        expect(shown).not.toContain(API_KEY);
        expect(shown).not.toContain(secret);
      }
    }
    const long = await failure(throwingFetch(new TypeError('x'.repeat(100_000))).policies.list());
    expect(long.message.length).toBeLessThan(400);
    expect(long.message).toMatch(/x…$/);
  });
});

describe('timeouts say the limit', () => {
  test('a server that never answers: the client’s timeoutMs, or the call’s', async ({ serve }) => {
    const server = await serve(hang);
    const scaling = new Scaling({ apiKey: API_KEY, baseUrl: server.url, maxRetries: 0, timeoutMs: 100 });
    const error = await failure(scaling.policies.list());
    expect(error).toBeInstanceOf(ScalingTimeoutError);
    expect(error.message).toBe('Request timed out (GET /escalation/policies, 1 attempt): no complete response within timeoutMs (100 ms)');
    const perCall = await failure(scaling.policies.list({ timeoutMs: 150 }));
    expect(perCall.message).toBe('Request timed out (GET /escalation/policies, 1 attempt): no complete response within timeoutMs (150 ms)');
  });

  test('the mock’s timeout fault, after the retries', async () => {
    const mock = createScalingMock();
    mock.faults.add({ path: '/escalation/policies', network: 'timeout' });
    const scaling = new Scaling({ apiKey: mock.apiKey, fetch: mock.fetch, timeoutMs: 80, maxRetries: 1, retry: { baseDelayMs: 0 } });
    const error = await failure(scaling.policies.list());
    expect(error).toBeInstanceOf(ScalingTimeoutError);
    expect(error.message).toBe('Request timed out (GET /escalation/policies, 2 attempts): no complete response within timeoutMs (80 ms)');
  });
});

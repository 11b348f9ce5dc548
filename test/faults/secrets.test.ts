/**
 * The API key never leaves the `Authorization` header: not in any error the fault matrix produces
 * (message, `String()`, stack, `JSON.stringify`, `util.inspect` with hidden fields and every
 * `cause`), not in what a user logs, and not in anything the SDK itself writes to the console.
 * Against the real socket, so the `cause`s are undici's and ky's own, not MSW's.
 */
import { format, inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, type MockInstance, vi } from 'vitest';
import { Scaling, type ClientOptions } from '../../src/index.js';
import {
  after,
  API_KEY,
  apiError,
  faultTest as test,
  hang,
  json,
  refusedUrl,
  resetMidBody,
  text,
  trickle,
  useLeakChecks,
  type FaultServer,
  type Respond,
} from './server.js';

useLeakChecks();

/** The key, and its secret part alone: printing `7f3k…` without the prefix is a leak too. */
const SECRETS = [API_KEY, API_KEY.slice('scl_live_'.length)];

const CONSOLE = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir'] as const;
const spies: MockInstance[] = [];
beforeAll(() => {
  for (const method of CONSOLE) spies.push(vi.spyOn(console, method).mockImplementation(() => undefined));
  spies.push(vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined));
});
afterAll(() => {
  for (const spy of spies) spy.mockRestore();
});

/** Everything written to the console (or as a process warning) during this test (vitest clears calls between tests). */
const consoleWritten = () => spies.flatMap((spy) => spy.mock.calls.map((args) => format(...args)));

/** Every way an error gets shown: what a user prints, logs, serializes or sends to an error tracker. */
const renderings = (error: unknown): string[] => {
  const chain: unknown[] = [];
  for (let at: unknown = error; at instanceof Error && chain.length < 10; at = at.cause) chain.push(at);
  return [
    String(error),
    (error as Error).message,
    (error as Error).stack ?? '',
    JSON.stringify(error),
    JSON.stringify(Object.getOwnPropertyNames(error).map((name) => [name, String((error as Record<string, unknown>)[name])])),
    inspect(error, { depth: Infinity, showHidden: true, getters: true }),
    format('%o', error),
    ...chain.map((cause) => inspect(cause, { depth: Infinity, showHidden: true })),
  ];
};

type Fault = {
  name: string;
  expected: string;
  responses: Respond[] | 'refused';
  call: (scaling: Scaling, signal: AbortSignal) => Promise<unknown>;
  options?: ClientOptions;
  abortAfterMs?: number;
};

const policy = { id: 'pol_1', orgId: 'org_1', name: 'P', description: null, createdBy: 'u', createdAt: 'x', updatedAt: 'x' };
const list = (scaling: Scaling, signal: AbortSignal) => scaling.policies.list({ signal });
const create = (scaling: Scaling, signal: AbortSignal) => scaling.policies.create({ name: 'P' }, { signal });

/** A server (or a proxy) that echoes the `Authorization` header it received into what it answers. */
const echo =
  (status: number, body: (authorization: string) => unknown, contentType = 'application/json'): Respond =>
  (response, request) => {
    const authorization = String(request.headers.authorization);
    const made = body(authorization);
    const text = typeof made === 'string' ? made : JSON.stringify(made);
    response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text), 'x-echo': authorization, 'x-request-id': authorization });
    response.end(text);
  };
const bare = (authorization: string) => authorization.slice('Bearer '.length);

/** One fault for each error class of the matrix, and a refused key (the likeliest place to echo it). */
const faults: Fault[] = [
  { name: 'connection refused', expected: 'ScalingConnectionError', responses: 'refused', call: create },
  { name: 'reset mid-body', expected: 'ScalingConnectionError', responses: [resetMidBody(JSON.stringify({ data: policy }))], call: create },
  { name: 'no headers in time', expected: 'ScalingTimeoutError', responses: [hang], call: list, options: { timeoutMs: 100 } },
  { name: 'body trickling past the timeout', expected: 'ScalingTimeoutError', responses: [trickle(20)], call: list, options: { timeoutMs: 100 } },
  { name: '429', expected: 'ScalingRateLimitError', responses: [apiError(429, 'rate_limited', { 'retry-after': '0' })], call: create },
  { name: '500', expected: 'ScalingServerError', responses: [apiError(500, 'server_error')], call: list },
  { name: '502 HTML page', expected: 'ScalingServerError', responses: [text(502, '<html>Bad Gateway</html>', 'text/html')], call: list },
  { name: '401 refused key', expected: 'ScalingAuthenticationError', responses: [apiError(401, 'invalid_api_key')], call: list },
  { name: 'invalid JSON on a 200', expected: 'ScalingResponseValidationError', responses: [text(200, '{"data": [', 'application/json')], call: list },
  { name: 'schema broken on a 200', expected: 'ScalingResponseValidationError', responses: [json(200, { data: [{ id: 1 }] })], call: list },
  { name: 'abort while held', expected: 'ScalingAbortError', responses: [hang], call: list, abortAfterMs: 30 },
  { name: 'abort during back-off', expected: 'ScalingAbortError', responses: [apiError(503, 'x', { 'retry-after': '30' })], call: list, options: { maxRetries: 1 }, abortAfterMs: 60 },
  { name: 'abort while the body trickles', expected: 'ScalingAbortError', responses: [after(10, trickle(10))], call: list, abortAfterMs: 60 },
  // A server that echoes what it was sent: the key must not come back through the error.
  {
    name: '401 whose message, code and request id echo the header',
    expected: 'ScalingAuthenticationError',
    responses: [echo(401, (auth) => ({ statusCode: 401, type: auth, code: bare(auth), message: `The key in "${auth}" is revoked`, requestId: auth }))],
    call: list,
  },
  {
    name: '500 echoing the key deep in its body and in its keys',
    expected: 'ScalingServerError',
    responses: [echo(500, (auth) => ({ error: { code: 'x', message: bare(auth), details: [{ deeper: { [bare(auth)]: [auth] } }] } }))],
    call: list,
  },
  { name: 'a 200 HTML page echoing the header', expected: 'ScalingResponseValidationError', responses: [echo(200, (auth) => `<html>you sent ${auth}</html>`, 'text/html')], call: list },
  {
    name: 'a 200 whose items echo the key',
    expected: 'ScalingResponseValidationError',
    responses: [echo(200, (auth) => ({ data: [{ id: 1, name: bare(auth), orgId: [auth] }] }))],
    call: list,
  },
];

describe('the API key stays out of every error of the fault matrix', () => {
  for (const fault of faults) {
    test(`${fault.name}: ${fault.expected}`, async ({ serve }) => {
      const server: FaultServer | undefined = fault.responses === 'refused' ? undefined : await serve(...fault.responses);
      const scaling = new Scaling({ apiKey: API_KEY, baseUrl: server?.url ?? (await refusedUrl()), maxRetries: 0, ...fault.options });
      const controller = new AbortController();
      const pending = fault.call(scaling, controller.signal).catch((caught: unknown) => caught);
      if (fault.abortAfterMs !== undefined) setTimeout(() => controller.abort(), fault.abortAfterMs);
      const error = await pending;
      expect((error as Error).name).toBe(fault.expected);
      // The key did go out, on every request the server saw: so its absence below means something.
      // (Under load the server may read a request after the client timed out: wait for it.)
      if (server) await expect.poll(() => server.requests.length, { timeout: 1_000, interval: 10 }).toBeGreaterThan(0);
      for (const request of server?.requests ?? []) expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
      // What a user does with an error it did not expect.
      console.error(error);
      console.log('call failed: %s', error, { error });
      // Whatever the SDK wrote while failing, and what the user just logged.
      const written = consoleWritten();
      expect(written.length).toBeGreaterThanOrEqual(2);
      for (const shown of [...renderings(error), ...written]) {
        for (const secret of SECRETS) expect(shown).not.toContain(secret);
      }
    });
  }

  test('nor in the client, its resources or their methods', () => {
    const scaling = new Scaling({ apiKey: API_KEY, baseUrl: 'http://127.0.0.1:9/v1' });
    for (const shown of [inspect(scaling, { depth: Infinity, showHidden: true }), JSON.stringify(scaling), String(scaling), format('%o', scaling.policies)]) {
      for (const secret of SECRETS) expect(shown).not.toContain(secret);
    }
  });
});

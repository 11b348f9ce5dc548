/**
 * A hostile or broken server (a wrong `baseUrl`, a runaway proxy) must not take the application
 * down: huge bodies stop at `maxResponseBytes`, bodies too big or too deep for the validator are a
 * `ScalingResponseValidationError` naming the field, and every error serialises. Against a real
 * `node:http` server, so the bytes go through undici's decoding as in production.
 */
import { createGzip } from 'node:zlib';
import { describe, expect } from 'vitest';
import { Scaling, ScalingError, ScalingResponseTooLargeError, ScalingResponseValidationError, ScalingValidationError } from '../../src/index.js';
import { API_KEY, faultTest as test, json, text, useLeakChecks, type Respond } from './server.js';

useLeakChecks();

/** A gzip stream of zeros that never ends: it ends only when the client stops reading and closes. */
const endlessGzip: Respond = (response, _request, closed) => {
  response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
  const gzip = createGzip({ level: 9 });
  gzip.pipe(response);
  const zeros = Buffer.alloc(1024 * 1024, 0x20);
  const pump = () => {
    while (!closed.aborted && gzip.write(zeros));
    if (!closed.aborted) gzip.once('drain', pump);
  };
  closed.addEventListener('abort', () => gzip.destroy(), { once: true });
  gzip.write('{"data": [');
  pump();
};

const client = (url: string, options: Partial<ConstructorParameters<typeof Scaling>[0]> = {}) =>
  new Scaling({ apiKey: API_KEY, baseUrl: url, maxRetries: 0, ...options });

describe('maxResponseBytes', () => {
  test('an endless gzip body stops at the default 16 MiB with ScalingResponseTooLargeError, and the connection is closed', async ({ serve }) => {
    const server = await serve(endlessGzip);
    const error = await client(server.url).policies.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingResponseTooLargeError);
    expect(error).toMatchObject({ method: 'GET', path: '/escalation/policies', status: 200, maxResponseBytes: 16 * 1024 * 1024 });
    expect(String(error)).toContain('larger than 16777216 bytes');
    // The client stopped reading: the server sees the connection go.
    await expect.poll(() => server.requests[0]?.closedAt, { timeout: 5_000 }).toBeDefined();
  });

  test('counts the decoded body: a small limit refuses a body one byte over it, and accepts one at it', async ({ serve }) => {
    const body = JSON.stringify({ data: [] });
    const server = await serve(text(200, body, 'application/json'));
    await expect(client(server.url, { maxResponseBytes: body.length }).policies.list()).resolves.toEqual([]);
    const error = await client(server.url, { maxResponseBytes: body.length - 1 }).policies.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingResponseTooLargeError);
    // Not retried: the same request would get the same body.
    const retried = await client(server.url, { maxResponseBytes: body.length - 1, maxRetries: 2 }).policies.list().catch((caught: unknown) => caught);
    expect(retried).toBeInstanceOf(ScalingResponseTooLargeError);
    expect(server.requests).toHaveLength(3);
  });

  test('is checked like every option', () => {
    for (const maxResponseBytes of [0, -1, 1.5, 2 ** 31]) {
      expect(() => client('http://127.0.0.1:9/v1', { maxResponseBytes })).toThrow(ScalingValidationError);
    }
  });
});

describe('inputs too large for the validator', () => {
  const huge = Array.from({ length: 200_000 }, (_, index) => index % 10);

  test('a layer with 200,000 numbers as user ids is a ScalingValidationError naming the field, and nothing is sent', async ({ serve }) => {
    const server = await serve(json(201, {}));
    const error = await client(server.url)
      .policies.layers.create('pol_1', { position: 1, ackTimeoutMinutes: 5, target: { type: 'users', userIds: huge as unknown as string[] } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingValidationError);
    expect((error as ScalingValidationError).field).toBe('target.userIds');
    expect((error as Error).message.length).toBeLessThan(2_000);
    expect(server.requests).toHaveLength(0);
  });

  test('a 200 listing 200,000 invalid items is a ScalingResponseValidationError at data, not a connection error', async ({ serve }) => {
    const server = await serve(json(200, { data: huge }));
    const error = await client(server.url).policies.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingResponseValidationError);
    expect((error as ScalingResponseValidationError).issues).toEqual([{ path: 'data', message: 'has 200000 items, too many to check' }]);
  });

  test('a 200 with a body nested a million deep fails validation, and the error still serialises', async ({ serve }) => {
    const deep = `{"data": ${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}`;
    const server = await serve(text(200, deep, 'application/json'));
    const error = await client(server.url).policies.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingResponseValidationError);
    const serialised = JSON.stringify(error);
    expect(serialised.length).toBeLessThan(20_000);
    expect(JSON.parse(serialised)).toMatchObject({ name: 'ScalingResponseValidationError', status: 200, method: 'GET', path: '/escalation/policies' });
  });

  test('a 500 with a huge error body serialises bounded, with its cause and request id', async ({ serve }) => {
    const server = await serve(json(500, { statusCode: 500, code: 'server_error', requestId: 'req_1', message: 'x'.repeat(100_000), items: huge }));
    const error = await client(server.url).policies.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingError);
    const shown = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
    expect(shown).toMatchObject({ name: 'ScalingServerError', status: 500, code: 'server_error', requestId: 'req_1' });
    expect(JSON.stringify(shown).length).toBeLessThan(50_000);
  });
});

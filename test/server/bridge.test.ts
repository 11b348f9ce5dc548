import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { MAX_BODY_BYTES } from '../../mocks/index.js';
import { ErrorBody } from '../../src/schemas/index.js';
import { Scaling } from '../../src/index.js';
import { api, curl, useMockServer } from './support.js';

const ctx = useMockServer();

const errorOf = async (response: Response) => {
  const body = ErrorBody.parse(await response.json());
  expect(response.headers.get('x-request-id')).toBe(body.requestId);
  return body;
};

test('the SDK over real HTTP and the in-process mock see one state', async () => {
  const { server } = ctx;
  expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
  expect(server.mock.baseUrl).toBe(server.url);
  const overHttp = new Scaling({ apiKey: server.apiKey, baseUrl: server.url, maxRetries: 0 });
  const policy = await overHttp.policies.create({ name: 'Over HTTP' });
  const inProcess = new Scaling({ apiKey: server.apiKey, baseUrl: server.url, fetch: server.mock.fetch, maxRetries: 0 });
  expect((await inProcess.policies.get(policy.id)).name).toBe('Over HTTP');
  expect(policy.createdAt).toBe('2026-04-07T10:00:00.000Z'); // stamped by the mock's clock
});

test('unknown routes answer with the API 404 body, under /v1 and outside it', async () => {
  const { server } = ctx;
  for (const path of ['/v1/nope', '/v1', '/', '/favicon.ico', '/v2/escalation/policies', '//api.scaling.cloud/v1/escalation/policies']) {
    const response = await fetch(`${server.origin}${path}`, { headers: { authorization: `Bearer ${server.apiKey}` } });
    expect(response.status, path).toBe(404);
    expect(await errorOf(response), path).toMatchObject({ statusCode: 404, type: 'invalid_request_error', code: 'route_not_found' });
  }
  // A known path with another method keeps the mock's 405 and its Allow header.
  const wrongMethod = await api(ctx.server, '/escalation/policies', { method: 'DELETE' });
  expect(wrongMethod.status).toBe(405);
  expect(wrongMethod.headers.get('allow')).toBe('GET, POST');
});

test('requests are matched on the path, whatever port the Host the client sent names', async () => {
  const { server } = ctx;
  const { status, body } = await curl([`${server.url}/escalation/policies`, '-H', 'Host: localhost:1', '-H', `Authorization: Bearer ${server.apiKey}`]);
  expect(status).toBe(200);
  expect(JSON.parse(body)).toHaveProperty('data');
});

test('CORS: a preflight gets 204 with the allowed methods and headers; every answer allows any origin', async () => {
  const { server } = ctx;
  const preflight = await fetch(`${server.url}/escalation/policies/pol_1/layers/order`, {
    method: 'OPTIONS',
    headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization, content-type' },
  });
  expect(preflight.status).toBe(204);
  expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
  expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
  expect(preflight.headers.get('access-control-allow-methods')).toContain('PATCH');
  expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
  expect(await preflight.text()).toBe('');

  const response = await api(server, '/escalation/policies', { headers: { origin: 'http://localhost:5173' } });
  expect(response.headers.get('access-control-allow-origin')).toBe('*');
  expect(response.headers.get('access-control-expose-headers')).toContain('x-request-id');
  const missing = await fetch(`${server.url}/escalation/policies`);
  expect(missing.headers.get('access-control-allow-origin')).toBe('*'); // errors too, or a browser hides them
});

test('a body that is not JSON is refused as the mock refuses it: 415, or 400 for broken JSON', async () => {
  const { server } = ctx;
  const text = await api(server, '/escalation/policies', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"name":"x"}' });
  expect(text.status).toBe(415);
  expect((await errorOf(text)).code).toBe('unsupported_media_type');
  const broken = await api(server, '/escalation/policies', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":' });
  expect(broken.status).toBe(400);
  expect((await errorOf(broken)).code).toBe('invalid_json');
});

test('a body over 1 MiB gets 413 without being kept, declared or streamed, and the server keeps serving', async () => {
  const { server } = ctx;
  const big = JSON.stringify({ name: 'x'.repeat(MAX_BODY_BYTES + 10) });
  const declared = await api(server, '/escalation/policies', { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
  expect(declared.status).toBe(413);
  expect(await errorOf(declared)).toMatchObject({ code: 'payload_too_large', type: 'invalid_request_error' });

  // No length announced, and a stream that would never end: the answer must come anyway.
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  const endless = new ReadableStream<Uint8Array>({ pull: (controller) => controller.enqueue(chunk) });
  const streamed = await fetch(`${server.url}/escalation/policies`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
    body: endless,
    duplex: 'half',
  } as RequestInit);
  expect(streamed.status).toBe(413);
  expect((await errorOf(streamed)).code).toBe('payload_too_large');

  // curl sends `Expect: 100-continue` for a large file: refused before the body is sent.
  const file = join(mkdtempSync(join(tmpdir(), 'scaling-mock-')), 'big.json');
  writeFileSync(file, big);
  const fromCurl = await curl(['-X', 'POST', `${server.url}/escalation/policies`, '-H', `Authorization: Bearer ${server.apiKey}`, '-H', 'Content-Type: application/json', '--data-binary', `@${file}`]);
  expect(fromCurl.status).toBe(413);

  expect((await api(server, '/escalation/policies')).status).toBe(200);
});

test('an oversized body follows the mock order of checks: no key is 401 before 413', async () => {
  const { server } = ctx;
  const response = await fetch(`${server.url}/escalation/policies`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: 'x'.repeat(MAX_BODY_BYTES + 1),
  });
  expect(response.status).toBe(401);
  expect((await errorOf(response)).code).toBe('missing_authorization_header');
});

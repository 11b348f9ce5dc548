import { request as httpRequest } from 'node:http';
import { afterAll, expect, test } from 'vitest';
import { startMockServer, type MockServer, type MockServerOptions } from '@scaling-cloud/sdk/mocks/server';
import { ErrorBody } from '../../src/schemas/index.js';
import { api } from './support.js';

/**
 * The standalone server is safe by default: keys and ids differ from one start to the next unless
 * pinned, no web page can drive the test controls (a custom header forces a preflight, which is
 * refused), and a `Host` it does not go by (DNS rebinding) is refused.
 */

const servers: MockServer[] = [];
const start = async (options: MockServerOptions = {}) => {
  const server = await startMockServer({ port: 0, now: '2026-04-07T10:00:00.000Z', ...options });
  servers.push(server);
  return server;
};
afterAll(() => Promise.all(servers.map((server) => server.close())));

/** Over `node:http`, which (unlike `fetch`) lets a test send any `Host` and read every header. */
const send = (url: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const request = httpRequest(url, { method: init.method ?? 'GET', headers: init.headers }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end();
  });

const firstPolicyId = async (server: MockServer) => {
  const response = await api(server, '/escalation/policies', { method: 'POST', json: { name: 'P' } });
  return ((await response.json()) as { data: { id: string } }).data.id;
};

test('two servers with default options have different keys and ids; an --id-seed pins both', async () => {
  const [a, b] = [await start(), await start()];
  expect(a.apiKey).toMatch(/^scl_mock_[0-9a-hjkmnp-tv-z]{32}$/);
  expect(a.apiKey).not.toBe(b.apiKey);
  expect(await firstPolicyId(a)).not.toBe(await firstPolicyId(b));

  const [c, d] = [await start({ idSeed: 7 }), await start({ idSeed: 7 })];
  expect(c.apiKey).toBe(d.apiKey);
  expect(await firstPolicyId(c)).toBe(await firstPolicyId(d));
  await expect(startMockServer({ idSeed: -1 })).rejects.toThrow(/idSeed must be an integer/);
});

test('a control call without x-scaling-mock-control is 403, with no CORS header; with it, it works', async () => {
  const server = await start();
  for (const [method, path] of [['GET', '/seed'], ['POST', '/reset'], ['GET', '/snapshot'], ['DELETE', '/faults'], ['GET', '/clock']] as const) {
    const refused = await send(`${server.origin}/__mock${path}`, { method, headers: { origin: 'http://evil.example' } });
    expect(refused.status, path).toBe(403);
    expect(ErrorBody.parse(JSON.parse(refused.body)).code).toBe('control_header_required');
    expect(refused.headers['access-control-allow-origin'], path).toBeUndefined();
  }
  const allowed = await send(`${server.origin}/__mock/clock`, { headers: { 'x-scaling-mock-control': 'anything' } });
  expect(allowed.status).toBe(200);
  expect(allowed.headers['access-control-allow-origin']).toBeUndefined();
  expect(JSON.parse(allowed.body)).toEqual({ now: '2026-04-07T10:00:00.000Z' });
});

test('with a control token, only that value opens the controls', async () => {
  const server = await start({ controlToken: 's3cret' });
  const wrong = await send(`${server.origin}/__mock/clock`, { headers: { 'x-scaling-mock-control': '1' } });
  expect(wrong.status).toBe(403);
  expect(JSON.parse(wrong.body).code).toBe('invalid_control_token');
  expect((await send(`${server.origin}/__mock/clock`, { headers: { 'x-scaling-mock-control': 's3cret' } })).status).toBe(200);
  await expect(startMockServer({ controlToken: 'two words' })).rejects.toThrow(/controlToken/);
});

test('a page of another origin gets no preflight for the controls; the API keeps its CORS', async () => {
  const server = await start();
  const control = await send(`${server.origin}/__mock/reset`, {
    method: 'OPTIONS',
    headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-scaling-mock-control' },
  });
  expect(control.status).toBe(403);
  expect(control.headers['access-control-allow-origin']).toBeUndefined();
  expect(control.headers['access-control-allow-headers']).toBeUndefined();

  const apiPreflight = await send(`${server.url}/escalation/policies`, {
    method: 'OPTIONS',
    headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
  });
  expect(apiPreflight.status).toBe(204);
  expect(apiPreflight.headers['access-control-allow-origin']).toBe('*');
});

test('a Host the server does not go by is refused (DNS rebinding), on the API and the controls alike', async () => {
  const server = await start();
  const headers = { host: 'rebound.evil.example:80', authorization: `Bearer ${server.apiKey}`, 'x-scaling-mock-control': '1' };
  for (const url of [`${server.url}/escalation/policies`, `${server.origin}/__mock/seed`]) {
    const refused = await send(url, { headers });
    expect(refused.status, url).toBe(403);
    expect(JSON.parse(refused.body)).toMatchObject({ code: 'host_not_allowed' });
    expect(JSON.parse(refused.body).message).toContain('--allowed-host rebound.evil.example');
  }
  for (const host of ['localhost', `127.0.0.1:${new URL(server.origin).port}`, '[::1]:1', 'LOCALHOST.']) {
    expect((await send(`${server.url}/escalation/policies`, { headers: { ...headers, host } })).status, host).toBe(200);
  }
});

test('allowedHosts adds names; "any" turns the check off', async () => {
  const named = await start({ allowedHosts: ['mock.internal'] });
  const headers = (server: MockServer, host: string) => ({ host, authorization: `Bearer ${server.apiKey}` });
  expect((await send(`${named.url}/escalation/policies`, { headers: headers(named, 'mock.internal:4010') })).status).toBe(200);
  expect((await send(`${named.url}/escalation/policies`, { headers: headers(named, 'other.internal') })).status).toBe(403);
  const open = await start({ allowedHosts: 'any' });
  expect((await send(`${open.url}/escalation/policies`, { headers: headers(open, 'anything.example') })).status).toBe(200);
});

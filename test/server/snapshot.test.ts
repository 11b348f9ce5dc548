import { request } from 'node:http';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { MAX_BODY_BYTES } from '@scaling-cloud/sdk/mocks';
import { startMockServer, type MockServer } from '@scaling-cloud/sdk/mocks/server';
import { ErrorBody } from '../../src/schemas/index.js';
import { Scaling } from '../../src/index.js';
import { buildWorld, clientOf, MINUTE, viewOf } from '../snapshot-world.js';
import { control, curl, useMockServer } from './support.js';

/**
 * Snapshots over HTTP, for suites that cannot call `mock.snapshot()`: `GET /__mock/snapshot` gives
 * one, `POST /__mock/restore` takes it back, and a server started with `state` starts from one.
 */

const ctx = useMockServer();

/** The SDK over real HTTP, with an org's key. */
const overHttp = (server: MockServer) => (apiKey: string) => new Scaling({ apiKey, baseUrl: server.url, maxRetries: 0 });

const restore = (server: MockServer, body: string) =>
  fetch(`${server.origin}/__mock/restore`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-scaling-mock-control': '1' }, body });

const pagesOf = async (server: MockServer) => (await control(server, 'GET', '/pages')).body.pages as unknown[];

test('GET /__mock/snapshot, then POST it to /__mock/restore: the API shows it again and escalation goes on as before', async () => {
  const { server } = ctx;
  await control(server, 'POST', '/reset');
  const world = await buildWorld(server.mock);
  const before = await viewOf(server.mock, world.apiKeys, overHttp(server));

  const taken = await fetch(`${server.origin}/__mock/snapshot`, { headers: { 'x-scaling-mock-control': '1' } });
  expect(taken.status).toBe(200);
  expect(taken.headers.get('content-type')).toMatch(/^application\/json/);
  const snapshot = await taken.text();
  expect(JSON.parse(snapshot)).toMatchObject({ format: 'scaling-mock-snapshot', version: 1, clock: Date.parse('2026-04-07T10:08:00Z') });

  // What happens after the snapshot, over HTTP: a new policy, and half an hour of escalation.
  await overHttp(server)(server.apiKey).policies.create({ name: 'After the snapshot' });
  await control(server, 'POST', '/clock/advance', { ms: 30 * MINUTE });
  const pagesThen = await pagesOf(server);
  expect(pagesThen.length).toBeGreaterThan(before.pages.length);

  const restored = await restore(server, snapshot);
  expect({ status: restored.status, body: await restored.json() }).toEqual({ status: 200, body: { now: '2026-04-07T10:08:00.000Z' } });
  expect(await viewOf(server.mock, world.apiKeys, overHttp(server))).toEqual(before);
  // The same half hour pages the same people at the same instants.
  await control(server, 'POST', '/clock/advance', { ms: 30 * MINUTE });
  expect(await pagesOf(server)).toEqual(pagesThen);
});

test('a snapshot over 1 MiB restores (with curl, from a file); other bodies keep the 1 MiB limit; over 64 MiB is 413', async () => {
  const { server } = ctx;
  await control(server, 'POST', '/reset');
  const scaling = clientOf(server.mock);
  for (let i = 0; i < 130; i++) await scaling.incidents.create({ title: `Incident ${i}`, description: 'd'.repeat(9_000), severity: 'low', ownerId: server.mock.userId });
  // Every incident, over HTTP (a whole view would be a few hundred requests).
  const incidents = async () => {
    const listed = [];
    for await (const incident of overHttp(server)(server.apiKey).incidents.listAll({ limit: 100 })) listed.push(incident);
    return listed;
  };
  const before = await incidents();
  expect(before).toHaveLength(130);
  const file = join(mkdtempSync(join(tmpdir(), 'scaling-mock-state-')), 'state.json');
  const saved = await curl(['-H', 'x-scaling-mock-control: 1', `${server.origin}/__mock/snapshot`, '--output', file]);
  expect(saved.status).toBe(200);

  await control(server, 'POST', '/reset');
  // curl asks `Expect: 100-continue` for a body this large: the restore's limit answers, not the API's.
  const restored = await curl(['-X', 'POST', `${server.origin}/__mock/restore`, '-H', 'x-scaling-mock-control: 1', '-H', 'Content-Type: application/json', '--data-binary', `@${file}`]);
  expect(restored.status).toBe(200);
  expect(await incidents()).toEqual(before);
  expect(statSync(file).size).toBeGreaterThan(MAX_BODY_BYTES);

  const elsewhere = await curl(['-X', 'POST', `${server.origin}/__mock/clock/advance`, '-H', 'x-scaling-mock-control: 1', '-H', 'Content-Type: application/json', '--data-binary', `@${file}`]);
  expect(elsewhere.status).toBe(413);
  expect(JSON.parse(elsewhere.body)).toMatchObject({ code: 'payload_too_large', message: `The body is larger than ${MAX_BODY_BYTES} bytes.` });

  // Over the restore's own limit: refused from the declared length, before any of the body is sent.
  const limit = 64 * 1024 * 1024;
  const refused = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const sent = request(`${server.origin}/__mock/restore`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(limit + 1), expect: '100-continue', 'x-scaling-mock-control': '1' },
    });
    sent.on('continue', () => reject(new Error('the server asked for the body')));
    sent.on('response', (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    sent.on('error', reject);
    sent.flushHeaders();
  });
  expect(refused.status).toBe(413);
  expect(JSON.parse(refused.body)).toMatchObject({ code: 'payload_too_large', message: `The body is larger than ${limit} bytes.` });
  expect(await incidents()).toEqual(before);
});

test.each([
  ['no body', '', 'invalid_snapshot', /^Send a snapshot from GET \/__mock\/snapshot as the body\.$/],
  ['broken JSON', '{"format":', 'invalid_json', /^The body is not valid UTF-8 JSON\.$/],
  ['something else', '{"format":"other","version":1}', 'invalid_snapshot', /^mock\.restore: snapshot\.format must be "scaling-mock-snapshot": this is not a snapshot of a Scaling mock; got "other"$/],
])('POST /__mock/restore with %s is 400 with the API error body, and nothing changes', async (_what, body, code, message) => {
  const { server } = ctx;
  await control(server, 'POST', '/reset');
  await clientOf(server.mock).policies.create({ name: 'Kept' });
  const before = await viewOf(server.mock, [server.apiKey], overHttp(server));
  const response = await restore(server, body);
  expect(response.status).toBe(400);
  const error = ErrorBody.parse(await response.json());
  expect(error).toMatchObject({ statusCode: 400, type: 'invalid_request_error', code, requestId: response.headers.get('x-request-id') });
  expect(error.message).toMatch(message);
  expect(await viewOf(server.mock, [server.apiKey], overHttp(server))).toEqual(before);
});

test('a snapshot with one bad field deep inside is refused whole, naming the field', async () => {
  const { server } = ctx;
  await control(server, 'POST', '/reset');
  const world = await buildWorld(server.mock);
  const snapshot = server.mock.snapshot() as unknown as { state: { orgs: Array<{ incidents: Array<{ severity: unknown }> }> } };
  await clientOf(server.mock).policies.create({ name: 'After the snapshot' });
  const before = await viewOf(server.mock, world.apiKeys, overHttp(server));
  snapshot.state.orgs[0]!.incidents[3]!.severity = 'catastrophic';
  const response = await restore(server, JSON.stringify(snapshot));
  expect(response.status).toBe(400);
  expect(ErrorBody.parse(await response.json()).message).toBe(
    'mock.restore: snapshot.state.orgs[0].incidents[3].severity must be one of critical, high, medium, low; got "catastrophic"',
  );
  expect(await viewOf(server.mock, world.apiKeys, overHttp(server))).toEqual(before);
  const wrongMethod = await fetch(`${server.origin}/__mock/restore`, { headers: { 'x-scaling-mock-control': '1' } });
  expect({ status: wrongMethod.status, allow: wrongMethod.headers.get('allow') }).toEqual({ status: 405, allow: 'POST' });
});

test('a server started from a snapshot (`state`) serves it, and POST /__mock/reset comes back to it', async () => {
  const { server } = ctx;
  await control(server, 'POST', '/reset');
  const world = await buildWorld(server.mock);
  const snapshot = JSON.parse(JSON.stringify(server.mock.snapshot()));
  const before = await viewOf(server.mock, world.apiKeys, overHttp(server));

  const second = await startMockServer({ port: 0, state: snapshot });
  try {
    expect(second.url).not.toBe(server.url);
    expect(second.apiKey).toBe(server.apiKey);
    expect(second.seed).toBeNull();
    expect(await viewOf(second.mock, world.apiKeys, overHttp(second))).toEqual(before);

    await overHttp(second)(second.apiKey).policies.create({ name: 'Made on the second server' });
    await control(second, 'POST', '/clock/advance', { ms: 60 * MINUTE });
    expect(await control(second, 'POST', '/reset')).toEqual({ status: 200, body: { now: '2026-04-07T10:08:00.000Z', seed: null } });
    expect(await viewOf(second.mock, world.apiKeys, overHttp(second))).toEqual(before);
  } finally {
    await second.close();
  }
});

test('`state` is not combined with seed, apiKey or now, and a bad one is a TypeError naming the field', async () => {
  const { server } = ctx;
  await control(server, 'POST', '/reset');
  const snapshot = JSON.parse(JSON.stringify(server.mock.snapshot()));
  await expect(startMockServer({ port: 0, state: snapshot, seed: { orgs: [] } })).rejects.toThrow(
    new TypeError('state cannot be combined with seed: a snapshot holds the orgs, the keys and the clock itself'),
  );
  await expect(startMockServer({ port: 0, state: snapshot, apiKey: 'scl_mock_x', now: '2026-04-07T10:00:00Z' })).rejects.toThrow(
    /^state cannot be combined with apiKey, now: /,
  );
  await expect(startMockServer({ port: 0, state: { ...snapshot, version: 3 } })).rejects.toThrow(
    new TypeError('mock.restore: snapshot.version must be 1, the only version this package reads; got 3'),
  );
  await expect(startMockServer({ port: 0, state: 'state.json' })).rejects.toThrow(/^mock\.restore: the snapshot must be an object/);
});

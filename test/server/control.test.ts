import { expect, test } from 'vitest';
import { ErrorBody, IncidentDetailResponse } from '../../src/schemas/index.js';
import { Scaling } from '../../src/index.js';
import { api, control, curl, useMockServer } from './support.js';

const ctx = useMockServer({
  now: '2026-04-07T10:00:00.000Z',
  seed: {
    orgs: [
      {
        default: true,
        users: [{ ref: 'primary' }, { ref: 'secondary' }],
        policies: [
          {
            ref: 'checkout',
            name: 'Checkout',
            layers: [
              { ackTimeoutMinutes: 5, target: { users: ['primary'] } },
              { ackTimeoutMinutes: 10, target: { users: ['secondary'] } },
            ],
          },
        ],
      },
    ],
  },
});

const open = async (title: string) => {
  const { server } = ctx;
  const response = await api(server, '/incidents', {
    method: 'POST',
    json: { title, severity: 'critical', escalationPolicyId: server.seed!.refs.policies.checkout },
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { data: { id: string } }).data.id;
};

test('escalation end to end over HTTP: the clock is moved from outside and the pages appear', async () => {
  const { server } = ctx;
  await control(server, 'POST', '/reset');
  const { users } = server.seed!.refs;
  const incidentId = await open('Checkout down');
  expect((await control(server, 'GET', `/pages?incidentId=${incidentId}`)).body.pages).toMatchObject([{ userId: users.primary, position: 1 }]);

  expect(await control(server, 'POST', '/clock/advance', { ms: 5 * 60_000 })).toEqual({ status: 200, body: { now: '2026-04-07T10:05:00.000Z' } });
  const { body } = await control(server, 'GET', `/pages?incidentId=${incidentId}&position=2`);
  expect(body.pages).toEqual([
    { incidentId, userId: users.secondary, layerId: server.seed!.orgs[0]!.policies[0]!.layerIds[1], position: 2, at: '2026-04-07T10:05:00.000Z', reason: 'escalation', orgId: server.mock.orgId },
  ]);

  // Acknowledged over HTTP: time passes and nobody else is paged.
  expect((await api(server, `/incidents/${incidentId}/acknowledge`, { method: 'POST' })).status).toBe(200);
  await control(server, 'POST', '/clock/advance', { to: '2026-04-07T12:00:00+00:00' });
  expect((await control(server, 'GET', `/pages?incidentId=${incidentId}`)).body.pages).toHaveLength(2);
  const detail = IncidentDetailResponse.parse(await (await api(server, `/incidents/${incidentId}`)).json());
  expect(detail.data.escalation).toMatchObject({ state: 'acknowledged', position: 2 });
});

test('GET /__mock/clock tells the time; curl -d (a form content type) is read as JSON', async () => {
  const { server } = ctx;
  await control(server, 'POST', '/reset');
  expect(await control(server, 'GET', '/clock')).toEqual({ status: 200, body: { now: '2026-04-07T10:00:00.000Z' } });
  const moved = await curl(['-X', 'POST', `${server.origin}/__mock/clock/advance`, '-H', 'x-scaling-mock-control: 1', '-d', '{"ms": 90000}']);
  expect(moved).toEqual({ status: 200, body: '{"now":"2026-04-07T10:01:30.000Z"}' });
});

test.each([
  ['neither ms nor to', {}, 'must have exactly one of ms, to'],
  ['both', { ms: 1, to: '2026-04-08T00:00:00Z' }, 'must have exactly one of ms, to'],
  ['a negative ms', { ms: -1 }, 'ms: must be a number of milliseconds >= 0'],
  ['ms as a string', { ms: '60000' }, 'ms: '],
  ['a date without an offset', { to: '2026-04-08' }, 'to: must be an ISO 8601 datetime with an offset'],
  ['an unknown field', { minutes: 5 }, 'minutes: is not a known field'],
  ['a time in the past', { to: '2020-01-01T00:00:00Z' }, 'The clock only moves forward'],
])('POST /__mock/clock/advance with %s is 400 with the API error body', async (_what, body, message) => {
  const { server } = ctx;
  const before = (await control(server, 'GET', '/clock')).body.now;
  const response = await control(server, 'POST', '/clock/advance', body);
  expect(response.status).toBe(400);
  expect(ErrorBody.parse(response.body)).toMatchObject({ statusCode: 400, type: 'invalid_request_error', code: 'invalid_request_error' });
  expect(response.body.message).toContain(message);
  expect((await control(server, 'GET', '/clock')).body.now).toBe(before);
});

test('control bodies that are not JSON are 400 invalid_json', async () => {
  const { server } = ctx;
  const response = await fetch(`${server.origin}/__mock/clock/advance`, { method: 'POST', headers: { 'x-scaling-mock-control': '1' }, body: 'ms=5' });
  expect(response.status).toBe(400);
  expect(ErrorBody.parse(await response.json()).code).toBe('invalid_json');
});

test('GET /__mock/pages filters like mock.pages, and refuses a filter it does not know', async () => {
  const { server } = ctx;
  await control(server, 'POST', '/reset');
  const [first, second] = [await open('One'), await open('Two')];
  const all = (await control(server, 'GET', '/pages')).body.pages;
  expect(all).toEqual(server.mock.pages());
  expect(all).toHaveLength(2);
  const { users } = server.seed!.refs;
  expect((await control(server, 'GET', `/pages?incidentId=${second}`)).body.pages).toEqual(server.mock.pages({ incidentId: second }));
  expect((await control(server, 'GET', `/pages?userId=${users.primary}&reason=escalation&incidentId=${first}`)).body.pages).toMatchObject([{ incidentId: first }]);
  expect((await control(server, 'GET', '/pages?reason=handoff')).body.pages).toEqual([]);
  for (const [query, message] of [
    ['position=first', 'position: must be a positive integer'],
    ['reason=timeout', 'reason: must be escalation or handoff'],
    ['incident=x', 'incident: is not a known field'],
    ['userId=', 'userId: must not be empty'],
  ]) {
    const response = await control(server, 'GET', `/pages?${query}`);
    expect(response.status, query).toBe(400);
    expect(response.body.message, query).toContain(message);
  }
});

test('POST /__mock/reset brings back the seeded state: same ids and keys, clock at its start, incidents gone', async () => {
  const { server } = ctx;
  const seeded = server.seed;
  await open('Before reset');
  await control(server, 'POST', '/clock/advance', { ms: 3_600_000 });
  const reset = await control(server, 'POST', '/reset');
  expect(reset).toEqual({ status: 200, body: { now: '2026-04-07T10:00:00.000Z', seed: seeded } });
  expect((await control(server, 'GET', '/seed')).body).toEqual({ seed: seeded });
  const incidents = (await (await api(server, '/incidents')).json()) as { data: { incidents: unknown[] } };
  expect(incidents.data.incidents).toEqual([]);
  expect((await control(server, 'GET', '/pages')).body.pages).toEqual([]);
  const scaling = new Scaling({ apiKey: server.apiKey, baseUrl: server.url, maxRetries: 0 });
  expect((await scaling.policies.get(seeded!.refs.policies.checkout!)).layers).toHaveLength(2);
  expect((await control(server, 'POST', '/reset', { hard: true })).status).toBe(400);
});

test('only the standalone server has the controls: unknown ones are 404, wrong methods 405, and the handlers have none', async () => {
  const { server } = ctx;
  const unknown = await control(server, 'GET', '/time');
  expect(unknown.status).toBe(404);
  expect(ErrorBody.parse(unknown.body).code).toBe('route_not_found');
  const wrong = await fetch(`${server.origin}/__mock/reset`, { headers: { 'x-scaling-mock-control': '1' } });
  expect(wrong.status).toBe(405);
  expect(wrong.headers.get('allow')).toBe('POST');
  // Under the API's base URL, /__mock is just an unknown route; the mock's own fetch does not know it.
  expect((await api(server, '/__mock/clock')).status).toBe(404);
  await expect(server.mock.fetch(`${server.origin}/__mock/clock`)).rejects.toThrow(TypeError);
});

/**
 * `mock.requests()`: every request the mock answered, oldest first, in the API's notation, through
 * the SDK or a raw `fetch`, including the refusals (401, 404, 405, 413, 414, 415).
 */
import { describe, expect, test } from 'vitest';
import { createScalingMock, MAX_BODY_BYTES } from '../mocks/index.js';
import { Scaling } from '../src/index.js';
import { raw, useMock } from './helpers.js';

const t = useMock();

describe('through setupServer', () => {
  test('each SDK call once, in the API’s notation, with its org, body, status and virtual time', async () => {
    const policy = await t.scaling.policies.create({ name: 'Checkout' });
    await t.mock.clock.advance(60_000);
    const incident = await t.scaling.incidents.create({ title: 'Checkout down', severity: 'critical', escalationPolicyId: policy.id });
    await t.scaling.incidents.get(incident.id);
    await t.scaling.incidents.list({ status: 'investigating', limit: 5 });
    expect(t.mock.requests()).toEqual([
      {
        method: 'POST',
        path: '/escalation/policies',
        url: `${t.mock.baseUrl}/escalation/policies`,
        status: 201,
        orgId: t.mock.orgId,
        body: { name: 'Checkout' },
        at: '2026-04-07T10:00:00.000Z',
      },
      {
        method: 'POST',
        path: '/incidents',
        url: `${t.mock.baseUrl}/incidents`,
        status: 201,
        orgId: t.mock.orgId,
        body: { title: 'Checkout down', severity: 'critical', escalationPolicyId: policy.id },
        at: '2026-04-07T10:01:00.000Z',
      },
      expect.objectContaining({ method: 'GET', path: '/incidents/{incidentId}', url: `${t.mock.baseUrl}/incidents/${incident.id}`, status: 200, body: null }),
      expect.objectContaining({ method: 'GET', path: '/incidents', url: `${t.mock.baseUrl}/incidents?status=investigating&limit=5`, status: 200 }),
    ]);
  });

  test('refusals are logged too: 401 without an org, 404 and 405 from the fallback, 413, 414, 415', async () => {
    const { mock } = t;
    await raw(mock, '/escalation/policies', { headers: { authorization: '' } });
    await raw(mock, '/escalation/policies', { headers: { authorization: 'Bearer scl_mock_unknown' } });
    await raw(mock, '/nowhere/else', { method: 'POST', json: { a: 1 } });
    await raw(mock, '/escalation/policies/pol_1', { method: 'POST', json: { name: 'x' } });
    await raw(mock, '/escalation/policies', { method: 'POST', json: { name: 'x'.repeat(MAX_BODY_BYTES) } });
    const long = `/escalation/policies/${'p'.repeat(9000)}`;
    await raw(mock, long);
    await raw(mock, '/escalation/policies', { method: 'POST', body: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(mock.requests().map(({ method, path, status, orgId, body }) => ({ method, path, status, orgId, body }))).toEqual([
      { method: 'GET', path: '/escalation/policies', status: 401, orgId: null, body: null },
      { method: 'GET', path: '/escalation/policies', status: 401, orgId: null, body: null },
      { method: 'POST', path: '/nowhere/else', status: 404, orgId: mock.orgId, body: { a: 1 } },
      { method: 'POST', path: '/escalation/policies/{policyId}', status: 405, orgId: mock.orgId, body: { name: 'x' } },
      { method: 'POST', path: '/escalation/policies', status: 413, orgId: mock.orgId, body: null },
      { method: 'GET', path: long, status: 414, orgId: mock.orgId, body: null },
      { method: 'POST', path: '/escalation/policies', status: 415, orgId: mock.orgId, body: null },
    ]);
  });

  test('filters: method in any case, path in the table’s notation, as sent, or as a RegExp, and status', async () => {
    const { mock, scaling } = t;
    const policy = await scaling.policies.create({ name: 'Checkout' });
    await scaling.policies.get(policy.id);
    await scaling.policies.get('pol_missing').catch(() => undefined);
    await scaling.policies.list();
    const paths = (filter: Parameters<typeof mock.requests>[0]) => mock.requests(filter).map((request) => `${request.method} ${request.url.slice(mock.baseUrl.length)} ${request.status}`);
    expect(paths({ method: 'post' })).toEqual(['POST /escalation/policies 201']);
    expect(paths({ path: '/escalation/policies/{policyId}' })).toEqual([`GET /escalation/policies/${policy.id} 200`, 'GET /escalation/policies/pol_missing 404']);
    expect(paths({ path: '/escalation/policies/pol_missing' })).toEqual(['GET /escalation/policies/pol_missing 404']);
    expect(paths({ path: /missing$/g })).toEqual(['GET /escalation/policies/pol_missing 404']);
    // A RegExp with `g` gives the same answer every time (no `lastIndex` carried over).
    expect(paths({ path: /missing$/g })).toEqual(['GET /escalation/policies/pol_missing 404']);
    expect(paths({ method: 'GET', status: 200 })).toEqual([`GET /escalation/policies/${policy.id} 200`, 'GET /escalation/policies 200']);
    expect(paths({ status: 500 })).toEqual([]);
  });

  test('a bad filter is a TypeError naming the field', () => {
    expect(() => t.mock.requests({ method: 'FETCH' })).toThrow(/^mock.requests: method: must be one of GET, POST, PUT, PATCH, DELETE$/);
    expect(() => t.mock.requests({ path: 'incidents' })).toThrow(/^mock.requests: path: must start with \//);
    expect(() => t.mock.requests({ path: '/incidents/{id}' })).toThrow(/path: has \{…\} but is no path of the API/);
    expect(() => t.mock.requests({ status: 2000 })).toThrow(/status: must be a status from 0 to 599/);
    expect(() => t.mock.requests({ state: 'x' } as never)).toThrow(/state: is not a known field/);
  });

  test('the list is a copy: changing it changes nothing in the log', async () => {
    await t.scaling.policies.create({ name: 'Checkout' });
    const [first] = t.mock.requests();
    (first!.body as { name: string }).name = 'Changed';
    first!.status = 500;
    expect(t.mock.requests()).toEqual([expect.objectContaining({ status: 201, body: { name: 'Checkout' } })]);
  });

  test('reset() empties the log', async () => {
    await t.scaling.policies.list();
    t.mock.reset();
    expect(t.mock.requests()).toEqual([]);
  });

  test('requests the mock never saw (answered by a handler put before its own) are not in it', async () => {
    const { http, HttpResponse } = await import('msw');
    t.server.use(http.get(`${t.mock.baseUrl}/escalation/policies`, () => HttpResponse.json({ data: [] })));
    await t.scaling.policies.list();
    expect(t.mock.requests()).toEqual([]);
  });
});

describe('through mock.fetch', () => {
  test('the same entries, once each', async () => {
    const mock = createScalingMock({ now: '2026-04-07T10:00:00.000Z' });
    const scaling = new Scaling({ apiKey: mock.apiKey, fetch: mock.fetch });
    await scaling.policies.create({ name: 'Checkout' });
    await scaling.policies.list();
    expect(mock.requests().map((request) => `${request.method} ${request.path} ${request.status} ${request.at}`)).toEqual([
      'POST /escalation/policies 201 2026-04-07T10:00:00.000Z',
      'GET /escalation/policies 200 2026-04-07T10:00:00.000Z',
    ]);
  });

});

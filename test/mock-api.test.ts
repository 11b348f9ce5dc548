import { describe, expect, test } from 'vitest';
import { createScalingMock } from '../mocks/index.js';
import { Scaling } from '../src/index.js';
import { useMock } from './helpers.js';

const t = useMock();

describe('the virtual clock', () => {
  test('starts at `now`, moves only when told, and stamps every write', async () => {
    expect(t.mock.clock.now()).toEqual(new Date('2026-04-07T10:00:00.000Z'));
    await t.mock.clock.advance(5 * 60_000);
    expect(t.mock.clock.now().toISOString()).toBe('2026-04-07T10:05:00.000Z');
    await t.mock.clock.set('2026-04-07T12:00:00Z');
    const policy = await t.scaling.policies.create({ name: 'Stamped' });
    expect(policy.createdAt).toBe('2026-04-07T12:00:00.000Z');
    // Real time passes; virtual time does not.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(t.mock.clock.now().toISOString()).toBe('2026-04-07T12:00:00.000Z');
  });

  test('never goes backwards, and refuses nonsense', async () => {
    await expect(t.mock.clock.set('2026-04-07T09:59:59Z')).rejects.toThrow(RangeError);
    await expect(t.mock.clock.advance(-1)).rejects.toThrow(RangeError);
    await expect(t.mock.clock.advance(Number.NaN)).rejects.toThrow(RangeError);
    await expect(t.mock.clock.set('not a date')).rejects.toThrow(RangeError);
    expect(t.mock.clock.now().toISOString()).toBe('2026-04-07T10:00:00.000Z');
  });

  test('defaults to the wall time when no `now` is given', () => {
    const before = Date.now();
    const mock = createScalingMock();
    expect(mock.clock.now().getTime()).toBeGreaterThanOrEqual(before);
    expect(mock.clock.now().getTime()).toBeLessThanOrEqual(Date.now());
  });
});

describe('state', () => {
  test('reset() forgets everything but the default org, user and key, and rewinds the clock', async () => {
    const { apiKey, orgId, userId } = t.mock;
    const other = t.mock.createOrg();
    await t.scaling.policies.create({ name: 'Gone after reset' });
    await t.mock.clock.advance(60_000);
    t.mock.reset();
    expect(await t.scaling.policies.list()).toEqual([]);
    expect(t.mock.clock.now().toISOString()).toBe('2026-04-07T10:00:00.000Z');
    expect({ apiKey: t.mock.apiKey, orgId: t.mock.orgId, userId: t.mock.userId }).toEqual({ apiKey, orgId, userId });
    await expect(t.client({ apiKey: other.apiKey }).policies.list()).rejects.toMatchObject({ code: 'invalid_api_key' });
    await expect(t.scaling.policies.create({ name: 'Gone after reset' })).resolves.toMatchObject({ createdBy: userId });
  });

  test('two mocks never share state', async () => {
    const now = '2026-04-07T10:00:00Z';
    const a = createScalingMock({ baseUrl: 'https://a.test/v1', now });
    const b = createScalingMock({ baseUrl: 'https://b.test/v1', now });
    t.server.resetHandlers(...a.handlers, ...b.handlers);
    const clientA = new Scaling({ apiKey: a.apiKey, baseUrl: a.baseUrl });
    const clientB = new Scaling({ apiKey: b.apiKey, baseUrl: b.baseUrl });
    await clientA.policies.create({ name: 'Only in A' });
    expect(await clientB.policies.list()).toEqual([]);
    // Same seed, same key: yet B does not know A's policy, and A's clock is A's alone.
    expect(a.apiKey).toBe(b.apiKey);
    await a.clock.advance(60_000);
    expect(b.clock.now().getTime()).toBe(a.clock.now().getTime() - 60_000);
  });

  test('the same seed gives the same ids; another seed, others', () => {
    const ids = (seed: number) => {
      const mock = createScalingMock({ seed });
      return [mock.apiKey, mock.orgId, mock.createUser().id, mock.createSchedule().id];
    };
    expect(ids(7)).toEqual(ids(7));
    expect(ids(7)).not.toEqual(ids(8));
    expect(ids(7)[0]).toMatch(/^scl_mock_[0-9a-z]{32}$/);
  });

  test('an apiKey option sets the default key', async () => {
    const mock = createScalingMock({ apiKey: 'scl_live_fixed_for_tests' });
    expect(mock.apiKey).toBe('scl_live_fixed_for_tests');
  });
});

describe('mock.fetch routes as the API does', () => {
  const NOW = '2026-04-07T10:00:00Z';
  const json = (apiKey: string) => ({ authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' });

  test('a trailing slash, a percent-encoded id and a lower-case method reach the endpoint; an empty id does not', async () => {
    const mock = createScalingMock({ now: NOW });
    const policy = await new Scaling({ apiKey: mock.apiKey, fetch: mock.fetch }).policies.create({ name: 'Routed' });
    const send = (path: string, init: RequestInit = {}) => mock.fetch(`${mock.baseUrl}${path}`, { headers: json(mock.apiKey), ...init });
    expect(await (await send('/escalation/policies/')).json()).toMatchObject({ data: [{ id: policy.id }] });
    expect(await (await send(`/escalation/policies/${policy.id}/`)).json()).toMatchObject({ data: { id: policy.id } });
    const encoded = `%${policy.id.charCodeAt(0).toString(16)}${policy.id.slice(1)}`;
    expect(await (await send(`/escalation/policies/${encoded}`)).json()).toMatchObject({ data: { id: policy.id } });
    const renamed = await send(`/escalation/policies/${policy.id}`, { method: 'patch', body: JSON.stringify({ name: 'Renamed' }) });
    expect(await renamed.json()).toMatchObject({ data: { name: 'Renamed' } });
    const empty = await send('/escalation/policies//layers');
    expect([empty.status, (await empty.json()).code]).toEqual([404, 'route_not_found']);
    expect(mock.requests().map(({ method, path, status }) => `${method} ${path} ${status}`)).toEqual([
      'POST /escalation/policies 201',
      'GET /escalation/policies 200',
      'GET /escalation/policies/{policyId} 200',
      'GET /escalation/policies/{policyId} 200',
      'PATCH /escalation/policies/{policyId} 200',
      'GET /escalation/policies//layers 404',
    ]);
  });

  test('a base URL with an upper-case host and its default port answers, faults and logs the URLs requests are sent to', async () => {
    const mock = createScalingMock({ now: NOW, baseUrl: 'https://API.Example.test:443/v1' });
    mock.faults.add({ method: 'GET', path: '/users', status: 503, times: 1 });
    const users = () => mock.fetch('https://api.example.test/v1/users', { headers: json(mock.apiKey) });
    expect((await users()).status).toBe(503);
    expect((await users()).status).toBe(200);
    expect(mock.requests({ path: '/users' }).map(({ status, fault }) => [status, fault])).toEqual([[503, 'error'], [200, undefined]]);
  });

  test('mocks made with one seed and key show the same ids, yet each has its own store, before and after reset()', async () => {
    const make = () => createScalingMock({ now: NOW, seed: 5, apiKey: 'scl_mock_fixed_for_routing' });
    const [a, b] = [make(), make()];
    expect([b.apiKey, b.orgId, b.userId]).toEqual([a.apiKey, a.orgId, a.userId]);
    const client = (mock: typeof a) => new Scaling({ apiKey: mock.apiKey, fetch: mock.fetch, maxRetries: 0 });
    await client(a).policies.create({ name: 'Only in A' });
    expect(await client(b).policies.list()).toEqual([]);
    expect((await client(b).policies.create({ name: 'Only in B' })).createdBy).toBe(b.userId);
    a.reset();
    b.reset();
    expect(await client(a).policies.list()).toEqual([]);
    expect((await client(b).policies.create({ name: 'After reset' })).createdBy).toBe(b.userId);
  });
});

describe('mock.fetch(url, init) answers as mock.fetch(new Request(url, init)) does', () => {
  // mock.fetch answers the SDK's calls without building a `Request` (mocks/handlers/direct-request.ts);
  // whatever it is given, the answer, the log and any error must be the ones the `Request` would get.
  const NOW = '2026-04-07T10:00:00Z';
  type Outcome = { status: number; headers: [string, string][]; body: string } | { error: string; message: string };
  const outcome = async (send: () => Promise<Response>): Promise<Outcome> => {
    try {
      const response = await send();
      return { status: response.status, headers: [...response.headers], body: await response.text() };
    } catch (error) {
      return { error: (error as Error).constructor.name, message: (error as Error).message };
    }
  };
  const big = JSON.stringify({ name: 'x'.repeat(1024 * 1024) });
  const cases: Array<[string, string, (apiKey: string) => RequestInit]> = [
    ['a JSON body with Headers', '/escalation/policies', (key) => ({ method: 'POST', headers: new Headers({ authorization: `Bearer ${key}`, 'content-type': 'application/json' }), body: '{"name":"A"}' })],
    ['headers as pairs', '/escalation/policies', (key) => ({ method: 'POST', headers: [['authorization', `Bearer ${key}`], ['content-type', 'application/json']], body: '{"name":"B"}' })],
    ['a string body with no content type (text/plain)', '/escalation/policies', (key) => ({ method: 'POST', headers: { authorization: `Bearer ${key}` }, body: '{"name":"C"}' })],
    ['an empty body', '/escalation/policies', (key) => ({ method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: '' })],
    ['a null body', '/escalation/policies', (key) => ({ method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: null })],
    ['bad JSON', '/escalation/policies', (key) => ({ method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: '{"name":' })],
    ['a lone surrogate', '/escalation/policies', (key) => ({ method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: '{"name":"\uD800"}' })],
    ['a body past 1 MiB', '/escalation/policies', (key) => ({ method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: big })],
    ['a content-length past 1 MiB', '/escalation/policies', (key) => ({ method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': '2000000' }, body: '{"name":"D"}' })],
    ['no key', '/users', () => ({})],
    ['no init at all', '/users', () => undefined as unknown as RequestInit],
    ['a revoked key', '/users', () => ({ headers: { authorization: 'Bearer scl_mock_nobody' } })],
    ['a bad query', '/incidents?limit=many', (key) => ({ headers: { authorization: `Bearer ${key}` } })],
    ['a fragment', '/users#team', (key) => ({ headers: { authorization: `Bearer ${key}` } })],
    ['a dot segment', '/escalation/policies/../../users', (key) => ({ headers: { authorization: `Bearer ${key}` } })],
    ['a lower-case method', '/escalation/policies', (key) => ({ method: 'post', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: '{"name":"E"}' })],
    ['HEAD', '/users', (key) => ({ method: 'HEAD', headers: { authorization: `Bearer ${key}` } })],
    ['no route', '/nowhere', (key) => ({ headers: { authorization: `Bearer ${key}` } })],
    ['a method the path does not serve', '/users', (key) => ({ method: 'PUT', headers: { authorization: `Bearer ${key}` }, body: '{}' })],
    ['a body on a GET', '/users', (key) => ({ headers: { authorization: `Bearer ${key}` }, body: '{}' })],
    ['a bad header name', '/users', (key) => ({ headers: { authorization: `Bearer ${key}`, 'bad header': 'x' } })],
    ['an aborted signal', '/users', (key) => ({ headers: { authorization: `Bearer ${key}` }, signal: AbortSignal.abort(new Error('gave up')) })],
    ['an option a Request checks', '/users', (key) => ({ headers: { authorization: `Bearer ${key}` }, mode: 'navigate' })],
  ];

  test.each(cases)('%s', async (_, path, init) => {
    const [direct, viaRequest] = [createScalingMock({ now: NOW }), createScalingMock({ now: NOW })];
    const url = `${direct.baseUrl}${path}`;
    const got = await outcome(() => direct.fetch(url, init(direct.apiKey)));
    const expected = await outcome(() => viaRequest.fetch(new Request(url, init(viaRequest.apiKey))));
    expect(got).toEqual(expected);
    expect(direct.requests()).toEqual(viaRequest.requests());
  });

  test('headers the caller changes once mock.fetch has returned change nothing, as a Request has its own copy', async () => {
    const mock = createScalingMock({ now: NOW });
    const headers = new Headers({ authorization: `Bearer ${mock.apiKey}`, 'content-type': 'application/json' });
    const sent = mock.fetch(`${mock.baseUrl}/escalation/policies`, { method: 'POST', headers, body: '{"name":"Kept"}' });
    headers.set('authorization', 'Bearer scl_mock_nobody');
    headers.set('content-type', 'text/plain');
    const response = await sent;
    expect([response.status, (await response.json()).data.name]).toEqual([201, 'Kept']);
  });
});

describe('test-facing helpers', () => {
  test('createUser makes a member with a key of their own, in the default org or the given one', async () => {
    const user = t.mock.createUser({ firstName: 'Grace', email: 'grace@example.com' });
    expect(user).toMatchObject({ id: expect.stringMatching(/^user_/), orgId: t.mock.orgId, firstName: 'Grace', email: 'grace@example.com', role: 'org:member' });
    const org = t.mock.createOrg({ name: 'Acme' });
    expect(t.mock.createUser({ orgId: org.id }).orgId).toBe(org.id);
    expect((await t.client({ apiKey: user.apiKey }).policies.create({ name: 'By Grace' })).createdBy).toBe(user.id);
  });

  test('createSchedule makes a schedule that layers can target', () => {
    expect(t.mock.createSchedule({ name: 'Primary', timezone: 'Europe/Paris' })).toMatchObject({
      id: expect.stringMatching(/^sched_/),
      orgId: t.mock.orgId,
      name: 'Primary',
      timezone: 'Europe/Paris',
    });
  });

  test('bad input to a helper throws, naming the field', () => {
    expect(() => t.mock.createUser({ email: 'not-an-email' })).toThrow(/email/);
    expect(() => t.mock.createUser({ orgId: 'org_nope' })).toThrow(/org_nope/);
    expect(() => t.mock.createSchedule({ name: '' })).toThrow(/name/);
    expect(() => t.mock.createOrg({ nickname: 'x' } as never)).toThrow(/nickname/);
  });
});

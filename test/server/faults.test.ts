/**
 * The standalone server's `/__mock/faults` and `/__mock/requests`, over real HTTP: rules staged from
 * outside (curl, another language's tests), the SDK's retry rules against them on real sockets, and
 * the request log that shows what reached the mock.
 */
import { beforeEach, expect, test } from 'vitest';
import { ErrorBody } from '../../src/schemas/index.js';
import { Scaling, ScalingConnectionError, ScalingServerError, ScalingTimeoutError, type ClientOptions } from '../../src/index.js';
import { api, control, curl, useMockServer } from './support.js';

const ctx = useMockServer({
  now: '2026-04-07T10:00:00.000Z',
  seed: { orgs: [{ default: true, users: [{ ref: 'oncall' }], policies: [{ ref: 'checkout', name: 'Checkout', layers: [{ ackTimeoutMinutes: 5, target: { users: ['oncall'] } }] }] }] },
});

const client = (options: ClientOptions = {}) => new Scaling({ apiKey: ctx.server.apiKey, baseUrl: ctx.server.url, maxRetries: 0, ...options });
const requests = async (query = '') => (await control(ctx.server, 'GET', `/requests${query}`)).body.requests as Array<Record<string, unknown>>;
const addFault = (rule: unknown) => control(ctx.server, 'POST', '/faults', rule);

beforeEach(async () => {
  await control(ctx.server, 'POST', '/reset');
});

test('the seed’s own requests are not in the log, after start or after a reset', async () => {
  expect(await requests()).toEqual([]);
  await client().policies.list();
  expect(await requests()).toEqual([
    {
      method: 'GET',
      path: '/escalation/policies',
      url: `${ctx.server.url}/escalation/policies`,
      status: 200,
      orgId: ctx.server.mock.orgId,
      body: null,
      at: '2026-04-07T10:00:00.000Z',
    },
  ]);
});

test('afterWrite on a creating POST over HTTP: the SDK does not retry, the incident exists once, the log shows one POST', async () => {
  const added = await addFault({ method: 'POST', path: '/incidents', afterWrite: true, times: 1 });
  expect(added).toEqual({ status: 200, body: { fault: { method: 'POST', path: '/incidents', afterWrite: true, times: 1 } } });
  const input = { title: 'Checkout down', severity: 'critical' as const, escalationPolicyId: ctx.server.seed!.refs.policies.checkout! };
  const error = await client({ maxRetries: 2 }).incidents.create(input).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ScalingServerError);
  expect(error).toMatchObject({ status: 500, code: 'server_error', attempts: 1 });
  expect((await client().incidents.list()).incidents.map((incident) => incident.title)).toEqual(['Checkout down']);
  expect(await requests('?method=post&path=/incidents')).toEqual([
    expect.objectContaining({ status: 500, fault: 'afterWrite', body: input, orgId: ctx.server.mock.orgId }),
  ]);
  // The escalation started: the write really happened.
  expect((await control(ctx.server, 'GET', '/pages')).body.pages).toHaveLength(1);
});

test('a GET after a 503 with Retry-After: 0 succeeds on its second attempt; two requests in the log', async () => {
  await addFault({ method: 'GET', path: '/escalation/policies', status: 503, retryAfter: 0, times: 1 });
  expect((await client({ maxRetries: 2 }).policies.list()).map((policy) => policy.name)).toEqual(['Checkout']);
  expect((await requests('?path=/escalation/policies')).map((request) => [request.status, request.fault])).toEqual([
    [503, 'error'],
    [200, undefined],
  ]);
  expect(await requests('?status=503')).toHaveLength(1);
});

test('network reset drops the connection: ScalingConnectionError; a GET is retried, a creating POST is not', async () => {
  await addFault({ method: 'GET', network: 'reset', times: 1 });
  await expect(client({ maxRetries: 1 }).policies.list()).resolves.toHaveLength(1);
  await addFault({ method: 'POST', pathPattern: '^/escalation/policies$', network: 'reset' });
  const error = await client({ maxRetries: 2 }).policies.create({ name: 'Payments' }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ScalingConnectionError);
  expect(error).not.toBeInstanceOf(ScalingTimeoutError);
  expect(error).toMatchObject({ attempts: 1 });
  expect((await requests()).map((request) => `${request.method} ${request.status} ${request.fault ?? '-'}`)).toEqual([
    'GET 0 reset',
    'GET 200 -',
    'POST 0 reset',
  ]);
});

test('network timeout: no answer until the client gives up (ScalingTimeoutError); the server stays usable', async () => {
  await addFault({ method: 'GET', path: '/escalation/policies/{policyId}', network: 'timeout' });
  const started = performance.now();
  const error = await client({ timeoutMs: 300 }).policies.get('pol_x').catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ScalingTimeoutError);
  expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  expect(await requests()).toEqual([expect.objectContaining({ path: '/escalation/policies/{policyId}', status: 0, fault: 'timeout' })]);
  await expect(client().policies.list()).resolves.toHaveLength(1);
});

test('DELETE /__mock/faults removes every rule; POST /__mock/reset does too, and empties the log', async () => {
  await addFault({ status: 500 });
  await expect(client().policies.list()).rejects.toMatchObject({ status: 500 });
  expect(await control(ctx.server, 'DELETE', '/faults')).toEqual({ status: 200, body: { success: true } });
  await expect(client().policies.list()).resolves.toHaveLength(1);

  await addFault({ status: 500 });
  await control(ctx.server, 'POST', '/reset');
  expect(await requests()).toEqual([]);
  await expect(client().policies.list()).resolves.toHaveLength(1);
});

test('GET /__mock/requests filters by method, path (the table’s, as sent, or pathPattern) and status', async () => {
  const scaling = client();
  const policyId = ctx.server.seed!.refs.policies.checkout!;
  await scaling.policies.get(policyId);
  await scaling.policies.get('pol_missing').catch(() => undefined);
  await api(ctx.server, '/nowhere');
  const urls = async (query: string) => (await requests(query)).map((request) => `${request.status} ${String(request.url).slice(ctx.server.url.length)}`);
  expect(await urls('?path=/escalation/policies/{policyId}')).toEqual([`200 /escalation/policies/${policyId}`, '404 /escalation/policies/pol_missing']);
  expect(await urls('?path=/escalation/policies/pol_missing')).toEqual(['404 /escalation/policies/pol_missing']);
  expect(await urls(`?pathPattern=${encodeURIComponent('^/now')}`)).toEqual(['404 /nowhere']);
  expect(await urls('?method=GET&status=404')).toEqual(['404 /escalation/policies/pol_missing', '404 /nowhere']);
});

test.each([
  ['no outcome', {}, 'a fault rule needs status, network, afterWrite or delayMs'],
  ['a status without its code', { status: 404 }, 'code: is required for status 404'],
  ['path and pathPattern', { path: '/incidents', pathPattern: '^/incidents', status: 500 }, 'pathPattern: cannot go with path'],
  ['a bad pattern', { pathPattern: '(', status: 500 }, 'pathPattern: must be a valid regular expression'],
  ['a path not of the API', { path: '/incidents/{id}', status: 500 }, 'path: has {…} but is no path of the API'],
  ['a RegExp-looking path', { path: 42, status: 500 }, 'path: expected string, received number'],
  ['an unknown field', { status: 500, afterwrite: true }, 'afterwrite: is not a known field'],
  ['status and network', { status: 500, network: 'timeout' }, 'network: cannot go with status'],
])('POST /__mock/faults with %s is 400 naming the field, and adds nothing', async (_what, rule, message) => {
  const response = await addFault(rule);
  expect(response.status).toBe(400);
  expect(ErrorBody.parse(response.body)).toMatchObject({ statusCode: 400, type: 'invalid_request_error', code: 'invalid_request_error' });
  expect(response.body.message).toContain(message);
  await expect(client().policies.list()).resolves.toHaveLength(1);
});

test.each([
  ['status=abc', 'status: must be a status from 0 to 599'],
  ['status=600', 'status: must be a status from 0 to 599'],
  ['path=incidents', 'path: must start with /'],
  ['method=FETCH', 'method: must be one of GET, POST, PUT, PATCH, DELETE'],
  ['pathPattern=(', 'pathPattern: must be a valid regular expression'],
  ['path=/incidents&pathPattern=x', 'pathPattern: cannot go with path'],
  ['state=x', 'state: is not a known field'],
])('GET /__mock/requests?%s is 400 naming the field', async (query, message) => {
  const response = await control(ctx.server, 'GET', `/requests?${query}`);
  expect(response.status).toBe(400);
  expect(response.body.message).toContain(message);
});

test('the curl recipe of docs/server.md: a 429 with Retry-After on the next POST /incidents', async () => {
  const added = await curl(['-X', 'POST', `${ctx.server.origin}/__mock/faults`, '-H', 'x-scaling-mock-control: 1', '-d', '{"method":"POST","path":"/incidents","status":429,"retryAfter":30,"times":1}']);
  expect(added.status).toBe(200);
  const refused = await api(ctx.server, '/incidents', { method: 'POST', json: { title: 'x', severity: 'low', ownerId: ctx.server.mock.userId } });
  expect(refused.status).toBe(429);
  expect(refused.headers.get('retry-after')).toBe('30');
  expect(ErrorBody.parse(await refused.json())).toMatchObject({ statusCode: 429, type: 'rate_limit_error', code: 'rate_limited' });
  const listed = await curl(['-H', 'x-scaling-mock-control: 1', `${ctx.server.origin}/__mock/requests?method=POST&status=429`]);
  expect(JSON.parse(listed.body)).toEqual({ requests: [expect.objectContaining({ path: '/incidents', status: 429, fault: 'error' })] });
});

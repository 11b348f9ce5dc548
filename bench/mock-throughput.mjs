// The mock per test (issue 15, target 3): what `createScalingMock()` and an empty `reset()` cost,
// `mock.fetch` against a static MSW handler on an early route, a late one and writes, and downstream
// tests per second in one vitest worker. Then, for reference, round trips through MSW's
// `setupServer` to `mock.handlers` against a static handler there.
import { getResponse, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createScalingMock } from '../dist/mocks.js';
import { Scaling } from '../dist/index.js';
import { downstreamRate } from './downstream.mjs';
import { sized } from './smoke.mjs';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const µs = (ms) => `${(ms * 1000).toFixed(ms < 0.01 ? 2 : 1)} µs`;

/** Medians over `rounds` of the time per call of `count` calls, in wall and CPU time. */
const perCall = (work, { rounds = 21, count }) => {
  for (let i = 0; i < count; i++) work(); // warm-up
  const wall = [];
  const cpu = [];
  for (let round = 0; round < rounds; round++) {
    const cpuStart = cpuMs();
    const start = performance.now();
    for (let i = 0; i < count; i++) work();
    wall.push((performance.now() - start) / count);
    cpu.push((cpuMs() - cpuStart) / count);
  }
  return { wall: median(wall), cpu: median(cpu) };
};

/** Creation and an empty `reset()`, against their targets. */
const creationRows = () => {
  const create = perCall(() => createScalingMock(), { count: sized(2000, 20) });
  const mock = createScalingMock();
  const reset = perCall(() => mock.reset(), { count: sized(20000, 200) });
  const row = (name, { wall, cpu }, targetMs) => ({
    name,
    measured: `${µs(wall)} (CPU ${µs(cpu)})`,
    baseline: µs(targetMs),
    ratio: wall / targetMs,
    target: `≤ ${µs(targetMs)}`,
    ok: wall <= targetMs,
  });
  return [row('mock: createScalingMock()', create, 0.1), row('mock: reset() of an unused mock', reset, 0.01)];
};

/** A policy with five layers, a component and an inbound integration: something for each route to read; the default routing policy. */
const populated = async () => {
  const mock = createScalingMock({ baseUrl: 'https://mock.bench/v1' });
  const scaling = new Scaling({ apiKey: mock.apiKey, baseUrl: mock.baseUrl, fetch: mock.fetch });
  const policy = await scaling.policies.create({ name: 'Bench' });
  for (let position = 1; position <= 5; position++) {
    await scaling.policies.layers.create(policy.id, { position, ackTimeoutMinutes: 5, target: { type: 'users', userIds: [mock.userId] } });
  }
  const component = await scaling.components.create({ name: 'Checkout' });
  const integration = mock.createInboundIntegration({ componentId: component.id, name: 'Alerts' });
  const [routing] = await scaling.routingPolicies.list();
  return { mock, policy, integration, routing };
};

/**
 * `mock.fetch` against a static MSW handler answering the same body, resolved the way `mock.fetch`
 * is (a `Request` made from the arguments, answered without interception: MSW's `getResponse`),
 * in interleaved batches: the median of the per-round ratios. The table's order puts the policy
 * first and inbound integrations last: before, MSW tried every handler in turn.
 */
const fetchRows = async ({ rounds = sized(15, 2), batch = sized(200, 5) } = {}) => {
  const { mock, policy, integration, routing } = await populated();
  const auth = { authorization: `Bearer ${mock.apiKey}` };
  const json = { ...auth, 'content-type': 'application/json' };
  const routes = [
    { name: 'GET /escalation/policies/{id} (3rd route)', method: 'get', path: `/escalation/policies/${policy.id}`, init: { headers: auth } },
    { name: 'PATCH /escalation/policies/{id} (4th route, a write)', method: 'patch', path: `/escalation/policies/${policy.id}`, init: { method: 'PATCH', headers: json, body: JSON.stringify({ name: 'Bench' }) } },
    { name: 'GET /integrations/inbound/{id} (next to last)', method: 'get', path: `/integrations/inbound/${integration.id}`, init: { headers: auth } },
    {
      name: 'PUT /integrations/inbound/{id}/selectors (last route, a write)',
      method: 'put',
      path: `/integrations/inbound/${integration.id}/selectors`,
      init: { method: 'PUT', headers: json, body: JSON.stringify({ selectors: [{ matchers: [{ key: 'service', value: 'checkout' }], routingPolicyId: routing.id }] }) },
    },
  ];
  const rows = [];
  for (const route of routes) {
    const mockUrl = `${mock.baseUrl}${route.path}`;
    const first = await mock.fetch(mockUrl, route.init);
    if (!first.ok) throw new Error(`bench: ${route.name} answered ${first.status}: ${await first.text()}`);
    const body = await first.json();
    const staticUrl = `https://static.bench/v1${route.path}`;
    const handlers = [http[route.method](staticUrl, () => HttpResponse.json(body))];
    const staticFetch = (input, init) => getResponse(handlers, new Request(input, init));
    const time = async (send, url) => {
      const start = performance.now();
      for (let i = 0; i < batch; i++) await (await send(url, route.init)).json();
      return (performance.now() - start) / batch;
    };
    await time(mock.fetch, mockUrl);
    await time(staticFetch, staticUrl);
    const ratios = [];
    const times = { mock: [], static: [] };
    for (let round = 0; round < rounds; round++) {
      const mockMs = await time(mock.fetch, mockUrl);
      const staticMs = await time(staticFetch, staticUrl);
      times.mock.push(mockMs);
      times.static.push(staticMs);
      ratios.push(mockMs / staticMs);
    }
    const ratio = median(ratios);
    rows.push({
      name: `mock.fetch vs a static MSW handler: ${route.name}`,
      measured: µs(median(times.mock)),
      baseline: µs(median(times.static)),
      ratio,
      target: '≤ 1.5x',
      ok: ratio <= 1.5,
    });
  }
  return rows;
};

/** Round trips through `setupServer(...mock.handlers)` against a static handler there, and `mock.fetch` against those. */
const setupServerRows = async ({ rounds = sized(9, 2), batch = sized(100, 5) } = {}) => {
  const { mock, policy } = await populated();
  const mockUrl = `https://mock.bench/v1/escalation/policies/${policy.id}`;
  const staticUrl = `https://static.bench/v1/escalation/policies/${policy.id}`;
  const body = await (await mock.fetch(mockUrl, { headers: { authorization: `Bearer ${mock.apiKey}` } })).json();
  // The static handler first: MSW tries handlers in order, and it should not pay for the mock's.
  const server = setupServer(http.get(staticUrl, () => HttpResponse.json(body)), ...mock.handlers);
  server.listen({ onUnhandledFrame: 'error' });

  const headers = { authorization: `Bearer ${mock.apiKey}` };
  const time = async (url, send = fetch) => {
    const start = performance.now();
    for (let i = 0; i < batch; i++) await (await send(url, { headers })).json();
    return (performance.now() - start) / batch;
  };
  const sides = { mock: () => time(mockUrl), static: () => time(staticUrl), direct: () => time(mockUrl, mock.fetch) };
  const times = { mock: [], static: [], direct: [] };
  for (const measure of Object.values(sides)) await measure();
  for (let round = 0; round < rounds; round++) {
    for (const [name, measure] of Object.entries(sides)) times[name].push(await measure());
  }
  server.close();
  const [mockMs, staticMs, directMs] = [median(times.mock), median(times.static), median(times.direct)];
  const perSecond = (ms) => `${Math.round(1000 / ms).toLocaleString('en')} req/s`;
  return [
    {
      name: 'mock GET /escalation/policies/{id} vs a static MSW handler, both through setupServer',
      measured: perSecond(mockMs),
      baseline: perSecond(staticMs),
      ratio: mockMs / staticMs,
      target: 'reference',
      ok: true,
    },
    {
      name: 'the same request through mock.fetch (no interception) vs through setupServer',
      measured: perSecond(directMs),
      baseline: perSecond(mockMs),
      ratio: directMs / mockMs,
      target: 'reference',
      ok: true,
    },
  ];
};

/** Vitest runs bench/downstream.vitest.mjs in one worker; see bench/downstream.mjs. */
const downstreamRows = async () => {
  const rate = await downstreamRate({ tests: sized(320, 12) });
  const target = 120;
  return [
    {
      name: 'mock: downstream tests/s in one vitest worker (fresh mock, 50 SDK requests on mock.fetch, 30-minute advance)',
      measured: `${rate.wall.toFixed(0)} tests/s (${rate.cpu.toFixed(0)} per CPU second)`,
      baseline: `${target} tests/s`,
      ratio: target / rate.wall,
      target: `≥ ${target} tests/s`,
      ok: rate.wall >= target,
    },
  ];
};

export const mockThroughput = async () => [...creationRows(), ...(await fetchRows()), ...(await downstreamRows()), ...(await setupServerRows())];

// The mock's cost per request: round trips per second through MSW's `setupServer` to the mock's
// handlers, against a static MSW handler that answers the same body with no logic, in one run.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createScalingMock } from '../dist/mocks.js';
import { Scaling } from '../dist/index.js';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export const mockThroughput = async ({ rounds = 15, batch = 300 } = {}) => {
  const mock = createScalingMock({ baseUrl: 'https://mock.bench/v1' });
  const scaling = new Scaling({ apiKey: mock.apiKey, baseUrl: mock.baseUrl, fetch: mock.fetch });
  const policy = await scaling.policies.create({ name: 'Bench' });
  for (let position = 1; position <= 5; position++) {
    await scaling.policies.layers.create(policy.id, { position, ackTimeoutMinutes: 5, target: { type: 'users', userIds: [mock.userId] } });
  }
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

// `mock.pages(filter)` in a long simulation: a filtered call must cost what it returns, not a read of
// every page (issue 14: 424 ms a call at 700,000 pages, by incidentId). 10,000 incidents, each paging
// 20 users over two layers, are 200,000 pages; filtering by one incident (20 pages) is set against
// reading them all.
import { createScalingMock } from '../dist/mocks.js';
import { Scaling } from '../dist/index.js';
import { sized } from './smoke.mjs';

const INCIDENTS = sized(10_000, 50);
const ROUNDS = sized(51, 3);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const timed = (rounds, work) => {
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    work(i);
    times.push(performance.now() - start);
  }
  return median(times);
};

export const pagesFilter = async () => {
  const mock = createScalingMock({ now: '2026-04-07T10:00:00Z' });
  const scaling = new Scaling({ apiKey: mock.apiKey, fetch: mock.fetch, maxRetries: 0 });
  const users = Array.from({ length: 20 }, () => mock.createUser());
  const policy = await scaling.policies.create({ name: 'Everyone' });
  for (const [index, group] of [users.slice(0, 10), users.slice(10)].entries()) {
    await scaling.policies.layers.create(policy.id, { position: index + 1, ackTimeoutMinutes: 5, target: { type: 'users', userIds: group.map((user) => user.id) } });
  }
  const ids = [];
  for (let i = 0; i < INCIDENTS; i++) ids.push((await scaling.incidents.create({ title: `I${i}`, severity: 'low', escalationPolicyId: policy.id })).id);
  await mock.clock.advance(10 * 60_000);
  const total = mock.pages().length;
  const filtered = timed(ROUNDS, (i) => mock.pages({ incidentId: ids[(i * 7919) % INCIDENTS] }));
  const byUser = timed(ROUNDS, (i) => mock.pages({ userId: users[i % 20].id, incidentId: ids[(i * 104729) % INCIDENTS] }));
  const all = timed(5, () => mock.pages());
  return [
    {
      name: `mock.pages({ incidentId }) (20 pages) vs reading all ${total.toLocaleString('en')} pages`,
      measured: `${(filtered * 1000).toFixed(1)} µs (with userId too: ${(byUser * 1000).toFixed(1)} µs)`,
      baseline: `${all.toFixed(1)} ms`,
      ratio: filtered / all,
      target: '≤ 0.01x',
      ok: filtered / all <= 0.01,
    },
  ];
};

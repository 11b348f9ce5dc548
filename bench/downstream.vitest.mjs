// A downstream project's test file, as `npm run bench` runs it through vitest (bench/downstream.mjs):
// each test makes a fresh mock, sends 50 requests with the SDK over `mock.fetch`, and moves the clock
// on 30 minutes so that the escalations page. It records when each test ends, in wall time and in
// the worker's CPU time; the bench reads the tests per second of one vitest worker from those
// instants. Not part of `npm test`.
import { writeFileSync } from 'node:fs';
import { afterAll, expect, test } from 'vitest';

const dist = process.env.SCALING_BENCH_DIST ?? new URL('../dist/', import.meta.url).href;
const { createScalingMock } = await import(new URL('mocks.js', dist).href);
const { Scaling } = await import(new URL('index.js', dist).href);
const TESTS = Number(process.env.SCALING_BENCH_TESTS ?? 300);

const ends = [];

for (let n = 0; n < TESTS; n++) {
  test(`an on-call flow, ${n}`, async () => {
    const mock = createScalingMock({ now: '2026-04-07T10:00:00Z' });
    const scaling = new Scaling({ apiKey: mock.apiKey, baseUrl: mock.baseUrl, fetch: mock.fetch, maxRetries: 0 });
    const responder = mock.createUser({ firstName: 'Rae' });
    const policy = await scaling.policies.create({ name: 'On-call' }); // 1 request
    for (let position = 1; position <= 3; position++) {
      const userIds = [position === 1 ? responder.id : mock.userId];
      await scaling.policies.layers.create(policy.id, { position, ackTimeoutMinutes: 5, target: { type: 'users', userIds } }); // 3
    }
    const ids = [];
    for (let i = 0; i < 10; i++) {
      ids.push((await scaling.incidents.create({ title: `Checkout down ${i}`, severity: 'high', escalationPolicyId: policy.id })).id); // 10
    }
    for (const id of ids) expect((await scaling.incidents.get(id)).status).toBe('investigating'); // 10
    for (const id of ids.slice(0, 5)) await scaling.incidents.acknowledge(id); // 5
    for (const id of ids.slice(5)) await scaling.incidents.updates.create(id, { body: 'Looking into it', visibility: 'internal' }); // 5
    for (let i = 0; i < 10; i++) expect((await scaling.incidents.list()).incidents).toHaveLength(10); // 10
    for (let i = 0; i < 6; i++) expect((await scaling.policies.get(policy.id)).layers).toHaveLength(3); // 6: 50 in all
    await mock.clock.advance(30 * 60_000);
    expect(mock.pages({ incidentId: ids[9] }).length).toBeGreaterThan(1);
    const cpu = process.cpuUsage();
    ends.push([performance.now(), (cpu.user + cpu.system) / 1000]);
  });
}

afterAll(() => {
  if (process.env.SCALING_BENCH_OUT) writeFileSync(process.env.SCALING_BENCH_OUT, JSON.stringify(ends));
});

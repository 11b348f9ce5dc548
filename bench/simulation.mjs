// The escalation engine's cost: open incidents on 50-layer policies (layers alternating `users` and
// `schedule` targets), advance the virtual clock 7 days, and time only the advance. The same run
// measures 1,000 and 10,000 incidents, so the ratio shows how the cost grows with the work.
import { createScalingMock } from '../dist/mocks.js';
import { Scaling } from '../dist/index.js';

const LAYERS = 50;
const POLICIES = 10;
const WEEK = 7 * 24 * 60 * 60_000;

const setUp = async (incidents) => {
  const mock = createScalingMock({ now: '2026-04-07T00:00:00Z' });
  const scaling = new Scaling({ apiKey: mock.apiKey, fetch: mock.fetch, maxRetries: 0 });
  const users = Array.from({ length: 20 }, () => mock.createUser());
  const schedules = Array.from({ length: 10 }, (_, i) =>
    mock.createSchedule({
      timezone: ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Tokyo', 'Australia/Sydney'][i % 5],
      layers: [{ participantIds: [users[i].id, users[i + 10].id], rotationType: 'daily', handoffTime: '09:00', effectiveFrom: '2026-04-01T00:00:00Z' }],
    }),
  );
  const policies = [];
  for (let p = 0; p < POLICIES; p++) {
    const policy = await scaling.policies.create({ name: `Policy ${p}` });
    for (let position = 1; position <= LAYERS; position++) {
      const target = position % 2 === 1
        ? { type: 'users', userIds: [users[(p + position) % users.length].id] }
        : { type: 'schedule', scheduleId: schedules[(p + position) % schedules.length].id };
      await scaling.policies.layers.create(policy.id, { position, ackTimeoutMinutes: 1 + ((p + position) % 10), target });
    }
    policies.push(policy);
  }
  for (let i = 0; i < incidents; i++) {
    await scaling.incidents.create({ title: `#${i}`, severity: 'high', escalationPolicyId: policies[i % POLICIES].id });
  }
  return mock;
};

/** Times the 7-day advance; a step is a layer timer running out (escalating or exhausting). */
const run = async (incidents) => {
  const mock = await setUp(incidents);
  const before = mock.pages().length;
  globalThis.gc?.();
  const start = performance.now();
  await mock.clock.advance(WEEK);
  const ms = performance.now() - start;
  const paged = mock.pages().length - before;
  const steps = incidents * LAYERS; // 49 escalations and one exhaustion per incident
  if (paged !== incidents * (LAYERS - 1)) throw new Error(`expected ${incidents * (LAYERS - 1)} pages, saw ${paged}`);
  return { incidents, ms, steps };
};

/** The mean of `times` runs: a 1,000-incident advance takes some 20 ms, too short to trust alone. */
const mean = async (incidents, times) => {
  const results = [];
  for (let i = 0; i < times; i++) results.push(await run(incidents));
  return { incidents, steps: results[0].steps, ms: results.reduce((sum, result) => sum + result.ms, 0) / times };
};

/** The median of `times` runs: one slow run on a shared machine does not decide. */
const median = async (incidents, times) => {
  const results = [];
  for (let i = 0; i < times; i++) results.push(await run(incidents));
  return results.sort((a, b) => a.ms - b.ms)[Math.floor(times / 2)];
};

export const simulation = async () => {
  await run(1_000); // warm-up: let the JIT settle before anything is measured
  // As many 1,000-incident steps as one 10,000-incident run, so both sides weigh the same work.
  const small = await mean(1_000, 10);
  const large = await median(10_000, 3);
  const perStep = (result) => `${((result.ms * 1000) / result.steps).toFixed(2)} µs/step`;
  return [
    {
      name: `simulation: 10,000 incidents × ${LAYERS} layers, 7 days (${large.steps.toLocaleString('en')} steps)`,
      measured: `${large.ms.toFixed(0)} ms, ${perStep(large)}`,
      baseline: '1 s',
      ratio: large.ms / 1000,
      target: '< 1 s',
      ok: large.ms < 1000,
    },
    {
      name: 'simulation: 10× the incidents vs 1,000',
      measured: `${large.ms.toFixed(0)} ms`,
      baseline: `${small.ms.toFixed(1)} ms (mean of 10), ${perStep(small)}`,
      ratio: large.ms / small.ms,
      target: '≤ 12x',
      ok: large.ms / small.ms <= 12,
    },
  ];
};

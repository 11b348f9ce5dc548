// The escalation engine's cost: open incidents on 50-layer policies (layers alternating `users` and
// `schedule` targets), advance the virtual clock 7 days, and time only the advance. The same run
// measures 10,000 and 100,000 incidents, so the ratio shows how the cost grows with the work, and
// weighs what an incident costs in memory (the JS heap and array buffers, the mock's only memory).
import { createScalingMock } from '../dist/mocks.js';
import { Scaling } from '../dist/index.js';
import { stepFloor, threadCpu } from './step-floor.mjs';
import { sized } from './smoke.mjs';

const LAYERS = 50;
const POLICIES = 10;
const WEEK = 7 * 24 * 60 * 60_000;
/** What one step may cost at 10,000 incidents (issue 15). */
const STEP_TARGET_US = 0.25;

/** Live memory after a full collection: `--expose-gc` is set by `npm run bench`. */
const liveBytes = () => {
  globalThis.gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};

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
  const empty = liveBytes();
  const ids = [];
  for (let i = 0; i < incidents; i++) {
    const incident = await scaling.incidents.create({ title: `#${i}`, severity: 'high', escalationPolicyId: policies[i % POLICIES].id });
    if (i === 0 || i === incidents - 1) ids.push(incident.id);
  }
  return { mock, empty, ids };
};

/**
 * Times the 7-day advance; a step is a layer timer running out (escalating or exhausting). Memory
 * per incident is what the mock holds beyond its policies, once the incidents are open and again
 * after the week (every page and audit-trail step written).
 */
const run = async (incidents) => {
  const { mock, empty, ids } = await setUp(incidents);
  const open = liveBytes();
  const cpuStart = threadCpu();
  const start = performance.now();
  await mock.clock.advance(WEEK);
  const ms = performance.now() - start;
  const cpu = threadCpu(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const after = liveBytes();
  // The first and the last incident each paged all 50 layers (layer 1 on opening) and ran out:
  // reading back every page of 100,000 incidents would cost more than the run.
  for (const id of ids) {
    const paged = mock.pages({ incidentId: id }).length;
    const { state } = mock.escalationOf(id);
    if (paged !== LAYERS || state !== 'exhausted') throw new Error(`incident ${id}: ${paged} pages, ${state}; expected ${LAYERS}, exhausted`);
  }
  return { incidents, ms, cpuMs, steps: incidents * LAYERS, openBytes: (open - empty) / incidents, afterBytes: (after - empty) / incidents };
};

/** The median of `times` runs by CPU time: one slow run on a shared machine does not decide. */
const median = async (incidents, times) => {
  const results = [];
  for (let i = 0; i < times; i++) results.push(await run(incidents));
  return results.sort((a, b) => a.cpuMs - b.cpuMs)[Math.floor(times / 2)];
};

// Per step in the main thread's CPU time, which decides the target: the engine runs there (its
// collections too), and on a shared machine wall time also counts the time the process waited for a
// core. Wall time is shown beside it.
const perStep = (result) => (result.cpuMs * 1000) / result.steps;
const wallPerStep = (result) => (result.ms * 1000) / result.steps;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const memory = (result) => `${kb(result.openBytes)} open, ${kb(result.afterBytes)} after the week`;

export const simulation = async () => {
  await run(sized(1_000, 20)); // warm-up: let the JIT settle before anything is measured
  const small = await median(sized(10_000, 100), sized(3, 1));
  // One run: 100,000 incidents take as long to open as the three smaller runs together.
  const large = await run(sized(100_000, 1_000));
  const floorSize = sized(10_000, 100);
  const floors = [stepFloor(floorSize, LAYERS), stepFloor(floorSize, LAYERS), stepFloor(floorSize, LAYERS)].sort((a, b) => a.cpu - b.cpu);
  const floor = floors[1];
  const cpuAndWall = (result) => `${perStep(result).toFixed(3)} µs/step of CPU (${result.cpuMs.toFixed(0)} ms; wall ${result.ms.toFixed(0)} ms, ${wallPerStep(result).toFixed(3)} µs/step)`;
  return [
    {
      name: `simulation: 10,000 incidents × ${LAYERS} layers, 7 days (${small.steps.toLocaleString('en')} steps)`,
      measured: cpuAndWall(small),
      baseline: `${STEP_TARGET_US} µs/step`,
      ratio: perStep(small) / STEP_TARGET_US,
      target: `≤ ${STEP_TARGET_US} µs/step`,
      ok: perStep(small) <= STEP_TARGET_US,
    },
    {
      name: 'simulation: the least a step can cost (a typed-array heap pop, a page appended, the next timer pushed), 10,000 incidents',
      measured: `${floor.cpu.toFixed(3)} µs/step of CPU (wall ${floor.wall.toFixed(3)}; median of 3)`,
      baseline: 'issue 15: 0.06–0.07 µs/step',
      ratio: perStep(small) / floor.cpu,
      // The issue set 0.25 µs when this floor read 0.06–0.07 µs: 3.6–4.2× the floor, on that day's machine.
      target: 'reference: the ratio is the engine at 10,000 over this floor (issue 15\'s 0.25 µs was 3.6–4.2× the floor it measured)',
      ok: true,
    },
    {
      name: `simulation: 100,000 incidents (${large.steps.toLocaleString('en')} steps) vs 10,000`,
      measured: cpuAndWall(large),
      baseline: `${small.cpuMs.toFixed(0)} ms of CPU (median of 3)`,
      ratio: large.cpuMs / small.cpuMs,
      target: '≤ 12x',
      ok: large.cpuMs / small.cpuMs <= 12,
    },
    {
      name: 'simulation: memory per incident, 100,000 vs 10,000',
      measured: memory(large),
      baseline: memory(small),
      ratio: large.afterBytes / small.afterBytes,
      target: 'reported',
      ok: true,
    },
  ];
};

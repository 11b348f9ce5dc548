/**
 * Moved from `simulate.test.ts` into the `slow` project: 40 random policies, each run through the
 * mock's engine over MSW and through the simulation, take seconds; the inner loop (`npm run
 * test:fast`) keeps the example-based simulation tests.
 */
import { describe, expect, test } from 'vitest';
import { createScalingMock } from '../../mocks/index.js';
import { Scaling, simulateEscalation, type LayerCondition, type LayerTarget } from '../../src/index.js';

const users = (...userIds: string[]): LayerTarget => ({ type: 'users', userIds });
const schedule = (scheduleId: string): LayerTarget => ({ type: 'schedule', scheduleId });

/** A small seeded generator, so a failing case can be replayed. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let value = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
  return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
};

describe('the simulation and the mock’s engine give the same timeline', () => {
  test('on random policies over rotating schedules, with and without an acknowledgment', async () => {
    const next = random(2026);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
    for (let run = 0; run < 40; run++) {
      const mock = createScalingMock({ now: '2026-03-07T20:00:00Z', seed: run + 1 });
      const scaling = new Scaling({ apiKey: mock.apiKey, fetch: mock.fetch, maxRetries: 0 });
      const people = Array.from({ length: 4 }, () => mock.createUser().id);
      const zones = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Tokyo'];
      const schedules = Array.from({ length: 3 }, (_, index) =>
        mock.createSchedule({
          timezone: pick(zones),
          layers: [
            {
              participantIds: [pick(people), pick(people)].filter((id, i, all) => all.indexOf(id) === i),
              rotationType: 'custom',
              rotationLengthDays: 1 + Math.floor(next() * 3),
              handoffTime: pick(['00:00', '02:30', '09:00', '17:45']),
              // Some schedules start in the middle of the escalation, or end in it: layers then page nobody.
              effectiveFrom: index === 2 ? '2026-03-01T00:00:00Z' : pick(['2026-03-01T00:00:00Z', '2026-03-08T06:00:00Z']),
              effectiveUntil: index === 2 ? '2026-03-08T03:00:00Z' : null,
            },
          ],
        }).id,
      );
      const policy = await scaling.policies.create({ name: `Random ${run}` });
      const count = 1 + Math.floor(next() * 8);
      for (let position = 1; position <= count; position++) {
        const target: LayerTarget = next() < 0.5 ? { type: 'schedule', scheduleId: pick(schedules) } : { type: 'users', userIds: [pick(people)] };
        await scaling.policies.layers.create(policy.id, { position, ackTimeoutMinutes: pick([1, 5, 60, 240, 719]), target });
      }
      const acknowledgeAfterMinutes = next() < 0.3 ? Math.floor(next() * 600) : undefined;

      const opened = mock.clock.now();
      const incident = await scaling.incidents.create({ title: 'Random', severity: 'high', escalationPolicyId: policy.id });
      if (acknowledgeAfterMinutes !== undefined) {
        await mock.clock.advance(acknowledgeAfterMinutes * 60_000);
        await scaling.incidents.acknowledge(incident.id);
      }
      await mock.clock.advance(8 * 24 * 60 * 60_000);

      const simulated = simulateEscalation(await scaling.policies.get(policy.id), {
        at: opened,
        schedules: await Promise.all(schedules.map((id) => scaling.schedules.get(id))),
        acknowledgeAfterMinutes,
      });
      const mocked = mock.pages({ incidentId: incident.id }).map(({ userId, layerId, position, at }) => ({ userId, layerId, position, at }));
      expect(simulated.pages, `run ${run}`).toEqual(mocked);
      const { escalation } = await scaling.incidents.get(incident.id);
      expect(escalation?.state, `run ${run}`).toBe(simulated.acknowledgedAt === null ? 'exhausted' : 'acknowledged');
    }
  }, 60_000);

  test('on random policies with working-hours conditions, across DST changes, with and without an acknowledgment', async () => {
    const next = random(4242);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
    const zones = ['UTC', 'America/New_York', 'Europe/London', 'Australia/Sydney'];
    const windows = [
      { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
      { days: [5, 6, 7], start: '22:00', end: '06:00' },
      { days: [7], start: '01:30', end: '02:30' },
      { days: [1, 3, 5], start: '00:00', end: '00:00' },
      { days: [2, 4, 6], start: '12:15', end: '12:45' },
    ];
    let conditionSkips = 0;
    for (let run = 0; run < 40; run++) {
      // Europe/London and America/New_York both change clocks in this span (2026-03-08 and 2026-03-29).
      const mock = createScalingMock({ now: pick(['2026-03-07T20:00:00Z', '2026-03-28T21:00:00Z']), seed: run + 100 });
      const scaling = new Scaling({ apiKey: mock.apiKey, fetch: mock.fetch, maxRetries: 0 });
      const people = Array.from({ length: 4 }, () => mock.createUser().id);
      const schedules = Array.from({ length: 3 }, () =>
        mock.createSchedule({
          timezone: pick(zones),
          layers: [{
            participantIds: [pick(people), pick(people)].filter((id, i, all) => all.indexOf(id) === i),
            rotationType: 'custom',
            rotationLengthDays: 1 + Math.floor(next() * 3),
            handoffTime: pick(['00:00', '02:30', '09:00', '17:45']),
            effectiveFrom: '2026-03-01T00:00:00Z',
            effectiveUntil: next() < 0.2 ? '2026-03-30T03:00:00Z' : null,
          }],
        }).id,
      );
      const sets = [];
      for (let index = 0; index < 2; index++) {
        const chosen = windows.filter(() => next() < 0.5);
        sets.push(await scaling.workingHours.create({ name: `Set ${index}`, timezone: pick(zones), windows: chosen.length > 0 ? chosen : [pick(windows)] }));
      }
      const policy = await scaling.policies.create({ name: `Gated ${run}` });
      const count = 1 + Math.floor(next() * 6);
      for (let position = 1; position <= count; position++) {
        const target: LayerTarget = next() < 0.7 ? { type: 'schedule', scheduleId: pick(schedules) } : { type: 'users', userIds: [pick(people)] };
        const condition: LayerCondition | null = next() < 0.6 ? { workingHoursId: pick(sets).id, when: pick(['during', 'outside'] as const) } : null;
        await scaling.policies.layers.create(policy.id, { position, ackTimeoutMinutes: pick([1, 17, 60, 240, 719]), target, condition });
      }
      const acknowledgeAfterMinutes = next() < 0.3 ? Math.floor(next() * 600) : undefined;

      const opened = mock.clock.now();
      const incident = await scaling.incidents.create({ title: 'Random', severity: 'high', escalationPolicyId: policy.id });
      if (acknowledgeAfterMinutes !== undefined) {
        await mock.clock.advance(acknowledgeAfterMinutes * 60_000);
        await scaling.incidents.acknowledge(incident.id);
      }
      await mock.clock.advance(4 * 24 * 60 * 60_000);

      const simulated = simulateEscalation(await scaling.policies.get(policy.id), {
        at: opened,
        schedules: await Promise.all(schedules.map((id) => scaling.schedules.get(id))),
        workingHours: await scaling.workingHours.list(),
        acknowledgeAfterMinutes,
      });
      const mocked = mock.pages({ incidentId: incident.id }).map(({ userId, layerId, position, at }) => ({ userId, layerId, position, at }));
      expect(simulated.pages, `run ${run}`).toEqual(mocked);
      // The skips, with their reasons, agree too.
      const skippedInTrail = (await scaling.incidents.get(incident.id)).auditTrail
        .filter((entry) => entry.type === 'layer_skipped')
        .map((entry) => ({ at: entry.at, position: entry.position, reason: entry.reason }));
      const skippedInSimulation = simulated.timeline.flatMap((step) => (step.type === 'skipped' ? [{ at: step.at, position: step.position, reason: step.reason }] : []));
      expect(skippedInSimulation, `run ${run}`).toEqual(skippedInTrail);
      conditionSkips += skippedInTrail.filter((entry) => entry.reason === 'condition_not_met').length;
    }
    // The runs must exercise the conditions, or agreeing would prove nothing about them.
    expect(conditionSkips).toBeGreaterThan(10);
  }, 120_000);
});

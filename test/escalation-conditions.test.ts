import { describe, expect, test } from 'vitest';
import { createScalingMock, type ScalingMock } from '../mocks/index.js';
import { Scaling, simulateEscalation, type StepParams } from '../src/index.js';

/**
 * Gated steps in the mock's engine: a step whose working-hours condition fails at the instant
 * escalation reaches it is skipped on the spot; when nothing after it can be paged, the last step
 * pages anyway. `simulateEscalation` is checked against the same timelines.
 */

const MINUTE = 60_000;
const OFFICE = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };

type Setup = { mock: ScalingMock; scaling: Scaling };
const setup = (now: string): Setup => {
  const mock = createScalingMock({ now });
  return { mock, scaling: new Scaling({ apiKey: mock.apiKey, baseUrl: mock.baseUrl, fetch: mock.fetch, maxRetries: 0 }) };
};

/** `count` people, each alone on call on their own schedule. */
const people = ({ mock }: Setup, count: number) =>
  Array.from({ length: count }, (_, index) => {
    const user = mock.createUser({ firstName: `P${index + 1}` });
    const schedule = mock.createSchedule({ layers: [{ participantIds: [user.id], effectiveFrom: '2026-01-01T00:00:00Z' }] });
    return { userId: user.id, scheduleId: schedule.id };
  });

type Gate = { workingHoursId: string; when: 'during' | 'outside' } | null;
const policyWith = async ({ scaling }: Setup, steps: Array<[string, number, Gate]>) =>
  scaling.policies.create({
    name: `Gated ${Math.random()}`,
    steps: steps.map(([targetId, minutes, condition], index): StepParams =>
      ({ position: index + 1, targetType: 'schedule', targetId, escalateAfterSeconds: minutes * 60, condition })),
  });

const open = ({ scaling }: Setup, escalationPolicyId: string) =>
  scaling.incidents.create({ title: 'Gated', severity: 'high', escalationPolicyId });

/** `[position, 'HH:MM' UTC]` of each page. */
const pagesOf = ({ mock }: Setup, incidentId: string) => mock.pages({ incidentId }).map((page) => [page.position, page.at.slice(11, 16)]);

/** The escalation steps of the trail, compactly. */
const trailOf = async ({ scaling }: Setup, incidentId: string) =>
  (await scaling.incidents.get(incidentId)).auditTrail
    .filter((entry) => entry.type !== 'incident_created')
    .map((entry) => [entry.type, entry.position ?? null, entry.type === 'layer_skipped' ? entry.reason ?? null : null, entry.at.slice(11, 16)]);

/** The simulation of the same incident, with the org's schedules and working hours as input. */
const simulatedPages = async ({ scaling }: Setup, policyId: string, at: Date | number) => {
  const policy = await scaling.policies.get(policyId);
  const schedules = await Promise.all([...new Set(policy.layers.flatMap((layer) => (layer.target.type === 'schedule' ? [layer.target.scheduleId] : [])))]
    .map((id) => scaling.schedules.get(id)));
  const simulation = simulateEscalation(policy, { at, schedules, workingHours: await scaling.workingHours.list() });
  return simulation.pages.map((page) => [page.position, page.at.slice(11, 16)]);
};

describe('a step gated on office hours (Europe/London)', () => {
  test('`during`: paged by day; skipped at night, with the reason in the trail, and the next step paged', async () => {
    // Tuesday 2026-04-07, 10:10 UTC = 11:10 BST.
    const world = setup('2026-04-07T10:10:00.000Z');
    const [a, b] = people(world, 2);
    const office = await world.scaling.workingHours.create({ name: 'Office', timezone: 'Europe/London', windows: [OFFICE] });
    const policy = await policyWith(world, [[a!.scheduleId, 5, { workingHoursId: office.id, when: 'during' }], [b!.scheduleId, 10, null]]);

    const byDay = await open(world, policy.id);
    expect(pagesOf(world, byDay.id)).toEqual([[1, '10:10']]);
    expect(await simulatedPages(world, policy.id, world.mock.clock.now())).toEqual([[1, '10:10'], [2, '10:15']]);

    // 16:00 UTC = 17:00 BST: the window is half-open, so office hours are over.
    await world.mock.clock.advance(5 * 60 * MINUTE + 50 * MINUTE);
    const atFive = await open(world, policy.id);
    expect(pagesOf(world, atFive.id)).toEqual([[2, '16:00']]);
    expect(await trailOf(world, atFive.id)).toEqual([
      ['layer_skipped', 1, 'condition_not_met', '16:00'],
      ['layer_paged', 2, null, '16:00'],
    ]);
    expect(await simulatedPages(world, policy.id, world.mock.clock.now())).toEqual([[2, '16:00']]);
  });

  test('`outside`: skipped by day, paged at night; a step reached by its timer is judged at that instant', async () => {
    // 15:50 UTC = 16:50 BST: inside office hours.
    const world = setup('2026-04-07T15:50:00.000Z');
    const [a, b, c] = people(world, 3);
    const office = await world.scaling.workingHours.create({ name: 'Office', timezone: 'Europe/London', windows: [OFFICE] });
    const outside = { workingHoursId: office.id, when: 'outside' } as const;
    const policy = await policyWith(world, [[a!.scheduleId, 5, outside], [b!.scheduleId, 10, null], [c!.scheduleId, 10, outside]]);

    const incident = await open(world, policy.id);
    await world.mock.clock.advance(60 * MINUTE);
    // 15:50: step 1 skipped (office hours), step 2 paged; 16:00 (17:00 BST): step 3 holds, paged; 16:10 exhausted.
    expect(pagesOf(world, incident.id)).toEqual([[2, '15:50'], [3, '16:00']]);
    expect(await trailOf(world, incident.id)).toEqual([
      ['layer_skipped', 1, 'condition_not_met', '15:50'],
      ['layer_paged', 2, null, '15:50'],
      ['escalated', null, null, '16:00'],
      ['layer_paged', 3, null, '16:00'],
      ['escalation_exhausted', null, null, '16:10'],
    ]);
    expect(await simulatedPages(world, policy.id, Date.parse('2026-04-07T15:50:00.000Z'))).toEqual([[2, '15:50'], [3, '16:00']]);
  });
});

describe('across the spring-forward change in Europe/London (2026-03-29, 01:00 UTC: 01:00 GMT → 02:00 BST)', () => {
  test('a `02:00`–`02:30` Sunday window holds from 01:00 to 01:30 UTC, read on the zone’s wall clock', async () => {
    const world = setup('2026-03-29T00:59:00.000Z');
    const [a, b] = people(world, 2);
    const window = await world.scaling.workingHours.create({
      name: 'Short window', timezone: 'Europe/London', windows: [{ days: [7], start: '02:00', end: '02:30' }],
    });
    const policy = await policyWith(world, [[a!.scheduleId, 60, { workingHoursId: window.id, when: 'during' }], [b!.scheduleId, 60, null]]);
    const firstPositions: number[] = [];
    for (const minutes of [0, 1, 29, 1]) {
      await world.mock.clock.advance(minutes * MINUTE);
      const incident = await open(world, policy.id);
      firstPositions.push(world.mock.pages({ incidentId: incident.id })[0]!.position!);
      expect((await simulatedPages(world, policy.id, world.mock.clock.now()))[0]![0]).toBe(firstPositions.at(-1));
    }
    // 00:59 UTC is 00:59 GMT (outside); 01:00 and 01:29 UTC are 02:00 and 02:29 BST (inside); 01:30 UTC is 02:30 BST.
    expect(firstPositions).toEqual([2, 1, 1, 2]);
  });

  test('a step reached by a timer across the change is judged by the wall clock of that instant', async () => {
    // 00:40 GMT; the timer of step 1 runs out at 01:10 UTC = 02:10 BST, inside the window.
    const world = setup('2026-03-29T00:40:00.000Z');
    const [a, b, c] = people(world, 3);
    const window = await world.scaling.workingHours.create({
      name: 'Short window', timezone: 'Europe/London', windows: [{ days: [7], start: '02:00', end: '02:30' }],
    });
    const gate = { workingHoursId: window.id, when: 'during' } as const;
    const policy = await policyWith(world, [[a!.scheduleId, 30, null], [b!.scheduleId, 30, gate], [c!.scheduleId, 30, null]]);
    const incident = await open(world, policy.id);
    await world.mock.clock.advance(3 * 60 * MINUTE);
    expect(pagesOf(world, incident.id)).toEqual([[1, '00:40'], [2, '01:10'], [3, '01:40']]);
    expect(await simulatedPages(world, policy.id, Date.parse('2026-03-29T00:40:00.000Z'))).toEqual(pagesOf(world, incident.id));
  });
});

describe('the last-step rule', () => {
  test('when every remaining step’s condition fails, the last step pages anyway', async () => {
    // 22:00 UTC on a Tuesday = 23:00 BST: outside office hours.
    const world = setup('2026-04-07T22:00:00.000Z');
    const [a, b, c] = people(world, 3);
    const office = await world.scaling.workingHours.create({ name: 'Office', timezone: 'Europe/London', windows: [OFFICE] });
    const during = { workingHoursId: office.id, when: 'during' } as const;

    const allGated = await policyWith(world, [[a!.scheduleId, 5, during], [b!.scheduleId, 5, during]]);
    const first = await open(world, allGated.id);
    expect(pagesOf(world, first.id)).toEqual([[2, '22:00']]);
    expect(await trailOf(world, first.id)).toEqual([
      ['layer_skipped', 1, 'condition_not_met', '22:00'],
      ['layer_paged', 2, null, '22:00'],
    ]);

    // Reached by a timer: step 1 (ungated) pages, then steps 2 and 3 both fail: step 3 pages anyway.
    const afterOne = await policyWith(world, [[a!.scheduleId, 5, null], [b!.scheduleId, 5, during], [c!.scheduleId, 5, during]]);
    const second = await open(world, afterOne.id);
    await world.mock.clock.advance(20 * MINUTE);
    expect(pagesOf(world, second.id)).toEqual([[1, '22:00'], [3, '22:05']]);
    expect(await trailOf(world, second.id)).toEqual([
      ['layer_paged', 1, null, '22:00'],
      ['escalated', null, null, '22:05'],
      ['layer_skipped', 2, 'condition_not_met', '22:05'],
      ['layer_paged', 3, null, '22:05'],
      ['escalation_exhausted', null, null, '22:10'],
    ]);
    expect(await simulatedPages(world, afterOne.id, Date.parse('2026-04-07T22:00:00.000Z'))).toEqual([[1, '22:00'], [3, '22:05']]);
  });

  test('an eligible step stops the rule: a gated middle step that holds is paged, and the failing last one still pages when reached', async () => {
    const world = setup('2026-04-07T22:00:00.000Z');
    const [a, b] = people(world, 2);
    const office = await world.scaling.workingHours.create({ name: 'Office', timezone: 'Europe/London', windows: [OFFICE] });
    const policy = await policyWith(world, [
      [a!.scheduleId, 5, { workingHoursId: office.id, when: 'outside' }],
      [b!.scheduleId, 5, { workingHoursId: office.id, when: 'during' }],
    ]);
    const incident = await open(world, policy.id);
    await world.mock.clock.advance(20 * MINUTE);
    // Step 1 holds at night and is paged; at 22:05 step 2 is all that remains: it pages anyway.
    expect(pagesOf(world, incident.id)).toEqual([[1, '22:00'], [2, '22:05']]);
  });

  test('the last step pages anyway only if someone is on call there; else escalation is exhausted', async () => {
    const world = setup('2026-04-07T22:00:00.000Z');
    const [a] = people(world, 1);
    const nobody = world.mock.createSchedule();
    const office = await world.scaling.workingHours.create({ name: 'Office', timezone: 'Europe/London', windows: [OFFICE] });
    const during = { workingHoursId: office.id, when: 'during' } as const;
    const policy = await policyWith(world, [[a!.scheduleId, 5, during], [nobody.id, 5, during]]);
    const incident = await open(world, policy.id);
    expect(pagesOf(world, incident.id)).toEqual([]);
    expect(await trailOf(world, incident.id)).toEqual([
      ['layer_skipped', 1, 'condition_not_met', '22:00'],
      // Its condition was not what skipped it: the last step pages anyway, but nobody is on call there.
      ['layer_skipped', 2, null, '22:00'],
      ['escalation_exhausted', null, null, '22:00'],
    ]);
  });
});

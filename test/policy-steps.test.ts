import { describe, expect, test } from 'vitest';
import { ScalingNotFoundError, ScalingValidationError, type LayerCreateParams, type StepParams } from '../src/index.js';
import { countingFetch, expectError, raw, useMock } from './helpers.js';

const t = useMock();
const OFFICE = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };

const officeHours = () => t.scaling.workingHours.create({ name: `Office ${Math.random()}`, timezone: 'Europe/London', windows: [OFFICE] });

/** Steps 1..n over these schedules, each `minutes` × (position) long, with an optional condition per step. */
const stepsOver = (scheduleIds: string[], conditions: Array<StepParams['condition']> = []): StepParams[] =>
  scheduleIds.map((targetId, index) => ({
    position: index + 1,
    targetType: 'schedule',
    targetId,
    escalateAfterSeconds: 60 * (index + 1),
    condition: conditions[index] ?? null,
  }));

describe('policies.create with steps', () => {
  test('the steps become layers; both views come back, the same ids and times', async () => {
    const [a, b] = [t.mock.createSchedule(), t.mock.createSchedule()];
    const hours = await officeHours();
    const policy = await t.scaling.policies.create({
      name: 'With steps',
      steps: stepsOver([a.id, b.id], [null, { workingHoursId: hours.id, when: 'outside' }]),
    });
    const created = '2026-04-07T10:00:00.000Z';
    expect(policy.steps!).toEqual([
      { id: expect.stringMatching(/^layer_/), position: 1, targetType: 'schedule', targetId: a.id, escalateAfterSeconds: 60, condition: null, createdAt: created, updatedAt: created },
      { id: expect.stringMatching(/^layer_/), position: 2, targetType: 'schedule', targetId: b.id, escalateAfterSeconds: 120, condition: { workingHoursId: hours.id, when: 'outside' }, createdAt: created, updatedAt: created },
    ]);
    expect(policy.layers!.map((layer) => [layer.id, layer.position, layer.ackTimeoutMinutes, layer.target, layer.condition])).toEqual([
      [policy.steps![0]!.id, 1, 1, { type: 'schedule', scheduleId: a.id }, undefined],
      [policy.steps![1]!.id, 2, 2, { type: 'schedule', scheduleId: b.id }, { workingHoursId: hours.id, when: 'outside' }],
    ]);
    expect(await t.scaling.policies.get(policy.id)).toEqual(policy);
    expect(await t.scaling.policies.layers.list(policy.id)).toEqual(policy.layers!);
  });

  test('the same schedule in two steps is allowed (the provider’s acceptance test does it)', async () => {
    const schedule = t.mock.createSchedule();
    const policy = await t.scaling.policies.create({ name: 'Twice', steps: stepsOver([schedule.id, schedule.id]) });
    expect(policy.steps!.map((step) => step.targetId)).toEqual([schedule.id, schedule.id]);
  });

  test('a users layer shows as a step with targetType users, targetId null and its userIds', async () => {
    const policy = await t.scaling.policies.create({ name: 'Users' });
    const user = t.mock.createUser();
    const layer = await t.scaling.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 3, target: { type: 'users', userIds: [user.id] } });
    expect((await t.scaling.policies.get(policy.id)).steps).toEqual([{
      id: layer.id, position: 1, targetType: 'users', targetId: null, userIds: [user.id], escalateAfterSeconds: 180, condition: null,
      createdAt: layer.createdAt, updatedAt: layer.updatedAt,
    }]);
  });

  test('schema problems are refused before sending, naming the step’s field', async () => {
    const schedule = t.mock.createSchedule();
    const [one, two] = stepsOver([schedule.id, schedule.id]);
    const cases: Array<[string, unknown]> = [
      ['steps[1].position', [one, { ...two, position: 3 }]],
      ['steps[0].position', [{ ...one, position: 2 }, { ...two, position: 1 }]],
      ['steps[1].escalateAfterSeconds', [one, { ...two, escalateAfterSeconds: 90 }]],
      ['steps[1].escalateAfterSeconds', [one, { ...two, escalateAfterSeconds: 59 }]],
      ['steps[1].escalateAfterSeconds', [one, { ...two, escalateAfterSeconds: 604_860 }]],
      ['steps[1].targetType', [one, { ...two, targetType: 'users' }]],
      ['steps[1].condition', [one, { ...two, condition: undefined }]],
      ['steps[1].condition.when', [one, { ...two, condition: { workingHoursId: 'wh_1', when: 'sometimes' } }]],
    ];
    for (const [field, steps] of cases) {
      await expect(t.scaling.policies.create({ name: 'Bad', steps: steps as StepParams[] }), field).rejects.toMatchObject({ name: 'ScalingValidationError', field });
    }
    expect(await t.scaling.policies.list()).toEqual([]);
  });

  test('the mock answers the same bodies with 422 validation_error when sent raw', async () => {
    const schedule = t.mock.createSchedule();
    const response = await t.mock.fetch(`${t.mock.baseUrl}/escalation/policies`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.mock.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Raw', steps: [{ position: 2, targetType: 'schedule', targetId: schedule.id, escalateAfterSeconds: 60, condition: null }] }),
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ statusCode: 422, code: 'validation_error', message: 'steps[0].position: must be 1 (1..n in list order)' });
  });

  test('another org’s schedule is 400 invalid_target, its working hours 400 invalid_working_hours; nothing is created', async () => {
    const other = t.mock.createOrg();
    const theirSchedule = t.mock.createSchedule({ orgId: other.id });
    const theirHours = await t.client({ apiKey: other.apiKey }).workingHours.create({ name: 'Theirs', timezone: 'UTC', windows: [OFFICE] });
    const mine = t.mock.createSchedule();
    await expect(t.scaling.policies.create({ name: 'P', steps: stepsOver([mine.id, theirSchedule.id]) }))
      .rejects.toMatchObject({ status: 400, code: 'invalid_target', message: expect.stringContaining('steps[1].targetId') });
    await expect(t.scaling.policies.create({ name: 'P', steps: stepsOver([mine.id], [{ workingHoursId: theirHours.id, when: 'during' }]) }))
      .rejects.toMatchObject({ status: 400, code: 'invalid_working_hours', message: expect.stringContaining('steps[0].condition.workingHoursId') });
    expect(await t.scaling.policies.list()).toEqual([]);
  });
});

describe('policies.replace', () => {
  test('keeps each step’s id and createdAt by position, mints ids for new positions, deletes the surplus', async () => {
    const [a, b, c] = [t.mock.createSchedule(), t.mock.createSchedule(), t.mock.createSchedule()];
    const policy = await t.scaling.policies.create({ name: 'Stable', steps: stepsOver([a.id, b.id]) });
    await t.mock.clock.advance(60_000);
    const hours = await officeHours();
    const grown = await t.scaling.policies.replace(policy.id, {
      name: 'Stable',
      description: 'three steps',
      steps: stepsOver([c.id, a.id, b.id], [{ workingHoursId: hours.id, when: 'during' }]),
    });
    expect(grown.steps.map((step) => step.id).slice(0, 2)).toEqual(policy.steps!.map((step) => step.id));
    expect(grown.steps[2]!.id).not.toBe(policy.steps![0]!.id);
    expect(grown.steps[2]!.id).not.toBe(policy.steps![1]!.id);
    expect(grown.steps.map((step) => [step.position, step.targetId, step.escalateAfterSeconds, step.condition, step.createdAt, step.updatedAt])).toEqual([
      [1, c.id, 60, { workingHoursId: hours.id, when: 'during' }, '2026-04-07T10:00:00.000Z', '2026-04-07T10:01:00.000Z'],
      [2, a.id, 120, null, '2026-04-07T10:00:00.000Z', '2026-04-07T10:01:00.000Z'],
      [3, b.id, 180, null, '2026-04-07T10:01:00.000Z', '2026-04-07T10:01:00.000Z'],
    ]);
    expect(grown).toMatchObject({ name: 'Stable', description: 'three steps', updatedAt: '2026-04-07T10:01:00.000Z' });

    // An explicit null clears the condition; fewer steps delete the surplus layers.
    const shrunk = await t.scaling.policies.replace(policy.id, { name: 'Shrunk', description: null, steps: stepsOver([b.id]) });
    expect(shrunk.steps).toEqual([{ ...grown.steps[0]!, targetId: b.id, condition: null }]);
    expect(await t.scaling.policies.layers.list(policy.id)).toEqual(shrunk.layers);
    expect(shrunk.layers).toHaveLength(1);

    const emptied = await t.scaling.policies.replace(policy.id, { name: 'Shrunk', description: null, steps: [] });
    expect(emptied).toMatchObject({ layers: [], steps: [] });
  });

  test('is all or nothing: a bad last step, a taken name or a stranger’s id leaves everything as it was', async () => {
    const schedule = t.mock.createSchedule();
    const other = t.mock.createOrg();
    const theirSchedule = t.mock.createSchedule({ orgId: other.id });
    await t.scaling.policies.create({ name: 'Taken' });
    const policy = await t.scaling.policies.create({ name: 'Kept', description: 'as is', steps: stepsOver([schedule.id, schedule.id]) });
    const attempts = [
      { name: 'Renamed', description: null, steps: stepsOver([schedule.id, schedule.id, theirSchedule.id]) },
      { name: 'Taken', description: null, steps: stepsOver([schedule.id]) },
      { name: 'Renamed', description: null, steps: stepsOver([schedule.id], [{ workingHoursId: 'wh_nope', when: 'outside' }]) },
    ];
    const codes = [];
    for (const attempt of attempts) codes.push(await t.scaling.policies.replace(policy.id, attempt).catch((error: { code: string }) => error.code));
    expect(codes).toEqual(['invalid_target', 'name_conflict', 'invalid_working_hours']);
    expect(await t.scaling.policies.get(policy.id)).toEqual(policy);
  });

  test('the body is a full replacement: name, description and steps are required', async () => {
    const policy = await t.scaling.policies.create({ name: 'Full' });
    for (const [field, body] of [['description', { name: 'x', steps: [] }], ['steps', { name: 'x', description: null }], ['name', { description: null, steps: [] }]] as const) {
      await expect(t.scaling.policies.replace(policy.id, body as never)).rejects.toThrow(ScalingValidationError);
      await expect(t.scaling.policies.replace(policy.id, body as never)).rejects.toMatchObject({ field });
    }
  });

  test('another org’s policy is 404 and stays unchanged', async () => {
    const schedule = t.mock.createSchedule();
    const policy = await t.scaling.policies.create({ name: 'Mine', steps: stepsOver([schedule.id]) });
    const other = t.mock.createOrg();
    const theirSchedule = t.mock.createSchedule({ orgId: other.id });
    await expect(t.client({ apiKey: other.apiKey }).policies.replace(policy.id, { name: 'Theirs', description: null, steps: stepsOver([theirSchedule.id]) }))
      .rejects.toMatchObject({ status: 404, code: 'not_found' });
    expect(await t.scaling.policies.get(policy.id)).toEqual(policy);
  });
});

describe('layer conditions', () => {
  test('layers.create and layers.update take a condition; null clears it; layers.list shows it', async () => {
    const schedule = t.mock.createSchedule();
    const hours = await officeHours();
    const policy = await t.scaling.policies.create({ name: 'Gated layers' });
    const layer = await t.scaling.policies.layers.create(policy.id, {
      position: 1, ackTimeoutMinutes: 5, target: { type: 'schedule', scheduleId: schedule.id }, condition: { workingHoursId: hours.id, when: 'during' },
    });
    expect(layer.condition).toEqual({ workingHoursId: hours.id, when: 'during' });
    const flipped = await t.scaling.policies.layers.update(policy.id, layer.id, { condition: { workingHoursId: hours.id, when: 'outside' } });
    expect(flipped).toEqual({ ...layer, condition: { workingHoursId: hours.id, when: 'outside' } });
    expect((await t.scaling.policies.get(policy.id)).steps[0]!.condition).toEqual({ workingHoursId: hours.id, when: 'outside' });
    const cleared = await t.scaling.policies.layers.update(policy.id, layer.id, { condition: null });
    expect('condition' in cleared).toBe(false);
    expect(await t.scaling.policies.layers.list(policy.id)).toEqual([cleared]);
  });

  test('working hours of another org are 400 invalid_working_hours on create and update, and nothing changes', async () => {
    const schedule = t.mock.createSchedule();
    const other = t.mock.createOrg();
    const theirs = await t.client({ apiKey: other.apiKey }).workingHours.create({ name: 'Theirs', timezone: 'UTC', windows: [OFFICE] });
    const policy = await t.scaling.policies.create({ name: 'P', steps: stepsOver([schedule.id]) });
    const condition = { workingHoursId: theirs.id, when: 'during' } as const;
    await expect(t.scaling.policies.layers.create(policy.id, { position: 2, ackTimeoutMinutes: 5, target: { type: 'schedule', scheduleId: schedule.id }, condition }))
      .rejects.toMatchObject({ status: 400, code: 'invalid_working_hours' });
    await expect(t.scaling.policies.layers.update(policy.id, policy.layers![0]!.id, { ackTimeoutMinutes: 9, condition }))
      .rejects.toMatchObject({ status: 400, code: 'invalid_working_hours' });
    expect(await t.scaling.policies.get(policy.id)).toEqual(policy);
  });
});

describe('malformed conditions on layers', () => {
  const badConditions: Array<[string, unknown, string]> = [
    ['an unknown `when`', { workingHoursId: 'wh_1', when: 'sometimes' }, 'condition.when'],
    ['no `when`', { workingHoursId: 'wh_1' }, 'condition.when'],
    ['no workingHoursId', { when: 'during' }, 'condition.workingHoursId'],
    ['an empty workingHoursId', { workingHoursId: '', when: 'during' }, 'condition.workingHoursId'],
    ['an unknown field', { workingHoursId: 'wh_1', when: 'during', timezone: 'UTC' }, 'condition.timezone'],
    ['a string', 'during', 'condition'],
  ];

  test.each(badConditions)('%s: the SDK refuses it before sending, the mock answers 422 naming the field; nothing changes', async (_, condition, field) => {
    const schedule = t.mock.createSchedule();
    const policy = await t.scaling.policies.create({ name: 'P', steps: stepsOver([schedule.id]) });
    const layerId = policy.layers![0]!.id;
    const spy = countingFetch();
    const scaling = t.client({ fetch: spy.fetch });
    const create = { position: 1, ackTimeoutMinutes: 5, target: { type: 'schedule', scheduleId: schedule.id }, condition };
    for (const call of [
      scaling.policies.layers.create(policy.id, create as LayerCreateParams),
      scaling.policies.layers.update(policy.id, layerId, { condition } as never),
    ]) {
      const error = await call.catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ScalingValidationError);
      expect(error).toMatchObject({ field });
    }
    expect(spy.calls).toHaveLength(0);
    const layers = `/escalation/policies/${policy.id}/layers`;
    expect((await expectError(await raw(t.mock, layers, { method: 'POST', json: create }), 422, 'validation_error')).message).toContain(field);
    expect((await expectError(await raw(t.mock, `${layers}/${layerId}`, { method: 'PATCH', json: { condition } }), 422, 'validation_error')).message).toContain(field);
    expect(await t.scaling.policies.get(policy.id)).toEqual(policy);
  });
});

describe('policies.replace refusals over the wire', () => {
  test('a body the SDK would refuse is 422 naming the step field, and the policy is unchanged', async () => {
    const schedule = t.mock.createSchedule();
    const policy = await t.scaling.policies.create({ name: 'Kept', steps: stepsOver([schedule.id, schedule.id]) });
    const [one, two] = stepsOver([schedule.id, schedule.id]);
    const bodies: Array<[string, unknown]> = [
      ['steps[1].position', { name: 'X', description: null, steps: [one, { ...two, position: 1 }] }],
      ['steps[0].escalateAfterSeconds', { name: 'X', description: null, steps: [{ ...one, escalateAfterSeconds: 61 }] }],
      ['steps[0].targetType', { name: 'X', description: null, steps: [{ ...one, targetType: 'users' }] }],
      ['description', { name: 'X', steps: [] }],
      ['steps', { name: 'X', description: null, steps: Array.from({ length: 51 }, (_, index) => ({ ...one, position: index + 1 })) }],
    ];
    for (const [field, json] of bodies) {
      const error = await expectError(await raw(t.mock, `/escalation/policies/${policy.id}`, { method: 'PUT', json }), 422, 'validation_error');
      expect(error.message, field).toContain(field);
    }
    expect(await t.scaling.policies.get(policy.id)).toEqual(policy);
  });

  test('an unknown policy id is 404, before the steps are looked at', async () => {
    const error = await t.scaling.policies.replace('pol_00000000000000000000', { name: 'X', description: null, steps: stepsOver(['sched_nope']) })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingNotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'not_found' });
  });
});

describe('deleting working hours a step uses', () => {
  test('is 409 working_hours_in_use until the condition is gone; then it deletes', async () => {
    const schedule = t.mock.createSchedule();
    const hours = await officeHours();
    const policy = await t.scaling.policies.create({ name: 'Uses hours', steps: stepsOver([schedule.id], [{ workingHoursId: hours.id, when: 'during' }]) });
    await expect(t.scaling.workingHours.delete(hours.id)).rejects.toMatchObject({ status: 409, code: 'working_hours_in_use' });
    expect(await t.scaling.workingHours.get(hours.id)).toEqual(hours);
    await t.scaling.policies.replace(policy.id, { name: 'Uses hours', description: null, steps: stepsOver([schedule.id]) });
    await t.scaling.workingHours.delete(hours.id);
    await expect(t.scaling.workingHours.get(hours.id)).rejects.toMatchObject({ status: 404 });
  });
});

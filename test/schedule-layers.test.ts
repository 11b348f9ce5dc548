import { describe, expect, test } from 'vitest';
import {
  ScalingBadRequestError,
  ScalingConflictError,
  ScalingInvalidReorderError,
  ScalingNotFoundError,
  ScalingValidationError,
  type ScheduleLayer,
  type ScheduleLayerCreateParams,
} from '../src/index.js';
import { countingFetch, expectError, raw, useMock } from './helpers.js';

const t = useMock();


const weekly = (name: string, participantIds: string[]): ScheduleLayerCreateParams => ({
  name,
  rotationType: 'weekly',
  rotationLengthDays: 7,
  handoffTime: '09:00',
  effectiveFrom: '2026-04-06T09:00:00Z',
  participantIds,
});

/** A schedule with `count` weekly layers named `L1`..`Ln`, and a JSON snapshot to prove refusals change nothing. */
let schedules = 0;
const scheduleWithLayers = async (count: number) => {
  const schedule = await t.scaling.schedules.create({ name: `Schedule ${++schedules}`, timezone: 'UTC' });
  const layers: ScheduleLayer[] = [];
  for (let i = 1; i <= count; i++) layers.push(await t.scaling.schedules.layers.create(schedule.id, weekly(`L${i}`, [t.mock.userId])));
  const snapshot = async () => JSON.stringify(await t.scaling.schedules.get(schedule.id));
  return { schedule, layers, before: await snapshot(), snapshot };
};

const order = async (scheduleId: string) =>
  (await t.scaling.schedules.get(scheduleId)).layers.map((layer) => [layer.position, layer.name]);

const valid = weekly('Layer', ['user_1']);
/** Layer bodies the client refuses (naming the field) and the mock answers with 422 naming it: [what, body, field]. */
const badLayers: Array<[string, unknown, string]> = [
  ['no name', { ...valid, name: undefined }, 'name'],
  ['an empty name', { ...valid, name: '' }, 'name'],
  ['a 256-character name', { ...valid, name: 'x'.repeat(256) }, 'name'],
  ['an unknown rotation type', { ...valid, rotationType: 'monthly' }, 'rotationType'],
  ['0 days', { ...valid, rotationType: 'custom', rotationLengthDays: 0 }, 'rotationLengthDays'],
  ['366 days', { ...valid, rotationType: 'custom', rotationLengthDays: 366 }, 'rotationLengthDays'],
  ['1.5 days', { ...valid, rotationType: 'custom', rotationLengthDays: 1.5 }, 'rotationLengthDays'],
  ['days as a string', { ...valid, rotationLengthDays: '7' }, 'rotationLengthDays'],
  ['daily for 7 days', { ...valid, rotationType: 'daily', rotationLengthDays: 7 }, 'rotationLengthDays'],
  ['weekly for 14 days', { ...valid, rotationType: 'weekly', rotationLengthDays: 14 }, 'rotationLengthDays'],
  ['handoff at 24:00', { ...valid, handoffTime: '24:00' }, 'handoffTime'],
  ['handoff at 9:00', { ...valid, handoffTime: '9:00' }, 'handoffTime'],
  ['handoff at 09:60', { ...valid, handoffTime: '09:60' }, 'handoffTime'],
  ['handoff with seconds', { ...valid, handoffTime: '09:00:00' }, 'handoffTime'],
  ['no effectiveFrom', { ...valid, effectiveFrom: undefined }, 'effectiveFrom'],
  ['a date for effectiveFrom', { ...valid, effectiveFrom: '2026-04-06' }, 'effectiveFrom'],
  ['effectiveFrom without offset', { ...valid, effectiveFrom: '2026-04-06T09:00:00' }, 'effectiveFrom'],
  ['effectiveFrom that is no date', { ...valid, effectiveFrom: '2026-02-30T09:00:00Z' }, 'effectiveFrom'],
  ['effectiveUntil = effectiveFrom', { ...valid, effectiveUntil: '2026-04-06T11:00:00+02:00' }, 'effectiveUntil'],
  ['effectiveUntil before effectiveFrom', { ...valid, effectiveUntil: '2026-04-01T09:00:00Z' }, 'effectiveUntil'],
  ['effectiveUntil that is no datetime', { ...valid, effectiveUntil: 'never' }, 'effectiveUntil'],
  ['no participants', { ...valid, participantIds: [] }, 'participantIds'],
  ['a participant twice', { ...valid, participantIds: ['user_1', 'user_1'] }, 'participantIds'],
  ['an empty participant id', { ...valid, participantIds: ['user_1', ''] }, 'participantIds[1]'],
  ['101 participants', { ...valid, participantIds: Array.from({ length: 101 }, (_, i) => `user_${i}`) }, 'participantIds'],
  ['a position', { ...valid, position: 0 }, 'position'],
];

describe('layers.create', () => {
  test('returns the documented layer; times come back in UTC with milliseconds', async () => {
    const member = t.mock.createUser();
    const schedule = await t.scaling.schedules.create({ name: 'Primary', timezone: 'Europe/Berlin' });
    const layer = await t.scaling.schedules.layers.create(schedule.id, {
      name: 'Business hours',
      rotationType: 'custom',
      rotationLengthDays: 3,
      handoffTime: '08:30',
      effectiveFrom: '2026-04-07T08:30:00+02:00',
      effectiveUntil: '2026-12-31T23:00:00Z',
      participantIds: [member.id, t.mock.userId],
    });
    expect(layer).toEqual({
      id: expect.stringMatching(/^layer_/),
      scheduleId: schedule.id,
      orgId: t.mock.orgId,
      name: 'Business hours',
      position: 0,
      rotationType: 'custom',
      rotationLengthDays: 3,
      handoffTime: '08:30',
      effectiveFrom: '2026-04-07T06:30:00.000Z',
      effectiveUntil: '2026-12-31T23:00:00.000Z',
      participantIds: [member.id, t.mock.userId],
      createdAt: '2026-04-07T10:00:00.000Z',
      updatedAt: '2026-04-07T10:00:00.000Z',
    });
    expect((await t.scaling.schedules.layers.create(schedule.id, weekly('Open', [t.mock.userId]))).effectiveUntil).toBeNull();
  });

  test('the server assigns the next position: 0, 1, 2…', async () => {
    const { schedule, layers } = await scheduleWithLayers(3);
    expect(layers.map((layer) => layer.position)).toEqual([0, 1, 2]);
    expect(await order(schedule.id)).toEqual([[0, 'L1'], [1, 'L2'], [2, 'L3']]);
  });

  test('layer names are unique within a schedule (409 name_conflict), not across schedules', async () => {
    const { schedule, before, snapshot } = await scheduleWithLayers(1);
    const error = await t.scaling.schedules.layers.create(schedule.id, weekly('L1', [t.mock.userId])).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingConflictError);
    expect(error).toMatchObject({ status: 409, code: 'name_conflict' });
    expect(await snapshot()).toBe(before);
    const other = await scheduleWithLayers(0);
    await expect(t.scaling.schedules.layers.create(other.schedule.id, weekly('L1', [t.mock.userId]))).resolves.toMatchObject({ name: 'L1' });
  });

  test('invalid_participant: participants must be members of the org, and the message names the strangers', async () => {
    const { schedule, before, snapshot } = await scheduleWithLayers(1);
    const foreign = t.mock.createUser({ orgId: t.mock.createOrg().id });
    const error = await t.scaling.schedules.layers
      .create(schedule.id, weekly('New', [t.mock.userId, foreign.id, 'user_missing']))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingBadRequestError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_participant', type: 'invalid_request_error' });
    expect((error as Error).message).toContain(`${foreign.id}, user_missing`);
    expect((error as Error).message).not.toContain(t.mock.userId);
    expect(await snapshot()).toBe(before);
  });

  test('a schedule holds at most 50 layers: the 51st is 400 layer_limit_reached', async () => {
    const { schedule } = await scheduleWithLayers(50);
    await expect(t.scaling.schedules.layers.create(schedule.id, weekly('L51', [t.mock.userId]))).rejects.toMatchObject({
      status: 400,
      code: 'layer_limit_reached',
    });
    expect((await t.scaling.schedules.get(schedule.id)).layers).toHaveLength(50);
  });

  test('404 for a schedule that does not exist', async () => {
    await expect(t.scaling.schedules.layers.create('sched_missing', weekly('L', [t.mock.userId]))).rejects.toThrow(ScalingNotFoundError);
  });
});

describe('layers.update', () => {
  test('changes only the fields sent; the position never moves', async () => {
    const { schedule, layers } = await scheduleWithLayers(2);
    const member = t.mock.createUser();
    await t.mock.clock.advance(90 * 60_000);
    const updated = await t.scaling.schedules.layers.update(schedule.id, layers[1]!.id, { handoffTime: '17:45', participantIds: [member.id] });
    expect(updated).toEqual({ ...layers[1], handoffTime: '17:45', participantIds: [member.id], updatedAt: '2026-04-07T11:30:00.000Z' });
    const daily = await t.scaling.schedules.layers.update(schedule.id, layers[1]!.id, {
      rotationType: 'daily',
      rotationLengthDays: 1,
      effectiveUntil: '2026-06-01T00:00:00Z',
    });
    expect(daily).toMatchObject({ position: 1, rotationType: 'daily', rotationLengthDays: 1, effectiveUntil: '2026-06-01T00:00:00.000Z' });
    expect((await t.scaling.schedules.layers.update(schedule.id, layers[1]!.id, { effectiveUntil: null })).effectiveUntil).toBeNull();
    expect((await t.scaling.schedules.get(schedule.id)).layers[0]).toEqual(layers[0]);
  });

  test('the cross-field rules apply to the merged layer: 422 naming the field, and nothing changes', async () => {
    const { schedule, layers, before, snapshot } = await scheduleWithLayers(1);
    const layerId = layers[0]!.id;
    // A weekly layer (7 days) cannot become daily without also becoming 1 day long.
    const daily = await t.scaling.schedules.layers.update(schedule.id, layerId, { rotationType: 'daily' }).catch((caught: unknown) => caught);
    expect(daily).toBeInstanceOf(ScalingBadRequestError);
    expect(daily).toMatchObject({ status: 422, code: 'validation_error', type: 'validation_error' });
    expect((daily as Error).message).toContain('rotationLengthDays: must be 1 for a daily rotation');
    await expect(t.scaling.schedules.layers.update(schedule.id, layerId, { rotationLengthDays: 14 })).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('rotationLengthDays: must be 7 for a weekly rotation'),
    });
    // effectiveFrom is 2026-04-06T09:00Z: an end at or before it is refused, and so is a start moved past the end.
    await expect(t.scaling.schedules.layers.update(schedule.id, layerId, { effectiveUntil: '2026-04-06T09:00:00Z' })).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('effectiveUntil: must be after effectiveFrom'),
    });
    await t.scaling.schedules.layers.update(schedule.id, layerId, { effectiveUntil: '2026-05-01T00:00:00Z' });
    const bounded = await snapshot();
    const moved = t.scaling.schedules.layers.update(schedule.id, layerId, { effectiveFrom: '2026-05-01T00:00:00Z', name: 'Renamed' });
    await expect(moved).rejects.toMatchObject({ status: 422, message: expect.stringContaining('effectiveUntil') });
    expect(await snapshot()).toBe(bounded);
    expect(before).not.toBe(bounded);
  });

  test('name_conflict and invalid_participant leave the layer as it was', async () => {
    const { schedule, layers, before, snapshot } = await scheduleWithLayers(2);
    await expect(t.scaling.schedules.layers.update(schedule.id, layers[1]!.id, { name: 'L1' })).rejects.toMatchObject({
      status: 409,
      code: 'name_conflict',
    });
    await expect(t.scaling.schedules.layers.update(schedule.id, layers[1]!.id, { name: 'L3', participantIds: ['user_missing'] })).rejects.toMatchObject({
      status: 400,
      code: 'invalid_participant',
    });
    expect(await snapshot()).toBe(before);
    // Keeping its own name is fine.
    await expect(t.scaling.schedules.layers.update(schedule.id, layers[1]!.id, { name: 'L2' })).resolves.toMatchObject({ name: 'L2' });
  });

  test('404 for a layer of another schedule', async () => {
    const first = await scheduleWithLayers(1);
    const second = await scheduleWithLayers(1);
    await expect(t.scaling.schedules.layers.update(second.schedule.id, first.layers[0]!.id, { name: 'x' })).rejects.toMatchObject({
      status: 404,
      code: 'not_found',
    });
    expect(await first.snapshot()).toBe(first.before);
  });
});

describe('layers.delete', () => {
  test('closes the gap: positions stay 0..n-1, and the layers that moved are written', async () => {
    const { schedule, layers } = await scheduleWithLayers(4);
    await t.mock.clock.advance(60_000);
    await expect(t.scaling.schedules.layers.delete(schedule.id, layers[1]!.id)).resolves.toBeUndefined();
    expect(await order(schedule.id)).toEqual([[0, 'L1'], [1, 'L3'], [2, 'L4']]);
    expect((await t.scaling.schedules.get(schedule.id)).layers.map((layer) => layer.updatedAt)).toEqual([
      '2026-04-07T10:00:00.000Z',
      '2026-04-07T10:01:00.000Z',
      '2026-04-07T10:01:00.000Z',
    ]);
    await t.scaling.schedules.layers.delete(schedule.id, layers[0]!.id);
    expect(await order(schedule.id)).toEqual([[0, 'L3'], [1, 'L4']]);
    // The next layer goes to the next free position.
    expect((await t.scaling.schedules.layers.create(schedule.id, weekly('L5', [t.mock.userId]))).position).toBe(2);
  });

  test('a deleted layer is gone: 404 the second time', async () => {
    const { schedule, layers } = await scheduleWithLayers(1);
    await t.scaling.schedules.layers.delete(schedule.id, layers[0]!.id);
    await expect(t.scaling.schedules.layers.delete(schedule.id, layers[0]!.id)).rejects.toThrow(ScalingNotFoundError);
  });
});

describe('layers.reorder', () => {
  test('the first id becomes position 0, and every layer is written', async () => {
    const { schedule, layers } = await scheduleWithLayers(3);
    await t.mock.clock.advance(20 * 60_000);
    const reordered = await t.scaling.schedules.layers.reorder(schedule.id, { layerIds: [layers[2]!.id, layers[0]!.id, layers[1]!.id] });
    expect(reordered.map((layer) => [layer.name, layer.position])).toEqual([['L3', 0], ['L1', 1], ['L2', 2]]);
    expect(reordered.every((layer) => layer.updatedAt === '2026-04-07T10:20:00.000Z')).toBe(true);
    expect((await t.scaling.schedules.get(schedule.id)).layers).toEqual(reordered);
  });

  test('the new position 0 layer bears the owner', async () => {
    const [ann, bob] = [t.mock.createUser(), t.mock.createUser()];
    const schedule = t.mock.createSchedule({ layers: [{ participantIds: [ann.id] }, { participantIds: [bob.id] }] });
    expect((await t.scaling.schedules.resolve(schedule.id)).owner).toBe(ann.id);
    await t.scaling.schedules.layers.reorder(schedule.id, { layerIds: [schedule.layers[1]!.id, schedule.layers[0]!.id] });
    expect(await t.scaling.schedules.resolve(schedule.id)).toMatchObject({ owner: bob.id, pagingTargets: [bob.id, ann.id] });
  });

  test('invalid_reorder unless layerIds is exactly the schedule’s set; nothing changes', async () => {
    const { schedule, layers, before, snapshot } = await scheduleWithLayers(3);
    const other = await scheduleWithLayers(1);
    const ids = layers.map((layer) => layer.id);
    const wrong = [
      ids.slice(0, 2), // partial
      [...ids, other.layers[0]!.id], // one too many
      [ids[0]!, ids[1]!, other.layers[0]!.id], // a layer of another schedule
      [ids[0]!, 'layer_missing', ids[2]!], // unknown id
    ];
    for (const layerIds of wrong) {
      const error = await t.scaling.schedules.layers.reorder(schedule.id, { layerIds }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ScalingInvalidReorderError);
      expect(error).toMatchObject({ status: 400, code: 'invalid_reorder' });
    }
    expect(await snapshot()).toBe(before);
  });
});

describe('input is checked before anything is sent', () => {
  test.each(badLayers)('layers.create refuses %s', async (_, params, field) => {
    const spy = countingFetch();
    const scaling = t.client({ fetch: spy.fetch });
    const error = await scaling.schedules.layers.create('sched_1', params as ScheduleLayerCreateParams).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingValidationError);
    expect((error as ScalingValidationError).field).toBe(field);
    expect((error as Error).message).toContain(field);
    expect(spy.calls).toHaveLength(0);
  });

  test('layers.update: at least one field, no position, and the rules that the body alone breaks', async () => {
    const spy = countingFetch();
    const scaling = t.client({ fetch: spy.fetch });
    const empty = await scaling.schedules.layers.update('sched_1', 'layer_1', {}).catch((caught: unknown) => caught);
    expect((empty as Error).message).toMatch(/name, rotationType, rotationLengthDays, handoffTime, effectiveFrom, effectiveUntil, participantIds/);
    const cases: Array<[unknown, string]> = [
      [{ position: 1 }, 'position'],
      [{ rotationType: 'weekly', rotationLengthDays: 1 }, 'rotationLengthDays'],
      [{ effectiveFrom: '2026-05-01T00:00:00Z', effectiveUntil: '2026-04-01T00:00:00Z' }, 'effectiveUntil'],
      [{ handoffTime: '25:00' }, 'handoffTime'],
      [{ participantIds: [] }, 'participantIds'],
    ];
    for (const [params, field] of cases) {
      const error = await scaling.schedules.layers.update('sched_1', 'layer_1', params as never).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ScalingValidationError);
      expect(error).toMatchObject({ field });
    }
    expect(spy.calls).toHaveLength(0);
  });

  test('layers.reorder needs 1 to 50 distinct ids', async () => {
    const spy = countingFetch();
    const scaling = t.client({ fetch: spy.fetch });
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `layer_${i}`);
    for (const layerIds of [[], ids(51), ['layer_a', 'layer_a'], ['layer_a', '']]) {
      const error = await scaling.schedules.layers.reorder('sched_1', { layerIds }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ScalingValidationError);
      expect((error as ScalingValidationError).field).toMatch(/^layerIds/);
    }
    expect(spy.calls).toHaveLength(0);
  });
});

describe('the mock refuses what the SDK would not send', () => {
  test.each(badLayers)('layer create: %s', async (_, body, field) => {
    const { schedule, before, snapshot } = await scheduleWithLayers(1);
    const response = await raw(t.mock, `/oncall/schedules/${schedule.id}/layers`, { method: 'POST', json: body });
    const error = await expectError(response, 422, 'validation_error');
    expect(error.message).toContain(field);
    expect(await snapshot()).toBe(before);
  });

  test('layer update: bad fields, position, an empty body are 422', async () => {
    const { schedule, layers, before, snapshot } = await scheduleWithLayers(1);
    const path = `/oncall/schedules/${schedule.id}/layers/${layers[0]!.id}`;
    for (const json of [{}, { position: 1 }, { handoffTime: '7:00' }, { rotationType: 'daily', rotationLengthDays: 2 }, { participantIds: ['u', 'u'] }]) {
      await expectError(await raw(t.mock, path, { method: 'PATCH', json }), 422, 'validation_error');
    }
    expect(await snapshot()).toBe(before);
  });

  test('reorder: repeats are 400 invalid_reorder; an empty list or 51 ids is 422', async () => {
    const { schedule, layers, before, snapshot } = await scheduleWithLayers(1);
    const path = `/oncall/schedules/${schedule.id}/layers/order`;
    await expectError(await raw(t.mock, path, { method: 'PUT', json: { layerIds: [layers[0]!.id, layers[0]!.id] } }), 400, 'invalid_reorder');
    await expectError(await raw(t.mock, path, { method: 'PUT', json: { layerIds: [] } }), 422, 'validation_error');
    const many = Array.from({ length: 51 }, (_, i) => `layer_${i}`);
    await expectError(await raw(t.mock, path, { method: 'PUT', json: { layerIds: many } }), 422, 'validation_error');
    await expectError(await raw(t.mock, path, { method: 'PUT', json: { layerIds: 'all' } }), 422, 'validation_error');
    expect(await snapshot()).toBe(before);
  });
});

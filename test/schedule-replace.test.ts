import { describe, expect, test } from 'vitest';
import {
  ScalingBadRequestError,
  ScalingConflictError,
  ScalingNotFoundError,
  ScalingValidationError,
  type ScheduleLayerCreateParams,
  type ScheduleLayerReplaceParams,
  type ScheduleReplaceParams,
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

/** A schedule with two layers, and a JSON snapshot to prove refusals change nothing. */
const fixture = async () => {
  const schedule = await t.scaling.schedules.create({ name: 'Primary', description: 'Platform', timezone: 'Europe/Berlin' });
  const first = await t.scaling.schedules.layers.create(schedule.id, weekly('Week', [t.mock.userId]));
  const second = await t.scaling.schedules.layers.create(schedule.id, {
    ...weekly('Backup', [t.mock.userId]),
    effectiveUntil: '2026-06-01T00:00:00Z',
  });
  const snapshot = async () => JSON.stringify(await t.scaling.schedules.get(schedule.id));
  return { schedule, first, second, before: await snapshot(), snapshot };
};

describe('schedules.replace (PUT /oncall/schedules/{scheduleId})', () => {
  test('replaces every field, keeps "" as sent, and an absent description clears it', async () => {
    const { schedule } = await fixture();
    await t.mock.clock.advance(60_000);
    const replaced = await t.scaling.schedules.replace(schedule.id, { name: 'Renamed', description: '', timezone: 'Asia/Tokyo' });
    expect(replaced).toEqual({ ...schedule, name: 'Renamed', description: '', timezone: 'Asia/Tokyo', updatedAt: '2026-04-07T10:01:00.000Z' });
    const bare = await t.scaling.schedules.replace(schedule.id, { name: 'Renamed', timezone: 'UTC' });
    expect(bare.description).toBeNull();
    const detail = await t.scaling.schedules.get(schedule.id);
    expect(detail).toMatchObject({ name: 'Renamed', description: null, timezone: 'UTC' });
    expect(detail.layers.map((layer) => layer.name)).toEqual(['Week', 'Backup']);
  });

  test('the Terraform provider’s body (description "" and null) is accepted over the wire', async () => {
    const { schedule } = await fixture();
    for (const description of ['', null, 'text']) {
      const response = await raw(t.mock, `/oncall/schedules/${schedule.id}`, {
        method: 'PUT',
        json: { name: 'From Terraform', description, timezone: 'America/New_York' },
      });
      expect(response.status).toBe(200);
      expect((await response.json()).data).toMatchObject({ id: schedule.id, name: 'From Terraform', description, timezone: 'America/New_York' });
    }
  });

  test.each([
    ['no timezone', { name: 'ok' }, 'timezone', 400, 'invalid_timezone'],
    ['an abbreviation', { name: 'ok', timezone: 'EST' }, 'timezone', 400, 'invalid_timezone'],
    ['an offset', { name: 'ok', timezone: 'UTC+5' }, 'timezone', 400, 'invalid_timezone'],
    ['no name', { timezone: 'UTC' }, 'name', 422, 'validation_error'],
    ['an empty name', { name: '', timezone: 'UTC' }, 'name', 422, 'validation_error'],
    ['an unknown field', { name: 'ok', timezone: 'UTC', layers: [] }, 'layers', 422, 'validation_error'],
  ] as const)('refuses %s: the client before sending, the mock over the wire', async (_, body, field, status, code) => {
    const { schedule, before, snapshot } = await fixture();
    const spy = countingFetch();
    const error = await t.client({ fetch: spy.fetch }).schedules.replace(schedule.id, body as ScheduleReplaceParams).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingValidationError);
    expect(error).toMatchObject({ field });
    expect(spy.calls).toHaveLength(0);
    const response = await raw(t.mock, `/oncall/schedules/${schedule.id}`, { method: 'PUT', json: body });
    expect((await expectError(response, status, code)).message).toContain(field);
    expect(await snapshot()).toBe(before);
  });

  test('409 name_conflict for another schedule’s name; its own name is fine', async () => {
    const { schedule, before, snapshot } = await fixture();
    await t.scaling.schedules.create({ name: 'Taken', timezone: 'UTC' });
    const error = await t.scaling.schedules.replace(schedule.id, { name: 'Taken', timezone: 'UTC' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingConflictError);
    expect(error).toMatchObject({ status: 409, code: 'name_conflict' });
    expect(await snapshot()).toBe(before);
    expect(await t.scaling.schedules.replace(schedule.id, { name: 'Primary', description: 'Platform', timezone: 'Europe/Berlin' })).toMatchObject({ name: 'Primary' });
  });

  test('404 for an unknown schedule', async () => {
    const error = await t.scaling.schedules.replace('sched_missing', { name: 'x', timezone: 'UTC' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingNotFoundError);
  });
});

describe('schedules.layers.replace (PUT …/layers/{layerId})', () => {
  test('replaces every field; the layer keeps its id, position and createdAt; a missing or null effectiveUntil clears it', async () => {
    const { schedule, second } = await fixture();
    const colleague = t.mock.createUser();
    await t.mock.clock.advance(60_000);
    const body: ScheduleLayerReplaceParams = {
      name: 'Nights',
      rotationType: 'custom',
      rotationLengthDays: 3,
      handoffTime: '21:30',
      effectiveFrom: '2026-04-10T21:30:00Z',
      effectiveUntil: '2026-05-01T00:00:00Z',
      participantIds: [colleague.id, t.mock.userId],
    };
    const replaced = await t.scaling.schedules.layers.replace(schedule.id, second.id, body);
    expect(replaced).toEqual({
      ...second,
      ...body,
      effectiveFrom: '2026-04-10T21:30:00.000Z',
      effectiveUntil: '2026-05-01T00:00:00.000Z',
      updatedAt: '2026-04-07T10:01:00.000Z',
    });
    expect(replaced.position).toBe(1);
    const { effectiveUntil: _, ...withoutUntil } = body;
    expect((await t.scaling.schedules.layers.replace(schedule.id, second.id, withoutUntil)).effectiveUntil).toBeNull();
    await t.scaling.schedules.layers.replace(schedule.id, second.id, body);
    expect((await t.scaling.schedules.layers.replace(schedule.id, second.id, { ...body, effectiveUntil: null })).effectiveUntil).toBeNull();
    const layers = (await t.scaling.schedules.get(schedule.id)).layers;
    expect(layers.map((layer) => [layer.id, layer.name, layer.effectiveUntil])).toEqual([
      [layers[0]!.id, 'Week', null],
      [second.id, 'Nights', null],
    ]);
  });

  test('the provider’s body (effectiveUntil explicitly null, no position) is accepted over the wire', async () => {
    const { schedule, second } = await fixture();
    const response = await raw(t.mock, `/oncall/schedules/${schedule.id}/layers/${second.id}`, {
      method: 'PUT',
      json: { ...weekly('Backup', [t.mock.userId]), effectiveUntil: null },
    });
    expect(response.status).toBe(200);
    expect((await response.json()).data).toMatchObject({ id: second.id, position: 1, effectiveUntil: null });
  });

  test.each([
    ['no name', { ...weekly('x', ['user_1']), name: undefined }, 'name'],
    ['daily for 7 days', { ...weekly('x', ['user_1']), rotationType: 'daily' }, 'rotationLengthDays'],
    ['weekly for 3 days', { ...weekly('x', ['user_1']), rotationLengthDays: 3 }, 'rotationLengthDays'],
    ['a handoff at 24:00', { ...weekly('x', ['user_1']), handoffTime: '24:00' }, 'handoffTime'],
    ['effectiveUntil before effectiveFrom', { ...weekly('x', ['user_1']), effectiveUntil: '2026-04-01T00:00:00Z' }, 'effectiveUntil'],
    ['no participants', { ...weekly('x', []) }, 'participantIds'],
    ['a position (set by reorder)', { ...weekly('x', ['user_1']), position: 0 }, 'position'],
    ['no effectiveFrom (a PATCH-sized body)', { name: 'x' }, 'rotationType'],
  ] as const)('refuses %s: the client before sending, the mock with 422 naming the field', async (_, body, field) => {
    const { schedule, second, before, snapshot } = await fixture();
    const spy = countingFetch();
    const error = await t
      .client({ fetch: spy.fetch })
      .schedules.layers.replace(schedule.id, second.id, body as ScheduleLayerReplaceParams)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingValidationError);
    expect(error).toMatchObject({ field });
    expect(spy.calls).toHaveLength(0);
    const response = await raw(t.mock, `/oncall/schedules/${schedule.id}/layers/${second.id}`, { method: 'PUT', json: body });
    expect((await expectError(response, 422, 'validation_error')).message).toContain(field);
    expect(await snapshot()).toBe(before);
  });

  test('400 invalid_participant for a stranger, 409 name_conflict for a sibling’s name, and nothing changes', async () => {
    const { schedule, second, before, snapshot } = await fixture();
    const stranger = t.mock.createOrg().adminUserId;
    const invalid = await t.scaling.schedules.layers.replace(schedule.id, second.id, weekly('New', [stranger])).catch((caught: unknown) => caught);
    expect(invalid).toBeInstanceOf(ScalingBadRequestError);
    expect(invalid).toMatchObject({ status: 400, code: 'invalid_participant' });
    const taken = await t.scaling.schedules.layers.replace(schedule.id, second.id, weekly('Week', [t.mock.userId])).catch((caught: unknown) => caught);
    expect(taken).toBeInstanceOf(ScalingConflictError);
    expect(taken).toMatchObject({ status: 409, code: 'name_conflict' });
    expect(await snapshot()).toBe(before);
  });

  test('404 for an unknown layer, and for a layer of another schedule', async () => {
    const { schedule, second } = await fixture();
    const other = await t.scaling.schedules.create({ name: 'Other', timezone: 'UTC' });
    for (const [scheduleId, layerId] of [[schedule.id, 'layer_missing'], [other.id, second.id]] as const) {
      const error = await t.scaling.schedules.layers.replace(scheduleId, layerId, weekly('x', [t.mock.userId])).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ScalingNotFoundError);
    }
  });

  test('PUT …/layers/order is still the reorder, not a layer called "order"', async () => {
    const { schedule, first, second } = await fixture();
    const reordered = await t.scaling.schedules.layers.reorder(schedule.id, { layerIds: [second.id, first.id] });
    expect(reordered.map((layer) => [layer.id, layer.position])).toEqual([[second.id, 0], [first.id, 1]]);
    // A layer body sent to …/order is judged as a reorder body: it names layerIds, not a missing layer.
    const response = await raw(t.mock, `/oncall/schedules/${schedule.id}/layers/order`, { method: 'PUT', json: weekly('x', [t.mock.userId]) });
    expect((await expectError(response, 422, 'validation_error')).message).toContain('layerIds');
  });
});

describe('cross-org isolation', () => {
  test('both PUTs answer 404 for another org’s schedule and layer, and change nothing', async () => {
    const { schedule, second, before, snapshot } = await fixture();
    const other = t.mock.createOrg();
    const stranger = t.client({ apiKey: other.apiKey });
    await expect(stranger.schedules.replace(schedule.id, { name: 'Stolen', timezone: 'UTC' })).rejects.toMatchObject({ status: 404, code: 'not_found' });
    await expect(stranger.schedules.layers.replace(schedule.id, second.id, weekly('Stolen', [other.adminUserId]))).rejects.toMatchObject({
      status: 404,
      code: 'not_found',
    });
    expect(await snapshot()).toBe(before);
  });
});

describe('layer ids sort in creation order (the provider orders layers by id)', () => {
  test('12 layers: their ids, sorted as strings, are in position order', async () => {
    const schedule = await t.scaling.schedules.create({ name: 'Many', timezone: 'UTC' });
    for (let i = 1; i <= 12; i++) {
      // Other ids minted in between must not break the order.
      t.mock.createUser();
      await t.scaling.schedules.layers.create(schedule.id, weekly(`L${i}`, [t.mock.userId]));
    }
    const layers = (await t.scaling.schedules.get(schedule.id)).layers;
    expect(layers).toHaveLength(12);
    const ids = layers.map((layer) => layer.id);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(12);
    expect(ids.every((id) => /^layer_[0-9a-z]{20}$/.test(id))).toBe(true);
  });
});

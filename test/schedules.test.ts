import { describe, expect, test } from 'vitest';
import {
  ScalingConflictError,
  ScalingNotFoundError,
  ScalingValidationError,
  type ScheduleCreateParams,
  type ScheduleLayerCreateParams,
} from '../src/index.js';
import { countingFetch, expectError, raw, scheduleTarget, useMock, usersTarget } from './helpers.js';

const t = useMock();


/** A schedule with one rotation layer, and a JSON snapshot of it to prove refusals change nothing. */
const fixture = async () => {
  const member = t.mock.createUser();
  const schedule = await t.scaling.schedules.create({ name: 'Primary', timezone: 'Europe/Berlin' });
  await t.scaling.schedules.layers.create(schedule.id, {
    name: 'Week',
    rotationType: 'weekly',
    rotationLengthDays: 7,
    handoffTime: '09:00',
    effectiveFrom: '2026-04-06T07:00:00Z',
    participantIds: [t.mock.userId, member.id],
  });
  const snapshot = async () => JSON.stringify(await t.scaling.schedules.get(schedule.id));
  return { schedule, before: await snapshot(), snapshot };
};

/** Schedule bodies the client refuses (naming the field) and the mock refuses when sent anyway: [what, body, field, code]. */
const badSchedules: Array<[string, unknown, string, string]> = [
  ['no name', { timezone: 'UTC' }, 'name', 'validation_error'],
  ['an empty name', { name: '', timezone: 'UTC' }, 'name', 'validation_error'],
  ['a 256-character name', { name: 'x'.repeat(256), timezone: 'UTC' }, 'name', 'validation_error'],
  ['a numeric description', { name: 'ok', description: 5, timezone: 'UTC' }, 'description', 'validation_error'],
  ['an unknown field', { name: 'ok', timezone: 'UTC', layers: [] }, 'layers', 'validation_error'],
  ['no timezone', { name: 'ok' }, 'timezone', 'invalid_timezone'],
  ['an abbreviation', { name: 'ok', timezone: 'EST' }, 'timezone', 'invalid_timezone'],
  ['an offset', { name: 'ok', timezone: 'UTC+5' }, 'timezone', 'invalid_timezone'],
  ['an ISO offset', { name: 'ok', timezone: '+05:00' }, 'timezone', 'invalid_timezone'],
  ['an unknown zone', { name: 'ok', timezone: 'Mars/Olympus' }, 'timezone', 'invalid_timezone'],
  ['a numeric zone', { name: 'ok', timezone: 5 }, 'timezone', 'invalid_timezone'],
];

describe('schedules', () => {
  test('create returns the schedule, stamped by the mock clock and owned by the key’s user', async () => {
    const user = t.mock.createUser();
    const schedule = await t.client({ apiKey: user.apiKey }).schedules.create({
      name: 'Primary on-call',
      description: 'Platform team',
      timezone: 'America/New_York',
    });
    expect(schedule).toEqual({
      id: expect.stringMatching(/^sched_/),
      orgId: t.mock.orgId,
      name: 'Primary on-call',
      description: 'Platform team',
      timezone: 'America/New_York',
      createdBy: user.id,
      createdAt: '2026-04-07T10:00:00.000Z',
      updatedAt: '2026-04-07T10:00:00.000Z',
    });
    expect((await t.scaling.schedules.create({ name: 'Bare', timezone: 'UTC' })).description).toBeNull();
  });

  test('IANA aliases are accepted as sent', async () => {
    for (const timezone of ['Etc/UTC', 'Asia/Kolkata', 'US/Eastern']) {
      expect((await t.scaling.schedules.create({ name: timezone, timezone })).timezone).toBe(timezone);
    }
  });

  test('list returns the org’s schedules without layers; get returns one with its layers in position order', async () => {
    const { schedule } = await fixture();
    const other = await t.scaling.schedules.create({ name: 'Secondary', timezone: 'UTC' });
    const list = await t.scaling.schedules.list();
    expect(list).toEqual([schedule, other]);
    expect(list.every((entry) => !('layers' in entry))).toBe(true);
    const detail = await t.scaling.schedules.get(schedule.id);
    expect(detail).toEqual({ ...schedule, layers: [expect.objectContaining({ name: 'Week', position: 0 })] });
    expect(await t.scaling.schedules.get(other.id)).toEqual({ ...other, layers: [] });
  });

  test('the org’s schedules include those made with mock.createSchedule', async () => {
    const made = t.mock.createSchedule({ name: 'Made by the test' });
    expect((await t.scaling.schedules.list()).map((schedule) => schedule.id)).toEqual([made.id]);
  });

  test('update changes only the fields sent and moves updatedAt to the clock', async () => {
    const schedule = await t.scaling.schedules.create({ name: 'Old', description: 'keep me', timezone: 'UTC' });
    await t.mock.clock.advance(90 * 60_000);
    const renamed = await t.scaling.schedules.update(schedule.id, { name: 'New' });
    expect(renamed).toEqual({ ...schedule, name: 'New', updatedAt: '2026-04-07T11:30:00.000Z' });
    await t.mock.clock.advance(60_000);
    const moved = await t.scaling.schedules.update(schedule.id, { timezone: 'Asia/Tokyo', description: null });
    expect(moved).toEqual({ ...renamed, timezone: 'Asia/Tokyo', description: null, updatedAt: '2026-04-07T11:31:00.000Z' });
    expect(await t.scaling.schedules.get(schedule.id)).toEqual({ ...moved, layers: [] });
  });

  test('moving a schedule to another zone moves its handoffs to that zone’s wall clock', async () => {
    const { schedule } = await fixture();
    // Weekly at 09:00 from Monday 2026-04-06 09:00 CEST (07:00Z): the next handoff is 2026-04-13T07:00Z in Berlin.
    const ownerAt = async (at: string) => (await t.scaling.schedules.resolve(schedule.id, { at })).owner;
    const member = (await t.scaling.schedules.get(schedule.id)).layers[0]!.participantIds[1];
    expect(await ownerAt('2026-04-13T07:00:00Z')).toBe(member);
    await t.scaling.schedules.update(schedule.id, { timezone: 'America/New_York' });
    // The anchor day is now 2026-04-06 in New York (03:00 EDT), and handoffs are at 09:00 EDT = 13:00Z.
    expect(await ownerAt('2026-04-13T07:00:00Z')).toBe(t.mock.userId);
    expect(await ownerAt('2026-04-13T13:00:00Z')).toBe(member);
  });

  test('names are unique per org: 409 name_conflict on create and on rename, and nothing changes', async () => {
    const first = await t.scaling.schedules.create({ name: 'Primary', timezone: 'UTC' });
    const second = await t.scaling.schedules.create({ name: 'Secondary', timezone: 'UTC' });
    const error = await t.scaling.schedules.create({ name: 'Primary', timezone: 'Europe/Paris' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingConflictError);
    expect(error).toMatchObject({ status: 409, code: 'name_conflict', type: 'invalid_request_error' });
    await expect(t.scaling.schedules.update(second.id, { name: 'Primary', timezone: 'Asia/Tokyo' })).rejects.toMatchObject({
      status: 409,
      code: 'name_conflict',
    });
    expect(await t.scaling.schedules.list()).toEqual([first, second]);
    // Renaming a schedule to its own name is not a conflict; another org may use the name.
    await expect(t.scaling.schedules.update(first.id, { name: 'Primary' })).resolves.toMatchObject({ name: 'Primary' });
    const stranger = t.client({ apiKey: t.mock.createOrg().apiKey });
    await expect(stranger.schedules.create({ name: 'Primary', timezone: 'UTC' })).resolves.toMatchObject({ name: 'Primary' });
  });

  test('delete resolves to nothing, and removes the schedule with its layers', async () => {
    const { schedule } = await fixture();
    const layerId = (await t.scaling.schedules.get(schedule.id)).layers[0]!.id;
    await expect(t.scaling.schedules.delete(schedule.id)).resolves.toBeUndefined();
    await expect(t.scaling.schedules.get(schedule.id)).rejects.toThrow(ScalingNotFoundError);
    await expect(t.scaling.schedules.layers.update(schedule.id, layerId, { name: 'x' })).rejects.toMatchObject({ status: 404 });
    expect(await t.scaling.schedules.list()).toEqual([]);
    const again = await raw(t.mock, `/oncall/schedules/${schedule.id}`, { method: 'DELETE' });
    await expectError(again, 404, 'not_found');
  });

  test('a schedule that a policy layer targets cannot be deleted: 409 schedule_in_use names the policy', async () => {
    const { schedule, before, snapshot } = await fixture();
    const policy = await t.scaling.policies.create({ name: 'Platform Default' });
    const layer = await t.scaling.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 5, target: scheduleTarget(schedule.id) });
    const error = await t.scaling.schedules.delete(schedule.id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingConflictError);
    expect(error).toMatchObject({ status: 409, code: 'schedule_in_use' });
    expect((error as Error).message).toContain('"Platform Default"');
    expect((error as Error).message).toContain(policy.id);
    expect(await snapshot()).toBe(before);
    // Once no layer targets it, it can go.
    await t.scaling.policies.layers.update(policy.id, layer.id, { target: usersTarget(t.mock.userId) });
    await expect(t.scaling.schedules.delete(schedule.id)).resolves.toBeUndefined();
  });

  test('deleting the policy that targets a schedule frees it', async () => {
    const { schedule } = await fixture();
    const policy = await t.scaling.policies.create({ name: 'Uses it' });
    await t.scaling.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 5, target: scheduleTarget(schedule.id) });
    await t.scaling.policies.delete(policy.id);
    await expect(t.scaling.schedules.delete(schedule.id)).resolves.toBeUndefined();
  });
});

describe('cross-org isolation', () => {
  test('every schedule and layer endpoint answers 404 for another org’s schedule and changes nothing', async () => {
    const { schedule, before, snapshot } = await fixture();
    const other = t.mock.createOrg();
    const stranger = t.client({ apiKey: other.apiKey });
    const layerId = (await t.scaling.schedules.get(schedule.id)).layers[0]!.id;
    const layer: ScheduleLayerCreateParams = {
      name: 'Theirs',
      rotationType: 'daily',
      rotationLengthDays: 1,
      handoffTime: '09:00',
      effectiveFrom: '2026-04-07T09:00:00Z',
      participantIds: [other.adminUserId],
    };
    const calls = [
      stranger.schedules.get(schedule.id),
      stranger.schedules.update(schedule.id, { name: 'Stolen' }),
      stranger.schedules.delete(schedule.id),
      stranger.schedules.resolve(schedule.id),
      stranger.schedules.layers.create(schedule.id, layer),
      stranger.schedules.layers.update(schedule.id, layerId, { name: 'Stolen' }),
      stranger.schedules.layers.delete(schedule.id, layerId),
      stranger.schedules.layers.reorder(schedule.id, { layerIds: [layerId] }),
    ];
    for (const call of calls) await expect(call).rejects.toMatchObject({ status: 404, code: 'not_found' });
    expect(await stranger.schedules.list()).toEqual([]);
    expect(await snapshot()).toBe(before);
  });
});

describe('input is checked before anything is sent', () => {
  test.each(badSchedules)('schedules.create refuses %s', async (_, params, field) => {
    const spy = countingFetch();
    const error = await t.client({ fetch: spy.fetch }).schedules.create(params as ScheduleCreateParams).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingValidationError);
    expect(error).toMatchObject({ field });
    expect((error as Error).message).toContain(field);
    expect(spy.calls).toHaveLength(0);
  });

  test('schedules.update needs at least one field, a valid zone, and no unknown field', async () => {
    const spy = countingFetch();
    const scaling = t.client({ fetch: spy.fetch });
    const empty = await scaling.schedules.update('sched_1', {}).catch((caught: unknown) => caught);
    expect((empty as Error).message).toMatch(/name, description, timezone/);
    await expect(scaling.schedules.update('sched_1', { timezone: 'PST' })).rejects.toMatchObject({ field: 'timezone' });
    await expect(scaling.schedules.update('sched_1', { layers: [] } as never)).rejects.toMatchObject({ field: 'layers' });
    expect(spy.calls).toHaveLength(0);
  });

  test('path ids must be non-empty and cannot be . or ..', async () => {
    const spy = countingFetch();
    const scaling = t.client({ fetch: spy.fetch });
    for (const id of ['', '.', '..']) {
      await expect(scaling.schedules.get(id)).rejects.toMatchObject({ name: 'ScalingValidationError', field: 'scheduleId' });
      await expect(scaling.schedules.resolve(id)).rejects.toMatchObject({ field: 'scheduleId' });
      await expect(scaling.schedules.layers.delete('sched_1', id)).rejects.toMatchObject({ field: 'layerId' });
    }
    expect(spy.calls).toHaveLength(0);
  });
});

describe('the mock refuses what the SDK would not send', () => {
  test.each(badSchedules)('schedule create: %s', async (_, body, field, code) => {
    const response = await raw(t.mock, '/oncall/schedules', { method: 'POST', json: body });
    const error = await expectError(response, code === 'validation_error' ? 422 : 400, code);
    expect(error.message).toContain(field);
    expect(await t.scaling.schedules.list()).toEqual([]);
  });

  test('schedule update: a bad zone is 400 invalid_timezone, an empty or unknown body 422; nothing changes', async () => {
    const { schedule, before, snapshot } = await fixture();
    const path = `/oncall/schedules/${schedule.id}`;
    await expectError(await raw(t.mock, path, { method: 'PATCH', json: { timezone: 'EST' } }), 400, 'invalid_timezone');
    await expectError(await raw(t.mock, path, { method: 'PATCH', json: { name: 'ok', timezone: null } }), 400, 'invalid_timezone');
    // Problems of more than one kind are one 422 naming them all.
    const mixed = await expectError(await raw(t.mock, path, { method: 'PATCH', json: { name: '', timezone: 'EST' } }), 422, 'validation_error');
    expect(mixed.message).toMatch(/name.*timezone/);
    await expectError(await raw(t.mock, path, { method: 'PATCH', json: {} }), 422, 'validation_error');
    await expectError(await raw(t.mock, path, { method: 'PATCH', json: { position: 1 } }), 422, 'validation_error');
    expect(await snapshot()).toBe(before);
  });

  test('unknown methods on known paths are 405 with Allow', async () => {
    const response = await raw(t.mock, '/oncall/schedules', { method: 'PUT' });
    expect(response.headers.get('allow')).toBe('GET, POST');
    await expectError(response, 405, 'method_not_allowed');
  });
});

describe('mock.createSchedule', () => {
  test('keeps its defaults, and can add rotation layers with theirs', () => {
    const ann = t.mock.createUser();
    expect(t.mock.createSchedule()).toEqual({
      id: expect.stringMatching(/^sched_/),
      orgId: t.mock.orgId,
      name: 'Schedule 1',
      description: null,
      timezone: 'UTC',
      createdAt: '2026-04-07T10:00:00.000Z',
      layers: [],
    });
    const schedule = t.mock.createSchedule({
      timezone: 'Europe/Berlin',
      layers: [{ participantIds: [ann.id] }, { participantIds: [t.mock.userId], rotationType: 'daily', effectiveUntil: '2026-05-01T00:00:00Z' }],
    });
    expect(schedule.layers).toEqual([
      {
        id: expect.stringMatching(/^layer_/),
        scheduleId: schedule.id,
        orgId: t.mock.orgId,
        name: 'Layer 1',
        position: 0,
        rotationType: 'weekly',
        rotationLengthDays: 7,
        handoffTime: '09:00',
        effectiveFrom: '2026-04-07T10:00:00.000Z',
        effectiveUntil: null,
        participantIds: [ann.id],
        createdAt: '2026-04-07T10:00:00.000Z',
        updatedAt: '2026-04-07T10:00:00.000Z',
      },
      expect.objectContaining({ name: 'Layer 2', position: 1, rotationType: 'daily', rotationLengthDays: 1, effectiveUntil: '2026-05-01T00:00:00.000Z' }),
    ]);
  });

  test('what it makes is what the API shows', async () => {
    const schedule = t.mock.createSchedule({ name: 'Primary', layers: [{ participantIds: [t.mock.userId] }] });
    const { layers, ...fields } = schedule;
    expect(await t.scaling.schedules.get(schedule.id)).toEqual({ ...fields, createdBy: t.mock.userId, updatedAt: fields.createdAt, layers });
  });

  test('bad input throws a TypeError naming the field, and adds nothing', async () => {
    const stranger = t.mock.createUser({ orgId: t.mock.createOrg().id });
    t.mock.createSchedule({ name: 'Taken' });
    const cases: Array<[unknown, RegExp]> = [
      [{ timezone: 'EST' }, /timezone/],
      [{ layers: [{}] }, /layers\[0\]\.participantIds/],
      [{ layers: [{ participantIds: [t.mock.userId], rotationType: 'daily', rotationLengthDays: 7 }] }, /layers\[0\]\.rotationLengthDays: must be 1/],
      [{ layers: [{ participantIds: [t.mock.userId], rotationType: 'custom' }] }, /layers\[0\]\.rotationLengthDays/],
      [{ layers: [{ participantIds: [t.mock.userId], handoffTime: '9am' }] }, /layers\[0\]\.handoffTime/],
      [{ layers: [{ participantIds: [t.mock.userId], position: 3 }] }, /layers\[0\]\.position/],
      [
        { layers: [{ participantIds: [t.mock.userId] }, { participantIds: [stranger.id] }] },
        new RegExp(`layers\\[1\\]\\.participantIds: .*${stranger.id}`),
      ],
      [{ layers: [{ participantIds: [t.mock.userId] }, { participantIds: [t.mock.userId], name: 'Layer 1' }] }, /layers\[1\]\.name/],
      [{ name: 'Taken' }, /name/],
      [{ layers: 'weekly' }, /layers/],
    ];
    for (const [input, message] of cases) {
      expect(() => t.mock.createSchedule(input as never)).toThrow(TypeError);
      expect(() => t.mock.createSchedule(input as never)).toThrow(message);
    }
    expect((await t.scaling.schedules.list()).map((schedule) => schedule.name)).toEqual(['Taken']);
  });
});

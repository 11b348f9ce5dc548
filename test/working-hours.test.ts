import { describe, expect, test } from 'vitest';
import {
  isWithinWorkingHours,
  ScalingConflictError,
  ScalingNotFoundError,
  ScalingValidationError,
  type WorkingHoursCreateParams,
  type WorkingHoursUpdateParams,
} from '../src/index.js';
import { countingFetch, expectError, raw, useMock } from './helpers.js';

const t = useMock();

const NOW = '2026-04-07T10:00:00.000Z';
const OFFICE = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
const WEEKEND = { days: [6, 7], start: '10:00', end: '14:00' };
const office = (name = 'London office'): WorkingHoursCreateParams => ({ name, timezone: 'Europe/London', windows: [OFFICE] });

/** Bodies both the client and the mock refuse, with the field the error names and the mock's answer. */
const badCreates: Array<[string, unknown, string, number, string]> = [
  ['no name', { timezone: 'UTC', windows: [OFFICE] }, 'name', 422, 'validation_error'],
  ['an empty name', { ...office(''), name: '' }, 'name', 422, 'validation_error'],
  ['a name of 256 characters', office('n'.repeat(256)), 'name', 422, 'validation_error'],
  ['no timezone', { name: 'X', windows: [OFFICE] }, 'timezone', 400, 'invalid_timezone'],
  ['an offset as timezone', { ...office(), timezone: 'UTC+1' }, 'timezone', 400, 'invalid_timezone'],
  ['an abbreviation as timezone', { ...office(), timezone: 'EST' }, 'timezone', 400, 'invalid_timezone'],
  ['no windows', { name: 'X', timezone: 'UTC' }, 'windows', 422, 'validation_error'],
  ['an empty windows list', { ...office(), windows: [] }, 'windows', 422, 'validation_error'],
  ['51 windows', { ...office(), windows: Array.from({ length: 51 }, () => OFFICE) }, 'windows', 422, 'validation_error'],
  ['a window without days', { ...office(), windows: [{ ...OFFICE, days: [] }] }, 'windows[0].days', 422, 'validation_error'],
  ['day 0', { ...office(), windows: [OFFICE, { ...OFFICE, days: [0] }] }, 'windows[1].days[0]', 422, 'validation_error'],
  ['day 8', { ...office(), windows: [{ ...OFFICE, days: [1, 8] }] }, 'windows[0].days[1]', 422, 'validation_error'],
  ['day 1.5', { ...office(), windows: [{ ...OFFICE, days: [1.5] }] }, 'windows[0].days[0]', 422, 'validation_error'],
  ['a day as a string', { ...office(), windows: [{ ...OFFICE, days: ['1'] }] }, 'windows[0].days[0]', 422, 'validation_error'],
  ['a repeated day', { ...office(), windows: [{ ...OFFICE, days: [1, 2, 3, 3, 5] }] }, 'windows[0].days', 422, 'validation_error'],
  ['start 24:00', { ...office(), windows: [{ ...OFFICE, start: '24:00' }] }, 'windows[0].start', 422, 'validation_error'],
  ['start 9:00', { ...office(), windows: [{ ...OFFICE, start: '9:00' }] }, 'windows[0].start', 422, 'validation_error'],
  ['end with seconds', { ...office(), windows: [{ ...OFFICE, end: '17:00:00' }] }, 'windows[0].end', 422, 'validation_error'],
  ['end minute 60', { ...office(), windows: [{ ...OFFICE, end: '16:60' }] }, 'windows[0].end', 422, 'validation_error'],
  ['a window without end', { ...office(), windows: [{ days: [1], start: '09:00' }] }, 'windows[0].end', 422, 'validation_error'],
  ['an unknown window field', { ...office(), windows: [{ ...OFFICE, timezone: 'UTC' }] }, 'windows[0].timezone', 422, 'validation_error'],
  ['an unknown field', { ...office(), description: 'x' }, 'description', 422, 'validation_error'],
];
const badUpdates: Array<[string, unknown, string, number, string]> = [
  ['an empty update', {}, 'name', 422, 'validation_error'],
  ['a null name', { name: null }, 'name', 422, 'validation_error'],
  ['a legacy zone name', { timezone: 'CET' }, 'timezone', 400, 'invalid_timezone'],
  ['an empty windows list', { windows: [] }, 'windows', 422, 'validation_error'],
  ['a repeated day', { windows: [{ ...WEEKEND, days: [7, 7] }] }, 'windows[0].days', 422, 'validation_error'],
];

describe('working hours', () => {
  test('create answers 201 with the set, stamped by the clock; windows come back exactly as sent', async () => {
    const windows = [{ days: [5, 1, 3], start: '22:00', end: '06:00' }, WEEKEND];
    const set = await t.scaling.workingHours.create({ name: 'Follow the sun', timezone: 'Asia/Tokyo', windows });
    expect(set).toEqual({
      id: expect.stringMatching(/^wh_/),
      orgId: t.mock.orgId,
      name: 'Follow the sun',
      timezone: 'Asia/Tokyo',
      windows,
      createdAt: NOW,
      updatedAt: NOW,
    });
    const response = await raw(t.mock, '/working-hours', { method: 'POST', json: office('Raw') });
    expect(response.status).toBe(201);
  });

  test('list is a bare array in creation order, windows included; get returns one', async () => {
    const a = await t.scaling.workingHours.create(office('A'));
    const b = await t.scaling.workingHours.create({ name: 'B', timezone: 'UTC', windows: [WEEKEND, OFFICE] });
    expect(await t.scaling.workingHours.list()).toEqual([a, b]);
    expect(await t.scaling.workingHours.get(b.id)).toEqual(b);
    const body = await (await raw(t.mock, '/working-hours')).json();
    expect(body).toEqual({ data: [a, b] });
  });

  test('update changes only the fields sent, replaces windows whole, and moves updatedAt to the clock', async () => {
    const set = await t.scaling.workingHours.create(office());
    await t.mock.clock.advance(30 * 60_000);
    const renamed = await t.scaling.workingHours.update(set.id, { name: 'London' });
    expect(renamed).toEqual({ ...set, name: 'London', updatedAt: '2026-04-07T10:30:00.000Z' });

    await t.mock.clock.advance(60_000);
    const moved = await t.scaling.workingHours.update(set.id, { timezone: 'America/New_York', windows: [WEEKEND] });
    expect(moved).toEqual({ ...renamed, timezone: 'America/New_York', windows: [WEEKEND], updatedAt: '2026-04-07T10:31:00.000Z' });
    expect(await t.scaling.workingHours.get(set.id)).toEqual(moved);
  });

  test('the Terraform provider’s PATCH with the full body replaces the set', async () => {
    const set = await t.scaling.workingHours.create(office());
    const full = { name: 'London office', timezone: 'Europe/London', windows: [OFFICE, WEEKEND] };
    const response = await raw(t.mock, `/working-hours/${set.id}`, { method: 'PATCH', json: full });
    expect(response.status).toBe(200);
    expect((await response.json()).data).toEqual({ ...set, ...full });
  });

  test('delete answers like the other deletes ({ success: true }); the set is gone; deleting again is 404', async () => {
    const doomed = await t.scaling.workingHours.create(office('Doomed'));
    const kept = await t.scaling.workingHours.create(office('Kept'));
    await expect(t.scaling.workingHours.delete(doomed.id)).resolves.toBeUndefined();
    await expect(t.scaling.workingHours.get(doomed.id)).rejects.toThrow(ScalingNotFoundError);
    await expect(t.scaling.workingHours.delete(doomed.id)).rejects.toMatchObject({ status: 404, code: 'not_found' });
    expect(await t.scaling.workingHours.list()).toEqual([kept]);
    const response = await raw(t.mock, `/working-hours/${kept.id}`, { method: 'DELETE' });
    expect({ status: response.status, body: await response.json() }).toEqual({ status: 200, body: { success: true } });
  });

  test('names are unique per org, compared exactly: 409 name_conflict on create and on rename, nothing half-applied', async () => {
    await t.scaling.workingHours.create(office('Office'));
    const other = await t.scaling.workingHours.create(office('Other'));
    const before = JSON.stringify(await t.scaling.workingHours.list());

    const onCreate = await t.scaling.workingHours.create(office('Office')).catch((error: unknown) => error);
    expect(onCreate).toBeInstanceOf(ScalingConflictError);
    expect(onCreate).toMatchObject({ status: 409, code: 'name_conflict', type: 'invalid_request_error' });
    await expect(t.scaling.workingHours.update(other.id, { name: 'Office', windows: [WEEKEND] })).rejects.toMatchObject({ code: 'name_conflict' });
    expect(JSON.stringify(await t.scaling.workingHours.list())).toBe(before);

    await expect(t.scaling.workingHours.update(other.id, { name: 'Other' })).resolves.toMatchObject({ name: 'Other' });
    await expect(t.scaling.workingHours.create(office('office'))).resolves.toMatchObject({ name: 'office' });
    const org = t.mock.createOrg();
    await expect(t.client({ apiKey: org.apiKey }).workingHours.create(office('Office'))).resolves.toMatchObject({ orgId: org.id });
  });

  test('any member may manage working hours (not only admins)', async () => {
    const member = t.client({ apiKey: t.mock.createUser().apiKey });
    const set = await member.workingHours.create(office('By a member'));
    await expect(member.workingHours.update(set.id, { windows: [WEEKEND] })).resolves.toMatchObject({ windows: [WEEKEND] });
    await expect(member.workingHours.delete(set.id)).resolves.toBeUndefined();
  });

  test('another org’s set is 404 on every endpoint with an id, and stays unchanged', async () => {
    const ours = await t.scaling.workingHours.create(office('Ours'));
    const stranger = t.client({ apiKey: t.mock.createOrg().apiKey });
    for (const attempt of [
      stranger.workingHours.get(ours.id),
      stranger.workingHours.update(ours.id, { name: 'Theirs' }),
      stranger.workingHours.delete(ours.id),
    ]) {
      await expect(attempt).rejects.toMatchObject({ status: 404, code: 'not_found' });
    }
    expect(await stranger.workingHours.list()).toEqual([]);
    expect(await t.scaling.workingHours.list()).toEqual([ours]);
  });

  test('what the API returns is what isWithinWorkingHours reads', async () => {
    const set = await t.scaling.workingHours.create({ name: 'Nights', timezone: 'America/New_York', windows: [{ days: [7], start: '22:00', end: '06:00' }] });
    // Sunday 2026-04-12 23:00 EDT is Monday 03:00Z.
    expect(isWithinWorkingHours(set, new Date('2026-04-13T03:00:00Z'))).toBe(true);
    expect(isWithinWorkingHours(set, new Date('2026-04-13T10:00:00Z'))).toBe(false);
  });
});

describe('window rules the API accepts (see docs/decisions/working-hours.md)', () => {
  test('overnight windows, start == end (24 h) and overlapping windows are accepted and echoed', async () => {
    const windows = [
      { days: [5], start: '22:00', end: '06:00' },
      { days: [1], start: '00:00', end: '00:00' },
      { days: [1], start: '08:00', end: '12:00' },
      { days: [7, 6], start: '18:00', end: '00:00' },
    ];
    await expect(t.scaling.workingHours.create({ name: 'Odd', timezone: 'UTC', windows })).resolves.toMatchObject({ windows });
  });

  test('50 windows and all seven days are the limits, inclusive', async () => {
    const windows = Array.from({ length: 50 }, () => ({ days: [7, 6, 5, 4, 3, 2, 1], start: '00:00', end: '23:59' }));
    await expect(t.scaling.workingHours.create({ name: 'Max', timezone: 'UTC', windows })).resolves.toMatchObject({ windows });
  });
});

describe('input is checked before anything is sent', () => {
  test.each(badCreates)('create refuses %s', async (_, params, field) => {
    const spy = countingFetch();
    const error = await t.client({ fetch: spy.fetch }).workingHours.create(params as WorkingHoursCreateParams).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingValidationError);
    expect(error).toMatchObject({ field });
    expect(spy.calls).toHaveLength(0);
  });

  test.each(badUpdates)('update refuses %s', async (_, params, field) => {
    const spy = countingFetch();
    const error = await t.client({ fetch: spy.fetch }).workingHours.update('wh_1', params as WorkingHoursUpdateParams).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingValidationError);
    expect(error).toMatchObject({ field });
    if (Object.keys(params as object).length === 0) expect((error as Error).message).toMatch(/name, timezone, windows/);
    expect(spy.calls).toHaveLength(0);
  });

  test('path ids must be non-empty and cannot be . or ..', async () => {
    const spy = countingFetch();
    const scaling = t.client({ fetch: spy.fetch });
    for (const id of ['', '.', '..']) {
      await expect(scaling.workingHours.get(id)).rejects.toMatchObject({ name: 'ScalingValidationError', field: 'workingHoursId' });
      await expect(scaling.workingHours.update(id, { name: 'x' })).rejects.toMatchObject({ field: 'workingHoursId' });
      await expect(scaling.workingHours.delete(id)).rejects.toMatchObject({ field: 'workingHoursId' });
    }
    expect(spy.calls).toHaveLength(0);
  });
});

describe('the mock refuses what the SDK would not send, naming the field', () => {
  test.each(badCreates)('create: %s', async (_, json, field, status, code) => {
    const error = await expectError(await raw(t.mock, '/working-hours', { method: 'POST', json }), status, code);
    expect(error.message).toContain(field);
    expect(await t.scaling.workingHours.list()).toEqual([]);
  });

  test.each(badUpdates)('update: %s', async (_, json, field, status, code) => {
    const set = await t.scaling.workingHours.create(office());
    const error = await expectError(await raw(t.mock, `/working-hours/${set.id}`, { method: 'PATCH', json }), status, code);
    expect(error.message).toContain(field);
    if (Object.keys(json as object).length === 0) expect(error.message).toContain('name, timezone, windows');
    expect(await t.scaling.workingHours.list()).toEqual([set]);
  });
});

import { describe, expect, test } from 'vitest';
import { resolveOnCall, type RotationLayer } from '../src/oncall/rotation.js';
import { isValidTimeZone } from '../src/schemas/time-zone.js';
import { ScalingValidationError } from '../src/index.js';
import { countingFetch, raw, useMock } from './helpers.js';

const ms = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

let layerCount = 0;
const layer = (fields: Partial<RotationLayer> & Pick<RotationLayer, 'participantIds'>): RotationLayer => ({
  id: `layer_${++layerCount}`,
  position: 0,
  rotationLengthDays: 7,
  handoffTime: '09:00',
  effectiveFrom: ms('2026-04-06T09:00:00Z'),
  effectiveUntil: null,
  ...fields,
});

/** Who one layer has on call at each instant. */
const onCall = (timezone: string, rotation: RotationLayer, ...instants: string[]) =>
  instants.map((at) => resolveOnCall({ timezone, layers: [rotation] }, ms(at)).owner);

describe('resolveOnCall: one layer', () => {
  test('participants take turns in list order at each handoff, and wrap around', () => {
    const weekly = layer({ participantIds: ['ann', 'bob', 'cat'] });
    expect(
      onCall('UTC', weekly,
        '2026-04-06T09:00:00Z', '2026-04-13T08:59:59.999Z', // ann's week
        '2026-04-13T09:00:00Z', '2026-04-20T08:59:59.999Z', // bob's
        '2026-04-20T09:00:00Z', // cat's
        '2026-04-27T09:00:00Z', // back to ann
        '2026-05-04T09:00:00Z', '2027-04-05T09:00:00Z'), // 52 weeks after the start: 52 mod 3 = 1
    ).toEqual(['ann', 'ann', 'bob', 'bob', 'cat', 'ann', 'bob', 'bob']);
  });

  test('daily and custom lengths hand off every 1 and every n days', () => {
    const daily = layer({ rotationLengthDays: 1, participantIds: ['ann', 'bob'] });
    expect(onCall('UTC', daily, '2026-04-06T23:00:00Z', '2026-04-07T09:00:00Z', '2026-04-08T08:59:00Z', '2026-04-08T09:00:00Z'))
      .toEqual(['ann', 'bob', 'bob', 'ann']);
    const threeDays = layer({ rotationLengthDays: 3, handoffTime: '18:30', participantIds: ['ann', 'bob'] });
    expect(onCall('UTC', threeDays, '2026-04-09T18:29:59Z', '2026-04-09T18:30:00Z', '2026-04-12T18:29:00Z', '2026-04-12T18:30:00Z'))
      .toEqual(['ann', 'bob', 'bob', 'ann']);
  });

  test('one participant is always on call; handoffs are anchored on the local day of effectiveFrom', () => {
    expect(onCall('UTC', layer({ participantIds: ['solo'] }), '2026-04-06T09:00:00Z', '2030-01-01T00:00:00Z')).toEqual(['solo', 'solo']);
    // effectiveFrom at 10:00 with handoffs at 09:00: the first shift is 23 hours; at 11:00 it is 25.
    const early = layer({ rotationLengthDays: 1, effectiveFrom: ms('2026-04-07T10:00:00Z'), participantIds: ['ann', 'bob'] });
    expect(onCall('UTC', early, '2026-04-08T08:59:59Z', '2026-04-08T09:00:00Z')).toEqual(['ann', 'bob']);
    const late = layer({ rotationLengthDays: 1, handoffTime: '11:00', effectiveFrom: ms('2026-04-07T10:00:00Z'), participantIds: ['ann', 'bob'] });
    expect(onCall('UTC', late, '2026-04-07T10:59:59Z', '2026-04-08T10:59:59Z', '2026-04-08T11:00:00Z')).toEqual(['ann', 'ann', 'bob']);
  });

  test('a layer is in force from effectiveFrom (inclusive) to effectiveUntil (exclusive)', () => {
    const bounded = layer({ effectiveUntil: ms('2026-04-20T09:00:00Z'), participantIds: ['ann', 'bob'] });
    expect(onCall('UTC', bounded, '2026-04-06T08:59:59.999Z', '2026-04-06T09:00:00Z', '2026-04-20T08:59:59.999Z', '2026-04-20T09:00:00Z'))
      .toEqual([null, 'ann', 'bob', null]);
    const result = resolveOnCall({ timezone: 'UTC', layers: [bounded] }, ms('2026-05-01T00:00:00Z'));
    expect(result).toEqual({ owner: null, pagingTargets: [], layers: [{ layerId: bounded.id, position: 0, userId: null }] });
  });
});

describe('resolveOnCall: several layers', () => {
  const primary = layer({ position: 0, effectiveFrom: ms('2026-04-13T09:00:00Z'), participantIds: ['ann', 'bob'] });
  const secondary = layer({ position: 1, rotationLengthDays: 1, participantIds: ['cat', 'dan'] });
  const manager = layer({ position: 2, participantIds: ['ann'] });

  test('every layer is listed in position order; paging targets are the active layers’ people without repeats', () => {
    const at = ms('2026-04-14T12:00:00Z'); // secondary: 8 daily handoffs since 04-06, so cat
    expect(resolveOnCall({ timezone: 'UTC', layers: [manager, primary, secondary] }, at)).toEqual({
      owner: 'ann',
      pagingTargets: ['ann', 'cat'],
      layers: [
        { layerId: primary.id, position: 0, userId: 'ann' },
        { layerId: secondary.id, position: 1, userId: 'cat' },
        { layerId: manager.id, position: 2, userId: 'ann' },
      ],
    });
  });

  test('the owner falls back to the next active layer by position while layer 0 is not in force', () => {
    const result = resolveOnCall({ timezone: 'UTC', layers: [primary, secondary, manager] }, ms('2026-04-07T12:00:00Z'));
    expect(result.owner).toBe('dan');
    expect(result.pagingTargets).toEqual(['dan', 'ann']);
    expect(result.layers.map((entry) => entry.userId)).toEqual([null, 'dan', 'ann']);
  });

  test('nobody is on call without layers, or before any layer starts', () => {
    expect(resolveOnCall({ timezone: 'UTC', layers: [] }, ms('2026-04-07T12:00:00Z'))).toEqual({ owner: null, pagingTargets: [], layers: [] });
    const before = resolveOnCall({ timezone: 'UTC', layers: [primary, secondary, manager] }, ms('2026-01-01T00:00:00Z'));
    expect(before).toMatchObject({ owner: null, pagingTargets: [] });
    expect(before.layers.map((entry) => entry.userId)).toEqual([null, null, null]);
  });

  test('an unknown zone or a malformed layer is a RangeError, not a wrong answer', () => {
    expect(() => resolveOnCall({ timezone: 'Mars/Olympus', layers: [primary] }, ms('2026-04-13T12:00:00Z'))).toThrow(RangeError);
    expect(() => resolveOnCall({ timezone: 'UTC', layers: [{ ...primary, handoffTime: '9:00' }] }, ms('2026-04-13T12:00:00Z'))).toThrow(/handoffTime/);
    const zeroDays = { ...primary, rotationLengthDays: 0 };
    expect(() => resolveOnCall({ timezone: 'UTC', layers: [zeroDays] }, ms('2026-04-13T12:00:00Z'))).toThrow(/rotationLengthDays/);
  });
});

describe('resolveOnCall: time zones and DST', () => {
  test('America/New_York, weekly at 09:00: 14:00Z under EST, 13:00Z under EDT, across both changes', () => {
    // Monday 2026-03-02 09:00 EST. DST starts Sunday 2026-03-08, ends Sunday 2026-11-01.
    const weekly = layer({ effectiveFrom: ms('2026-03-02T14:00:00Z'), participantIds: ['ann', 'bob', 'cat'] });
    expect(onCall('America/New_York', weekly, '2026-03-09T12:59:59.999Z', '2026-03-09T13:00:00Z')).toEqual(['ann', 'bob']); // a 167-hour shift
    expect(onCall('America/New_York', weekly, '2026-03-16T12:59:59.999Z', '2026-03-16T13:00:00Z')).toEqual(['bob', 'cat']);
    // 34 weeks in: Monday 2026-10-26 09:00 EDT; then Monday 2026-11-02 09:00 EST, 169 hours later.
    expect(onCall('America/New_York', weekly, '2026-10-26T12:59:59.999Z', '2026-10-26T13:00:00Z')).toEqual(['ann', 'bob']);
    expect(onCall('America/New_York', weekly, '2026-11-02T13:00:00Z', '2026-11-02T13:59:59.999Z', '2026-11-02T14:00:00Z')).toEqual(['bob', 'bob', 'cat']);
  });

  test('Europe/Berlin, daily at 02:30: on 2026-03-29 02:30 does not exist, so the handoff is at 03:30 CEST', () => {
    // Friday 2026-03-27 02:30 CET = 01:30Z. Clocks go from 02:00 CET to 03:00 CEST on Sunday 2026-03-29.
    const daily = layer({
      rotationLengthDays: 1,
      handoffTime: '02:30',
      effectiveFrom: ms('2026-03-27T01:30:00Z'),
      participantIds: ['ann', 'bob', 'cat', 'dan'],
    });
    expect(onCall('Europe/Berlin', daily, '2026-03-28T01:29:59.999Z', '2026-03-28T01:30:00Z')).toEqual(['ann', 'bob']);
    // 03:30 CEST is 01:30Z: the same UTC time as the day before, so Saturday's shift is 24 hours...
    expect(onCall('Europe/Berlin', daily, '2026-03-29T01:29:59.999Z', '2026-03-29T01:30:00Z')).toEqual(['bob', 'cat']);
    // ...and Sunday's 23: Monday 02:30 CEST is 00:30Z.
    expect(onCall('Europe/Berlin', daily, '2026-03-30T00:29:59.999Z', '2026-03-30T00:30:00Z')).toEqual(['cat', 'dan']);
  });

  test('Europe/Berlin, daily at 02:30: on 2026-10-25 02:30 happens twice, and the earlier one (CEST) is the handoff', () => {
    const daily = layer({
      rotationLengthDays: 1,
      handoffTime: '02:30',
      effectiveFrom: ms('2026-10-23T00:30:00Z'),
      participantIds: ['ann', 'bob', 'cat', 'dan'],
    });
    expect(onCall('Europe/Berlin', daily, '2026-10-24T00:29:59.999Z', '2026-10-24T00:30:00Z')).toEqual(['ann', 'bob']);
    expect(onCall('Europe/Berlin', daily, '2026-10-25T00:29:59.999Z', '2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z')).toEqual(['bob', 'cat', 'cat']);
    // Monday 02:30 CET is 01:30Z: Sunday's shift is 25 hours.
    expect(onCall('Europe/Berlin', daily, '2026-10-26T01:29:59.999Z', '2026-10-26T01:30:00Z')).toEqual(['cat', 'dan']);
  });

  test('Australia/Sydney, weekly on Mondays at 09:00: the handoff is on Sunday in UTC, and follows DST in April and October', () => {
    // Monday 2026-03-30 09:00 AEDT (+11) is Sunday 22:00Z: the rotation counts Sydney days, not UTC days.
    const weekly = layer({ effectiveFrom: ms('2026-03-29T22:00:00Z'), participantIds: ['ann', 'bob'] });
    // DST ends Sunday 2026-04-05: Monday 2026-04-06 09:00 AEST (+10) is 2026-04-05T23:00Z.
    expect(onCall('Australia/Sydney', weekly, '2026-04-05T22:59:59.999Z', '2026-04-05T23:00:00Z')).toEqual(['ann', 'bob']);
    // DST starts Sunday 2026-10-04: Monday 2026-10-05 09:00 AEDT is 2026-10-04T22:00Z (27 weeks in: bob).
    expect(onCall('Australia/Sydney', weekly, '2026-09-27T22:59:59.999Z', '2026-09-27T23:00:00Z')).toEqual(['bob', 'ann']);
    expect(onCall('Australia/Sydney', weekly, '2026-10-04T21:59:59.999Z', '2026-10-04T22:00:00Z')).toEqual(['ann', 'bob']);
  });

  test('Asia/Tokyo (UTC+9, no DST): a daily handoff at 00:00 is 15:00Z the day before', () => {
    const daily = layer({ rotationLengthDays: 1, handoffTime: '00:00', effectiveFrom: ms('2026-04-06T15:00:00Z'), participantIds: ['ann', 'bob'] });
    expect(onCall('Asia/Tokyo', daily, '2026-04-07T14:59:59.999Z', '2026-04-07T15:00:00Z', '2026-04-08T15:00:00Z')).toEqual(['ann', 'bob', 'ann']);
  });

  test('a warm zone resolves in microseconds (no pathological slowness)', () => {
    const layers = [0, 1, 2].map((position) => layer({ position, effectiveFrom: ms('2025-01-06T14:00:00Z'), participantIds: ['ann', 'bob', 'cat'] }));
    const schedule = { timezone: 'America/New_York', layers };
    const start = ms('2026-01-01T00:00:00Z');
    for (let i = 0; i < 2_000; i++) resolveOnCall(schedule, start + i * HOUR);
    const began = performance.now();
    for (let i = 0; i < 20_000; i++) resolveOnCall(schedule, start + (i % 2_000) * HOUR);
    // Generous for slow CI machines: the point is catching a per-call Intl formatter or a scan over all shifts.
    expect((performance.now() - began) / 20_000).toBeLessThan(0.05);
  });
});

describe('isValidTimeZone', () => {
  const known = ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Asia/Calcutta', 'US/Eastern', 'UTC', 'Etc/UTC', 'GMT', 'Etc/GMT+5'];
  test.each([...known, 'America/Argentina/Buenos_Aires'])(
    'accepts %s',
    (name) => expect(isValidTimeZone(name)).toBe(true),
  );
  test.each(['EST', 'CET', 'EST5EDT', 'UTC+5', 'GMT+5', '+05:00', '-0500', 'Mars/Olympus', 'america/new_york', '', ' UTC', 'America/New_York '])(
    'refuses %j',
    (name) => expect(isValidTimeZone(name)).toBe(false),
  );
});

describe('through the API: scaling.schedules.resolve', () => {
  const t = useMock();

  const rotation = () => {
    const [ann, bob] = [t.mock.createUser({ firstName: 'Ann' }), t.mock.createUser({ firstName: 'Bob' })];
    const schedule = t.mock.createSchedule({
      timezone: 'America/New_York',
      layers: [{ participantIds: [ann.id, bob.id], effectiveFrom: '2026-03-02T14:00:00Z' }],
    });
    return { ann, bob, schedule, layerId: schedule.layers[0]!.id };
  };

  test('defaults to the mock clock’s now, and echoes the instant it resolved', async () => {
    const { bob, schedule, layerId } = rotation();
    // 2026-04-07 is in the 6th week since 2026-03-02 (k = 5): bob.
    expect(await t.scaling.schedules.resolve(schedule.id)).toEqual({
      at: '2026-04-07T10:00:00.000Z',
      owner: bob.id,
      pagingTargets: [bob.id],
      layers: [{ layerId, position: 0, userId: bob.id }],
    });
    await t.mock.clock.set('2026-04-13T13:00:00Z');
    expect((await t.scaling.schedules.resolve(schedule.id)).at).toBe('2026-04-13T13:00:00.000Z');
  });

  test('at is a Date or an ISO datetime with any offset; it is sent, and echoed, in UTC', async () => {
    const { ann, bob, schedule } = rotation();
    const spy = countingFetch();
    const scaling = t.client({ fetch: spy.fetch });
    const before = await scaling.schedules.resolve(schedule.id, { at: new Date('2026-03-09T12:59:59.999Z') });
    const after = await scaling.schedules.resolve(schedule.id, { at: '2026-03-09T09:00:00-04:00' });
    expect([before.owner, after.owner]).toEqual([ann.id, bob.id]);
    expect(after.at).toBe('2026-03-09T13:00:00.000Z');
    expect(spy.calls.map((request) => new URL(request.url).searchParams.get('at'))).toEqual(['2026-03-09T12:59:59.999Z', '2026-03-09T13:00:00.000Z']);
  });

  test('the handoffs the API reports follow New York’s DST changes', async () => {
    const { ann, bob, schedule } = rotation();
    const owners = async (...instants: string[]) =>
      Promise.all(instants.map(async (at) => (await t.scaling.schedules.resolve(schedule.id, { at })).owner));
    expect(await owners('2026-03-09T12:59:59Z', '2026-03-09T13:00:00Z')).toEqual([ann.id, bob.id]);
    // 35 weeks in (Monday 2026-11-02, after the fall back): 09:00 EST is 14:00Z.
    expect(await owners('2026-11-02T13:59:59Z', '2026-11-02T14:00:00Z')).toEqual([ann.id, bob.id]);
  });

  test('a bad at is refused before sending, and by the mock with 422', async () => {
    const { schedule } = rotation();
    const spy = countingFetch();
    const scaling = t.client({ fetch: spy.fetch });
    for (const at of ['yesterday', '2026-03-09', '2026-03-09T09:00:00', new Date(Number.NaN)]) {
      const error = await scaling.schedules.resolve(schedule.id, { at }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ScalingValidationError);
      expect(error).toMatchObject({ field: 'at' });
    }
    expect(spy.calls).toHaveLength(0);
    for (const query of ['at=yesterday', 'at=2026-03-09', 'at=', 'when=2026-03-09T09:00:00Z']) {
      const response = await raw(t.mock, `/oncall/schedules/${schedule.id}/resolve?${query}`);
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({ code: 'validation_error', message: expect.stringMatching(/at|when/) });
    }
  });

  test('404 for a schedule of another org', async () => {
    const { schedule } = rotation();
    const stranger = t.client({ apiKey: t.mock.createOrg().apiKey });
    await expect(stranger.schedules.resolve(schedule.id)).rejects.toMatchObject({ status: 404, code: 'not_found' });
  });
});

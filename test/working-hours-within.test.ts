import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isWithinWorkingHours, type WeeklyHours, type WeeklyWindow } from '../src/index.js';

const ms = (iso: string) => Date.parse(iso);
const MINUTE = 60_000;

const hours = (timezone: string, ...windows: WeeklyWindow[]): WeeklyHours => ({ timezone, windows });
/** Whether each instant is inside. */
const inside = (set: WeeklyHours, ...instants: string[]) => instants.map((at) => isWithinWorkingHours(set, ms(at)));

describe('isWithinWorkingHours: plain weeks', () => {
  // 2026-04-06 is a Monday.
  const officeLondon = hours('Europe/London', { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' });

  test('start is inside, end is not (half-open), on listed days only', () => {
    // London is on BST (UTC+1) in April.
    expect(inside(officeLondon,
      '2026-04-06T07:59:59.999Z', '2026-04-06T08:00:00Z', '2026-04-06T15:59:59.999Z', '2026-04-06T16:00:00Z',
      '2026-04-10T12:00:00Z', // Friday
      '2026-04-11T12:00:00Z', '2026-04-12T12:00:00Z', // the weekend
    )).toEqual([false, true, true, false, true, false, false]);
  });

  test('a Date and epoch milliseconds are the same instant', () => {
    expect(isWithinWorkingHours(officeLondon, new Date('2026-04-06T08:00:00Z'))).toBe(true);
    expect(isWithinWorkingHours(officeLondon, ms('2026-04-06T08:00:00Z'))).toBe(true);
  });

  test('windows are a union: any window that holds is enough; overlaps are fine', () => {
    const split = hours('UTC',
      { days: [1], start: '09:00', end: '12:00' },
      { days: [1], start: '11:00', end: '13:00' },
      { days: [6, 7], start: '10:00', end: '14:00' },
    );
    expect(inside(split, '2026-04-06T08:59:00Z', '2026-04-06T11:30:00Z', '2026-04-06T12:59:00Z', '2026-04-06T13:00:00Z', '2026-04-12T10:00:00Z'))
      .toEqual([false, true, true, false, true]);
  });

  test('the window is read in the set’s zone, never UTC: a zone east of UTC (Asia/Tokyo, +09:00)', () => {
    const tokyo = hours('Asia/Tokyo', { days: [1], start: '09:00', end: '17:00' });
    // Monday 09:00 JST is Monday 00:00Z; Sunday 23:00Z is already Monday 08:00 JST.
    expect(inside(tokyo, '2026-04-05T23:59:59Z', '2026-04-06T00:00:00Z', '2026-04-06T07:59:00Z', '2026-04-06T08:00:00Z'))
      .toEqual([false, true, true, false]);
  });

  test('half-hour offsets (Asia/Kolkata, +05:30) and the far east of the date line (Pacific/Kiritimati, +14:00)', () => {
    expect(inside(hours('Asia/Kolkata', { days: [1], start: '09:00', end: '09:30' }), '2026-04-06T03:29:00Z', '2026-04-06T03:30:00Z', '2026-04-06T04:00:00Z'))
      .toEqual([false, true, false]);
    // Monday 00:00 on Kiritimati is Sunday 10:00Z.
    expect(inside(hours('Pacific/Kiritimati', { days: [1], start: '00:00', end: '01:00' }), '2026-04-05T09:59:00Z', '2026-04-05T10:00:00Z', '2026-04-06T10:00:00Z'))
      .toEqual([false, true, false]);
  });
});

describe('isWithinWorkingHours: windows across midnight', () => {
  test('end before start runs overnight; the part after midnight belongs to the next day', () => {
    const nights = hours('UTC', { days: [5], start: '22:00', end: '06:00' }); // Friday night
    expect(inside(nights,
      '2026-04-10T21:59:00Z', '2026-04-10T22:00:00Z', '2026-04-11T05:59:59Z', '2026-04-11T06:00:00Z',
      '2026-04-10T03:00:00Z', // Friday early morning belongs to Thursday night, which is not listed
      '2026-04-11T22:30:00Z', // Saturday night is not listed
    )).toEqual([false, true, true, false, false, false]);
  });

  test('Sunday (7) night wraps into Monday morning, and Monday (1) night does not cover Monday morning', () => {
    const sunday = hours('UTC', { days: [7], start: '22:00', end: '06:00' });
    expect(inside(sunday, '2026-04-12T23:00:00Z', '2026-04-13T05:59:00Z', '2026-04-13T06:00:00Z', '2026-04-13T23:00:00Z'))
      .toEqual([true, true, false, false]);
    const monday = hours('UTC', { days: [1], start: '22:00', end: '06:00' });
    expect(inside(monday, '2026-04-13T03:00:00Z', '2026-04-13T22:00:00Z', '2026-04-14T03:00:00Z'))
      .toEqual([false, true, true]);
  });

  test('end 00:00 runs until midnight', () => {
    const evening = hours('UTC', { days: [1], start: '18:00', end: '00:00' });
    expect(inside(evening, '2026-04-06T17:59:00Z', '2026-04-06T23:59:59.999Z', '2026-04-07T00:00:00Z')).toEqual([false, true, false]);
  });

  test('start == end is 24 hours from start: 00:00–00:00 is the whole day, 09:00–09:00 runs to 09:00 the next day', () => {
    const wholeMonday = hours('UTC', { days: [1], start: '00:00', end: '00:00' });
    expect(inside(wholeMonday, '2026-04-05T23:59:59Z', '2026-04-06T00:00:00Z', '2026-04-06T23:59:59Z', '2026-04-07T00:00:00Z'))
      .toEqual([false, true, true, false]);
    const always = hours('UTC', { days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '00:00' });
    expect(inside(always, '2026-04-06T00:00:00Z', '2026-04-09T13:37:00Z', '2026-04-12T23:59:59Z')).toEqual([true, true, true]);
    const shift = hours('UTC', { days: [7], start: '09:00', end: '09:00' });
    expect(inside(shift, '2026-04-12T08:59:00Z', '2026-04-12T09:00:00Z', '2026-04-13T08:59:59Z', '2026-04-13T09:00:00Z'))
      .toEqual([false, true, true, false]);
  });

  test('repeated days count once', () => {
    expect(inside(hours('UTC', { days: [1, 1], start: '09:00', end: '10:00' }), '2026-04-06T09:30:00Z', '2026-04-07T09:30:00Z')).toEqual([true, false]);
  });
});

describe('isWithinWorkingHours: daylight saving time (the zone’s wall clock)', () => {
  test('Europe/London spring-forward (2026-03-29, 01:00 GMT → 02:00 BST): 01:30–02:30 lasts the 30 minutes the clock reads 02:00–02:30', () => {
    const set = hours('Europe/London', { days: [7], start: '01:30', end: '02:30' });
    expect(inside(set, '2026-03-29T00:59:59Z', '2026-03-29T01:00:00Z', '2026-03-29T01:29:59Z', '2026-03-29T01:30:00Z'))
      .toEqual([false, true, true, false]);
    // A window wholly inside the skipped hour never holds that day.
    const skipped = hours('Europe/London', { days: [7], start: '01:15', end: '01:45' });
    const minutes = Array.from({ length: 24 * 60 }, (_, i) => ms('2026-03-29T00:00:00Z') + i * MINUTE);
    expect(minutes.filter((at) => isWithinWorkingHours(skipped, at))).toEqual([]);
  });

  test('Europe/London fall-back (2026-10-25, 02:00 BST → 01:00 GMT): 01:00–02:00 holds through both readings of the hour', () => {
    const set = hours('Europe/London', { days: [7], start: '01:00', end: '02:00' });
    expect(inside(set,
      '2026-10-24T23:59:59Z', // 00:59 BST
      '2026-10-25T00:00:00Z', // 01:00 BST
      '2026-10-25T00:59:59Z', // 01:59 BST
      '2026-10-25T01:00:00Z', // 01:00 GMT, the repeat
      '2026-10-25T01:59:59Z', // 01:59 GMT
      '2026-10-25T02:00:00Z', // 02:00 GMT
    )).toEqual([false, true, true, true, true, false]);
  });

  test('America/New_York spring-forward (2026-03-08, 02:00 EST → 03:00 EDT): 02:30–03:30 opens when the clock jumps to 03:00', () => {
    const set = hours('America/New_York', { days: [7], start: '02:30', end: '03:30' });
    expect(inside(set, '2026-03-08T06:59:59Z', '2026-03-08T07:00:00Z', '2026-03-08T07:29:59Z', '2026-03-08T07:30:00Z'))
      .toEqual([false, true, true, false]);
    // A whole day that day is 23 hours long.
    const sunday = hours('America/New_York', { days: [7], start: '00:00', end: '00:00' });
    const minutes = Array.from({ length: 26 * 60 }, (_, i) => ms('2026-03-08T04:00:00Z') + i * MINUTE);
    expect(minutes.filter((at) => isWithinWorkingHours(sunday, at))).toHaveLength(23 * 60);
  });

  test('America/New_York fall-back (2026-11-01, 02:00 EDT → 01:00 EST): an overnight window is 1 h longer', () => {
    const nights = hours('America/New_York', { days: [6], start: '22:00', end: '06:00' }); // Saturday night
    const minutes = Array.from({ length: 30 * 60 }, (_, i) => ms('2026-11-01T00:00:00Z') + i * MINUTE);
    const held = minutes.filter((at) => isWithinWorkingHours(nights, at));
    expect(held).toHaveLength(9 * 60);
    expect(new Date(held[0]!).toISOString()).toBe('2026-11-01T02:00:00.000Z'); // 22:00 EDT
    expect(new Date(held.at(-1)!).toISOString()).toBe('2026-11-01T10:59:00.000Z'); // 05:59 EST
  });

  test('Australia/Sydney (east of UTC, southern summer time): the weekday changes at local midnight, not UTC’s', () => {
    // 2026-04-05 is the first Sunday of April: 03:00 AEDT → 02:00 AEST at 16:00Z the day before.
    const sundayEarly = hours('Australia/Sydney', { days: [7], start: '02:00', end: '03:00' });
    expect(inside(sundayEarly, '2026-04-04T14:59:59Z', '2026-04-04T15:00:00Z', '2026-04-04T16:59:59Z', '2026-04-04T17:00:00Z'))
      .toEqual([false, true, true, false]);
  });
});

describe('isWithinWorkingHours: refusals', () => {
  test('an unknown zone, a malformed time, a day outside 1–7 or an invalid instant is a RangeError naming it', () => {
    const ok: WeeklyWindow = { days: [1], start: '09:00', end: '17:00' };
    expect(() => isWithinWorkingHours(hours('Mars/Olympus_Mons', ok), 0)).toThrow(/Mars\/Olympus_Mons/);
    expect(() => isWithinWorkingHours(hours('UTC', { ...ok, start: '24:00' }), 0)).toThrow(/start must be HH:MM/);
    expect(() => isWithinWorkingHours(hours('UTC', { ...ok, end: '9:00' }), 0)).toThrow(/end must be HH:MM/);
    expect(() => isWithinWorkingHours(hours('UTC', { ...ok, days: [0] }), 0)).toThrow(RangeError);
    expect(() => isWithinWorkingHours(hours('UTC', { ...ok, days: [8] }), 0)).toThrow(/1 \(Monday\) to 7 \(Sunday\)/);
    expect(() => isWithinWorkingHours(hours('UTC', ok), new Date('nope'))).toThrow(RangeError);
    expect(() => isWithinWorkingHours(hours('UTC', ok), Number.NaN)).toThrow(RangeError);
  });

  test('no windows: never inside', () => {
    expect(isWithinWorkingHours(hours('UTC'), 0)).toBe(false);
  });
});

/**
 * An independent reading: the platform's own `Intl` formatting of weekday, hour and minute (no
 * offset arithmetic), and each window as a span of minutes of the week that wraps at the week's end.
 */
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const formats = new Map<string, Intl.DateTimeFormat>();
const minuteOfWeek = (timezone: string, at: number) => {
  let format = formats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: timezone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formats.set(timezone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
  return WEEKDAYS.indexOf(parts.weekday!) * 1440 + Number(parts.hour) * 60 + Number(parts.minute);
};
const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
const reference = (set: WeeklyHours, at: number) => {
  const now = minuteOfWeek(set.timezone, at);
  return set.windows.some((window) => window.days.some((day) => {
    const from = (day - 1) * 1440 + toMinutes(window.start);
    const length = (toMinutes(window.end) - toMinutes(window.start) + 1440 - 1) % 1440 + 1; // 1..1440
    return (now - from + 10_080) % 10_080 < length;
  }));
};

describe('isWithinWorkingHours agrees with an independent reading of the wall clock', () => {
  const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  const window = fc.record({ days: fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }), start: time, end: time });
  const zone = fc.constantFrom('UTC', 'Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'Pacific/Chatham', 'America/Santiago', 'Asia/Tokyo');
  // 2020–2030, with a bias toward the hours around DST changes.
  const instant = fc.oneof(
    fc.integer({ min: ms('2020-01-01T00:00:00Z'), max: ms('2030-01-01T00:00:00Z') }),
    fc.constantFrom('2026-03-08T07:00:00Z', '2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2026-11-01T06:00:00Z', '2026-04-04T16:00:00Z', '2026-10-03T16:00:00Z')
      .chain((iso) => fc.integer({ min: -3 * 60, max: 3 * 60 }).map((offset) => ms(iso) + offset * MINUTE)),
  );

  test('on random sets, zones and instants', () => {
    fc.assert(
      fc.property(zone, fc.array(window, { minLength: 1, maxLength: 4 }), instant, (timezone, windows, at) => {
        const set = { timezone, windows };
        expect(isWithinWorkingHours(set, at)).toBe(reference(set, at));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 2000) },
    );
  });
});

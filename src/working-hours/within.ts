/**
 * Whether an instant falls within a set of working hours: a pure function over plain data, no zod
 * and no HTTP, shared by the mock's escalation engine and `simulateEscalation()`. The zone
 * arithmetic is the rotation's (`Intl`, memoized offsets).
 */
import { localDay, minutesOf, offsetAt, zoneOf } from '../oncall/rotation.js';

/** One weekly window: ISO weekdays (1 = Monday … 7 = Sunday) and a wall-clock `HH:MM` span. */
export type WeeklyWindow = {
  days: readonly number[];
  start: string;
  /** At or before `start`: the window ends on the next day (`22:00`–`06:00`; `09:00`–`09:00` is 24 h). */
  end: string;
};

/** What the check reads of a working-hours set. */
export type WeeklyHours = { timezone: string; windows: readonly WeeklyWindow[] };

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** 1970-01-01 (day 0) was a Thursday: ISO weekday 4. */
const isoWeekday = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;

const checkDays = (days: readonly number[]) => {
  for (const day of days) {
    if (!Number.isInteger(day) || day < 1 || day > 7) {
      throw new RangeError(`days must be ISO weekdays from 1 (Monday) to 7 (Sunday); got ${JSON.stringify(day)}`);
    }
  }
};

/**
 * True when the zone's wall clock at `instant` reads a time inside one of the windows: on a listed
 * day, at or after `start` and before `end` (half-open). A window whose `end` is at or before its
 * `start` runs past midnight, and the part after midnight belongs to the next day (`[7]`
 * `22:00`–`06:00` covers Sunday night into Monday 06:00); `start == end` is a whole 24 hours.
 * Because it reads the wall clock, a window is shorter by the time a spring-forward skips and
 * longer by the hour a fall-back repeats. Throws `RangeError` for an unknown zone, a malformed time,
 * a day outside 1–7 or an invalid instant.
 */
export const isWithinWorkingHours = (workingHours: WeeklyHours, instant: Date | number): boolean => {
  const at = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(at)) throw new RangeError(`instant must be a valid Date or epoch milliseconds; got ${String(instant)}`);
  const zone = zoneOf(workingHours.timezone);
  const day = localDay(zone, at);
  const minute = Math.floor((at + offsetAt(zone, at) - day * DAY) / MINUTE);
  const today = isoWeekday(day);
  const yesterday = today === 1 ? 7 : today - 1;
  for (const window of workingHours.windows) {
    checkDays(window.days);
    const start = minutesOf(window.start, 'start');
    const end = minutesOf(window.end, 'end');
    if (start < end) {
      if (minute >= start && minute < end && window.days.includes(today)) return true;
    } else if ((minute >= start && window.days.includes(today)) || (minute < end && window.days.includes(yesterday))) {
      return true;
    }
  }
  return false;
};

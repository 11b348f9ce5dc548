import * as z from 'zod/mini';
import { dataEnvelope, Id, PathId, Timestamp, type Known } from './common.js';
import { TimeZone } from './schedules.js';

/** The most windows one working-hours set may have. */
export const MAX_WORKING_HOURS_WINDOWS = 50;

/** `/working-hours/{workingHoursId}` */
export const WorkingHoursPathParams = z.strictObject({ workingHoursId: PathId });
export type WorkingHoursPathParams = Known<z.infer<typeof WorkingHoursPathParams>>;

const WorkingHoursName = z.string().check(
  z.minLength(1, 'must be 1 to 255 characters'),
  z.maxLength(255, 'must be 1 to 255 characters'),
);
const IsoWeekday = z.int('must be an ISO weekday from 1 (Monday) to 7 (Sunday)').check(
  z.minimum(1, 'must be an ISO weekday from 1 (Monday) to 7 (Sunday)'),
  z.maximum(7, 'must be an ISO weekday from 1 (Monday) to 7 (Sunday)'),
);
const ClockTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time HH:MM from 00:00 to 23:59'));

/**
 * A weekly window, in the set's zone. `end` at or before `start` runs past midnight into the next
 * day (`22:00`–`06:00`); `start == end` is 24 hours. Days are kept in the order sent.
 */
export const WorkingHoursWindowParams = z.strictObject({
  days: z.array(IsoWeekday).check(
    z.minLength(1, 'must list at least 1 day'),
    z.refine((days) => new Set(days).size === days.length, 'must not repeat a day'),
  ),
  start: ClockTime,
  end: ClockTime,
});
export type WorkingHoursWindowParams = z.input<typeof WorkingHoursWindowParams>;

const Windows = z.array(WorkingHoursWindowParams).check(
  z.minLength(1, 'must list at least 1 window'),
  z.maxLength(MAX_WORKING_HOURS_WINDOWS, `must list at most ${MAX_WORKING_HOURS_WINDOWS} windows`),
);

/** Body of `POST /working-hours`. `name` must be unique in the organization. */
export const WorkingHoursCreateParams = z.strictObject({
  name: WorkingHoursName,
  timezone: TimeZone,
  windows: Windows,
});
export type WorkingHoursCreateParams = z.input<typeof WorkingHoursCreateParams>;

/** Body of `PATCH /working-hours/{workingHoursId}`: only the fields you send change; `windows` is replaced whole. */
export const WorkingHoursUpdateParams = z.strictObject({
  name: z.optional(WorkingHoursName),
  timezone: z.optional(TimeZone),
  windows: z.optional(Windows),
}).check(
  z.refine((body) => body.name !== undefined || body.timezone !== undefined || body.windows !== undefined, {
    message: 'must contain at least one of name, timezone, windows',
  }),
);
export type WorkingHoursUpdateParams = z.input<typeof WorkingHoursUpdateParams>;

/** A window as the API returns it: as it was sent. */
export const WorkingHoursWindow = z.looseObject({
  days: z.array(z.int()),
  start: z.string(),
  end: z.string(),
});
export type WorkingHoursWindow = Known<z.infer<typeof WorkingHoursWindow>>;

/** A named working-hours set (a zone and weekly windows) as the API returns it; unknown fields are kept. */
export const WorkingHours = z.looseObject({
  id: Id,
  orgId: Id,
  name: z.string(),
  timezone: z.string(),
  windows: z.array(WorkingHoursWindow),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type WorkingHours = Known<z.infer<typeof WorkingHours>>;

export const WorkingHoursResponse = dataEnvelope(WorkingHours);
export const WorkingHoursListResponse = dataEnvelope(z.array(WorkingHours));

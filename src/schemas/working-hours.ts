import * as z from 'zod/mini';
import { dataEnvelope, Id, PathId, Timestamp } from './common.js';
import { TimeZone } from './schedules.js';

/** The most windows one working-hours set may have. */
export const MAX_WORKING_HOURS_WINDOWS = 50;

// `/working-hours/{workingHoursId}`
export const WorkingHoursPathParams = z.strictObject({ workingHoursId: PathId });

const WorkingHoursName = z.string().check(
  z.minLength(1, 'must be 1 to 255 characters'),
  z.maxLength(255, 'must be 1 to 255 characters'),
);
const IsoWeekday = z.int('must be an ISO weekday from 1 (Monday) to 7 (Sunday)').check(
  z.minimum(1, 'must be an ISO weekday from 1 (Monday) to 7 (Sunday)'),
  z.maximum(7, 'must be an ISO weekday from 1 (Monday) to 7 (Sunday)'),
);
const ClockTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time HH:MM from 00:00 to 23:59'));

// A weekly window, in the set's zone. `end` at or before `start` runs past midnight into the next
// day (`22:00`–`06:00`); `start == end` is 24 hours. Days are kept in the order sent.
export const WorkingHoursWindowParams = z.strictObject({
  days: z.array(IsoWeekday).check(
    z.minLength(1, 'must list at least 1 day'),
    z.refine((days) => new Set(days).size === days.length, 'must not repeat a day'),
  ),
  start: ClockTime,
  end: ClockTime,
});

const Windows = z.array(WorkingHoursWindowParams).check(
  z.minLength(1, 'must list at least 1 window'),
  z.maxLength(MAX_WORKING_HOURS_WINDOWS, `must list at most ${MAX_WORKING_HOURS_WINDOWS} windows`),
);

// Body of `POST /working-hours`. `name` must be unique in the organization.
export const WorkingHoursCreateParams = z.strictObject({
  name: WorkingHoursName,
  timezone: TimeZone,
  windows: Windows,
});

// Body of `PATCH /working-hours/{workingHoursId}`: only the fields you send change; `windows` is replaced whole.
export const WorkingHoursUpdateParams = z.strictObject({
  name: z.optional(WorkingHoursName),
  timezone: z.optional(TimeZone),
  windows: z.optional(Windows),
}).check(
  z.refine((body) => body.name !== undefined || body.timezone !== undefined || body.windows !== undefined, {
    message: 'must contain at least one of name, timezone, windows',
    path: ['name'],
  }),
);

// A window as the API returns it: as it was sent.
export const WorkingHoursWindow = z.looseObject({
  days: z.array(z.int()),
  start: z.string(),
  end: z.string(),
});

// A named working-hours set (a zone and weekly windows) as the API returns it; unknown fields are kept.
export const WorkingHours = z.looseObject({
  id: Id,
  orgId: Id,
  name: z.string(),
  timezone: z.string(),
  windows: z.array(WorkingHoursWindow),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const WorkingHoursResponse = dataEnvelope(WorkingHours);
export const WorkingHoursListResponse = dataEnvelope(z.array(WorkingHours));

// Types generated from the schemas above and their docs (./docs/) by `npm run types:schemas`: do not edit
// below this line (test/schema-types.test.ts fails when it is stale).

/** The path parameters of `/working-hours/{workingHoursId}`. */
export interface WorkingHoursPathParams {
  /** The working-hours set’s id. A non-empty string. */
  workingHoursId: string;
}

/**
 * A weekly window, in the set’s time zone. An `end` at or before `start` runs past midnight into the next day
 * (`22:00`–`06:00`); `start` equal to `end` is 24 hours.
 */
export interface WorkingHoursWindowParams {
  /**
   * The ISO weekdays it opens on, 1 (Monday) to 7 (Sunday), no day twice; kept in the order sent. A list of
   * at least 1 item, each an integer from 1 to 7.
   */
  days: number[];
  /** When it opens, `HH:MM` (24-hour). */
  start: string;
  /** When it closes, `HH:MM` (24-hour). */
  end: string;
}

/** The body of `workingHours.create`. */
export interface WorkingHoursCreateParams {
  /** The set’s name, unique in the organization. A string of 1 to 255 characters. */
  name: string;
  /** The IANA time zone its windows are read in (`Europe/Paris`). */
  timezone: string;
  /** Its weekly windows. A list of 1 to 50 items. */
  windows: WorkingHoursWindowParams[];
}

/** The body of `workingHours.update`. Only the fields you send change; it must send at least one. */
export interface WorkingHoursUpdateParams {
  /** The set’s name, unique in the organization. A string of 1 to 255 characters. */
  name?: string;
  /** The IANA time zone its windows are read in (`Europe/Paris`). */
  timezone?: string;
  /** Its weekly windows. Sending them replaces them all. A list of 1 to 50 items. */
  windows?: WorkingHoursWindowParams[];
}

/** A weekly window as the API returns it: as it was sent. */
export interface WorkingHoursWindow {
  /** The ISO weekdays it opens on, 1 (Monday) to 7 (Sunday). A list, each an integer. */
  days: number[];
  /** When it opens, `HH:MM`. */
  start: string;
  /** When it closes, `HH:MM`; at or before `start`, the next day. */
  end: string;
}

/** A named working-hours set: a time zone and weekly windows, which layer conditions test. */
export interface WorkingHours {
  /** The set’s id. */
  id: string;
  /** The organization it belongs to. */
  orgId: string;
  /** The set’s name, unique in the organization. */
  name: string;
  /** The IANA time zone its windows are read in (`Europe/Paris`). */
  timezone: string;
  /** Its weekly windows. */
  windows: WorkingHoursWindow[];
  /** When it was created (ISO 8601, UTC). */
  createdAt: string;
  /** When it last changed (ISO 8601, UTC). */
  updatedAt: string;
}

/** A response body as the API sends it: `{ data: WorkingHours }`. The SDK’s methods resolve to the `data`. */
export interface WorkingHoursResponse {
  /** The working-hours set. */
  data: WorkingHours;
}

/**
 * A response body as the API sends it: `{ data: WorkingHours[] }`. The SDK’s methods resolve to the `data`.
 */
export interface WorkingHoursListResponse {
  /** Every working-hours set of the organization. */
  data: WorkingHours[];
}

import { CREATED_AT, type DocsOf, envelope, ORG_ID, PARTIAL_UPDATE, UPDATED_AT } from './shared.js';

const NAME = 'The set’s name, unique in the organization.';
const ZONE = 'The IANA time zone its windows are read in (`Europe/Paris`).';
const WINDOWS = 'Its weekly windows.';

export const workingHoursDocs: DocsOf<
  | 'WorkingHoursPathParams'
  | 'WorkingHoursWindowParams'
  | 'WorkingHoursCreateParams'
  | 'WorkingHoursUpdateParams'
  | 'WorkingHoursWindow'
  | 'WorkingHours'
  | 'WorkingHoursResponse'
  | 'WorkingHoursListResponse'
> = {
  WorkingHoursPathParams: {
    summary: 'The path parameters of `/working-hours/{workingHoursId}`.',
    fields: { workingHoursId: 'The working-hours set’s id.' },
  },
  WorkingHoursWindowParams: {
    summary:
      'A weekly window, in the set’s time zone. An `end` at or before `start` runs past midnight into the next day ' +
      '(`22:00`–`06:00`); `start` equal to `end` is 24 hours.',
    fields: {
      days: 'The ISO weekdays it opens on, 1 (Monday) to 7 (Sunday), no day twice; kept in the order sent.',
      start: 'When it opens, `HH:MM` (24-hour).',
      end: 'When it closes, `HH:MM` (24-hour).',
    },
  },
  WorkingHoursCreateParams: {
    summary: 'The body of `workingHours.create`.',
    fields: { name: NAME, timezone: ZONE, windows: WINDOWS },
  },
  WorkingHoursUpdateParams: {
    summary: `The body of \`workingHours.update\`. ${PARTIAL_UPDATE}`,
    fields: { name: NAME, timezone: ZONE, windows: `${WINDOWS} Sending them replaces them all.` },
  },
  WorkingHoursWindow: {
    summary: 'A weekly window as the API returns it: as it was sent.',
    fields: {
      days: 'The ISO weekdays it opens on, 1 (Monday) to 7 (Sunday).',
      start: 'When it opens, `HH:MM`.',
      end: 'When it closes, `HH:MM`; at or before `start`, the next day.',
    },
  },
  WorkingHours: {
    summary: 'A named working-hours set: a time zone and weekly windows, which layer conditions test.',
    fields: {
      id: 'The set’s id.',
      orgId: ORG_ID,
      name: NAME,
      timezone: ZONE,
      windows: WINDOWS,
      createdAt: CREATED_AT,
      updatedAt: UPDATED_AT,
    },
  },
  WorkingHoursResponse: envelope('WorkingHours', 'The working-hours set.'),
  WorkingHoursListResponse: envelope('WorkingHours[]', 'Every working-hours set of the organization.'),
};

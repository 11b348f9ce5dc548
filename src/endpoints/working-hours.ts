import { DeleteResponse } from '../schemas/common.js';
import {
  WorkingHoursCreateParams,
  WorkingHoursListResponse,
  WorkingHoursPathParams,
  WorkingHoursResponse,
  WorkingHoursUpdateParams,
} from '../schemas/working-hours.js';
import { endpoint, type EndpointDocsOf } from './endpoint.js';

const SETS = '/working-hours';
const SET = `${SETS}/{workingHoursId}`;

/** A zone that is missing or not an IANA name is 400 `invalid_timezone`, as for schedules. */
const INVALID_TIMEZONE = [{ field: 'timezone', code: 'invalid_timezone' }] as const;

export const workingHoursEndpoints = {
  list: endpoint({
    name: 'workingHours.list', method: 'get', path: SETS,
    response: WorkingHoursListResponse, unwrap: ['data'],
  }),
  create: endpoint({
    name: 'workingHours.create', method: 'post', path: SETS,
    body: WorkingHoursCreateParams, badRequestCodes: INVALID_TIMEZONE, status: 201, response: WorkingHoursResponse, unwrap: ['data'],
  }),
  get: endpoint({
    name: 'workingHours.get', method: 'get', path: SET,
    params: WorkingHoursPathParams, response: WorkingHoursResponse, unwrap: ['data'],
  }),
  update: endpoint({
    name: 'workingHours.update', method: 'patch', path: SET,
    params: WorkingHoursPathParams, body: WorkingHoursUpdateParams, badRequestCodes: INVALID_TIMEZONE, response: WorkingHoursResponse, unwrap: ['data'],
  }),
  delete: endpoint({
    name: 'workingHours.delete', method: 'delete', path: SET,
    params: WorkingHoursPathParams, response: DeleteResponse, unwrap: [],
  }),
} as const;

// The prose of each endpoint, for the OpenAPI document and the method reference. Kept apart from the
// entries above so that the client bundle, which imports only the entries, ships none of it.
export const workingHoursDocs: EndpointDocsOf<typeof workingHoursEndpoints> = {
  list: {
    tag: 'Working hours',
    summary: 'List working-hours sets',
    returns: '`WorkingHours[]`, windows included',
    details: 'Every working-hours set of the organization, with its zone and windows as they were sent.',
  },
  create: {
    tag: 'Working hours',
    summary: 'Create a working-hours set',
    description: 'Names are unique per organization (409 `name_conflict`); `timezone` is an IANA name (400 `invalid_timezone`). Each window lists ISO weekdays (1 = Monday … 7 = Sunday, no repeats) and a wall-clock `start`–`end` in `timezone`; an `end` at or before `start` runs into the next day (`start == end` is 24 hours).',
    returns: '`WorkingHours`',
    errors: { 409: ['name_conflict'] },
  },
  get: {
    tag: 'Working hours',
    summary: 'Get a working-hours set',
    returns: '`WorkingHours`',
    details: 'The set with its zone and windows, as they were sent.',
    errors: { 404: ['not_found'] },
  },
  update: {
    tag: 'Working hours',
    summary: 'Update a working-hours set',
    description: 'Send at least one of name, timezone, windows; only the fields sent change. `windows` is replaced whole. The create rules apply: 409 `name_conflict`, 400 `invalid_timezone`.',
    returns: '`WorkingHours`',
    errors: { 404: ['not_found'], 409: ['name_conflict'] },
  },
  delete: {
    tag: 'Working hours',
    summary: 'Delete a working-hours set',
    description: 'Refused with 409 `working_hours_in_use` while a policy step\'s condition names it.',
    returns: '`void`',
    errors: { 404: ['not_found'], 409: ['working_hours_in_use'] },
  },
};

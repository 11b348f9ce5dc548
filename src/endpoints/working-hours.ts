import { DeleteResponse } from '../schemas/common.js';
import {
  WorkingHoursCreateParams,
  WorkingHoursListResponse,
  WorkingHoursPathParams,
  WorkingHoursResponse,
  WorkingHoursUpdateParams,
} from '../schemas/working-hours.js';
import { endpoint } from './endpoint.js';
import { AT_LEAST_ONE } from './wording.js';

const SETS = '/working-hours';
const SET = `${SETS}/{workingHoursId}`;

/** A zone that is missing or not an IANA name is 400 `invalid_timezone`, as for schedules. */
const INVALID_TIMEZONE = [{ field: 'timezone', code: 'invalid_timezone' }] as const;

const WINDOWS =
  'Each window lists ISO weekdays (1 = Monday … 7 = Sunday, no repeats) and a wall-clock `start`–`end` in `timezone`; an `end` at or before `start` runs into the next day (`start == end` is 24 hours).';

export const workingHoursEndpoints = {
  list: endpoint({
    name: 'workingHours.list', method: 'get', path: SETS, tag: 'Working hours', summary: 'List working-hours sets',
    response: WorkingHoursListResponse, unwrap: ['data'], returns: '`WorkingHours[]`, windows included',
  }),
  create: endpoint({
    name: 'workingHours.create', method: 'post', path: SETS, tag: 'Working hours', summary: 'Create a working-hours set',
    description: `Names are unique per organization (409 \`name_conflict\`); \`timezone\` is an IANA name (400 \`invalid_timezone\`). ${WINDOWS}`,
    body: WorkingHoursCreateParams, badRequestCodes: INVALID_TIMEZONE, status: 201, response: WorkingHoursResponse, unwrap: ['data'], returns: '`WorkingHours`',
  }),
  get: endpoint({
    name: 'workingHours.get', method: 'get', path: SET, tag: 'Working hours', summary: 'Get a working-hours set',
    params: WorkingHoursPathParams, response: WorkingHoursResponse, unwrap: ['data'], returns: '`WorkingHours`',
  }),
  update: endpoint({
    name: 'workingHours.update', method: 'patch', path: SET, tag: 'Working hours', summary: 'Update a working-hours set',
    description: `${AT_LEAST_ONE('name, timezone, windows')} \`windows\` is replaced whole.`,
    params: WorkingHoursPathParams, body: WorkingHoursUpdateParams, badRequestCodes: INVALID_TIMEZONE, response: WorkingHoursResponse, unwrap: ['data'], returns: '`WorkingHours`',
  }),
  delete: endpoint({
    name: 'workingHours.delete', method: 'delete', path: SET, tag: 'Working hours', summary: 'Delete a working-hours set',
    params: WorkingHoursPathParams, response: DeleteResponse, unwrap: [], returns: '`void`',
  }),
} as const;

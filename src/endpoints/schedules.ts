import { DeleteResponse } from '../schemas/common.js';
import {
  ScheduleCreateParams,
  ScheduleLayerCreateParams,
  ScheduleLayerListResponse,
  ScheduleLayerPathParams,
  ScheduleLayerReorderParams,
  ScheduleLayerReplaceParams,
  ScheduleLayerResponse,
  ScheduleLayerUpdateParams,
  ScheduleListResponse,
  SchedulePathParams,
  ScheduleReplaceParams,
  ScheduleResolutionResponse,
  ScheduleResolveParams,
  ScheduleResolveQuery,
  ScheduleResponse,
  ScheduleUpdateParams,
  ScheduleWithLayersResponse,
} from '../schemas/schedules.js';
import { endpoint } from './endpoint.js';
import { AT_LEAST_ONE, NO_REPEATS } from './wording.js';

const SCHEDULES = '/oncall/schedules';
const SCHEDULE = `${SCHEDULES}/{scheduleId}`;
const LAYERS = `${SCHEDULE}/layers`;

/** A zone that is missing or not an IANA name is 400 `invalid_timezone`, not 422. */
const INVALID_TIMEZONE = [{ field: 'timezone', code: 'invalid_timezone' }] as const;

export const scheduleEndpoints = {
  list: endpoint({
    name: 'schedules.list', method: 'get', path: SCHEDULES, tag: 'Schedules', summary: 'List schedules (without layers)',
    response: ScheduleListResponse, unwrap: ['data'], returns: '`Schedule[]` (no layers)',
  }),
  create: endpoint({
    name: 'schedules.create', method: 'post', path: SCHEDULES, tag: 'Schedules', summary: 'Create a schedule',
    description: '`timezone` is an IANA name (400 `invalid_timezone`).',
    body: ScheduleCreateParams, badRequestCodes: INVALID_TIMEZONE, status: 201, response: ScheduleResponse, unwrap: ['data'], returns: '`Schedule`',
  }),
  get: endpoint({
    name: 'schedules.get', method: 'get', path: SCHEDULE, tag: 'Schedules', summary: 'Get a schedule with its layers',
    params: SchedulePathParams, response: ScheduleWithLayersResponse, unwrap: ['data'],
    returns: '`ScheduleWithLayers` (`Schedule & { layers: ScheduleLayer[] }`, positions 0..n-1)',
  }),
  update: endpoint({
    name: 'schedules.update', method: 'patch', path: SCHEDULE, tag: 'Schedules', summary: 'Update a schedule',
    description: AT_LEAST_ONE('name, description, timezone'),
    params: SchedulePathParams, body: ScheduleUpdateParams, badRequestCodes: INVALID_TIMEZONE, response: ScheduleResponse, unwrap: ['data'], returns: '`Schedule`',
  }),
  replace: endpoint({
    name: 'schedules.replace', method: 'put', path: SCHEDULE, tag: 'Schedules', summary: 'Replace a schedule',
    description: 'Full replacement with the create rules: `name` and `timezone` required (400 `invalid_timezone`); an absent `description` clears it.',
    params: SchedulePathParams, body: ScheduleReplaceParams, badRequestCodes: INVALID_TIMEZONE, response: ScheduleResponse, unwrap: ['data'], returns: '`Schedule`',
  }),
  delete: endpoint({
    name: 'schedules.delete', method: 'delete', path: SCHEDULE, tag: 'Schedules', summary: 'Delete a schedule and its layers',
    description: '409 `schedule_in_use` while a policy layer targets it.',
    params: SchedulePathParams, response: DeleteResponse, unwrap: [], returns: '`void`',
  }),
  resolve: endpoint({
    name: 'schedules.resolve', method: 'get', path: `${SCHEDULE}/resolve`, tag: 'Schedules', summary: 'Who is on call at an instant',
    description: '`at` defaults to now.',
    params: SchedulePathParams, query: ScheduleResolveQuery, sdkQuery: ScheduleResolveParams, response: ScheduleResolutionResponse, unwrap: ['data'],
    returns: '`ScheduleResolution` (`{ at, owner, pagingTargets, layers: [{ layerId, position, userId }] }`); `at` a `Date` or ISO string, default now',
  }),
} as const;

export const scheduleLayerEndpoints = {
  create: endpoint({
    name: 'schedules.layers.create', method: 'post', path: LAYERS, tag: 'Schedules', summary: 'Append a rotation layer',
    description: `\`rotationLengthDays\` is 1 for \`daily\`, 7 for \`weekly\`; \`effectiveUntil\` is after \`effectiveFrom\`. Participant ${NO_REPEATS.toLowerCase()}`,
    params: SchedulePathParams, body: ScheduleLayerCreateParams, status: 201, response: ScheduleLayerResponse, unwrap: ['data'], returns: '`ScheduleLayer`, at the next position',
  }),
  // Before `…/layers/{layerId}` in the table, so that `order` is never taken for a layer id.
  reorder: endpoint({
    name: 'schedules.layers.reorder', method: 'put', path: `${LAYERS}/order`, tag: 'Schedules', summary: 'Reorder all rotation layers (positions from 0)',
    description: `\`layerIds\` must be exactly the schedule's layers (400 \`invalid_reorder\`). ${NO_REPEATS}`,
    params: SchedulePathParams, body: ScheduleLayerReorderParams, badRequestCodes: [{ field: 'layerIds', refinementsOnly: true, code: 'invalid_reorder' }],
    response: ScheduleLayerListResponse, unwrap: ['data'], returns: '`ScheduleLayer[]` renumbered 0..n-1',
  }),
  // After `reorder`, so that `PUT …/layers/order` never reaches this route.
  replace: endpoint({
    name: 'schedules.layers.replace', method: 'put', path: `${LAYERS}/{layerId}`, tag: 'Schedules', summary: 'Replace a rotation layer',
    description: 'Full replacement with the create rules; an absent or `null` `effectiveUntil` clears it. The layer keeps its id and position.',
    params: ScheduleLayerPathParams, body: ScheduleLayerReplaceParams, response: ScheduleLayerResponse, unwrap: ['data'], returns: '`ScheduleLayer`',
  }),
  update: endpoint({
    name: 'schedules.layers.update', method: 'patch', path: `${LAYERS}/{layerId}`, tag: 'Schedules', summary: 'Update a rotation layer',
    description: 'Send at least one field; the rotation rules apply to the merged layer.',
    params: ScheduleLayerPathParams, body: ScheduleLayerUpdateParams, response: ScheduleLayerResponse, unwrap: ['data'], returns: '`ScheduleLayer`',
  }),
  delete: endpoint({
    name: 'schedules.layers.delete', method: 'delete', path: `${LAYERS}/{layerId}`, tag: 'Schedules', summary: 'Delete a rotation layer',
    params: ScheduleLayerPathParams, response: DeleteResponse, unwrap: [], returns: '`void`',
  }),
} as const;

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
import { endpoint, type EndpointDocsOf } from './endpoint.js';

const SCHEDULES = '/oncall/schedules';
const SCHEDULE = `${SCHEDULES}/{scheduleId}`;
const LAYERS = `${SCHEDULE}/layers`;

/** A zone that is missing or not an IANA name is 400 `invalid_timezone`, not 422. */
const INVALID_TIMEZONE = [{ field: 'timezone', code: 'invalid_timezone' }] as const;

export const scheduleEndpoints = {
  list: endpoint({
    name: 'schedules.list', method: 'get', path: SCHEDULES,
    response: ScheduleListResponse, unwrap: ['data'],
  }),
  create: endpoint({
    name: 'schedules.create', method: 'post', path: SCHEDULES,
    body: ScheduleCreateParams, badRequestCodes: INVALID_TIMEZONE, status: 201, response: ScheduleResponse, unwrap: ['data'],
  }),
  get: endpoint({
    name: 'schedules.get', method: 'get', path: SCHEDULE,
    params: SchedulePathParams, response: ScheduleWithLayersResponse, unwrap: ['data'],
  }),
  update: endpoint({
    name: 'schedules.update', method: 'patch', path: SCHEDULE,
    params: SchedulePathParams, body: ScheduleUpdateParams, badRequestCodes: INVALID_TIMEZONE, response: ScheduleResponse, unwrap: ['data'],
  }),
  replace: endpoint({
    name: 'schedules.replace', method: 'put', path: SCHEDULE,
    params: SchedulePathParams, body: ScheduleReplaceParams, badRequestCodes: INVALID_TIMEZONE, response: ScheduleResponse, unwrap: ['data'],
  }),
  delete: endpoint({
    name: 'schedules.delete', method: 'delete', path: SCHEDULE,
    params: SchedulePathParams, response: DeleteResponse, unwrap: [],
  }),
  resolve: endpoint({
    name: 'schedules.resolve', method: 'get', path: `${SCHEDULE}/resolve`,
    params: SchedulePathParams, query: ScheduleResolveQuery, sdkQuery: ScheduleResolveParams, response: ScheduleResolutionResponse, unwrap: ['data'],
  }),
} as const;

export const scheduleLayerEndpoints = {
  create: endpoint({
    name: 'schedules.layers.create', method: 'post', path: LAYERS,
    params: SchedulePathParams, body: ScheduleLayerCreateParams, status: 201, response: ScheduleLayerResponse, unwrap: ['data'],
  }),
  // Before `…/layers/{layerId}` in the table, so that `order` is never taken for a layer id.
  reorder: endpoint({
    name: 'schedules.layers.reorder', method: 'put', path: `${LAYERS}/order`,
    params: SchedulePathParams, body: ScheduleLayerReorderParams, badRequestCodes: [{ field: 'layerIds', refinementsOnly: true, code: 'invalid_reorder' }],
    response: ScheduleLayerListResponse, unwrap: ['data'],
  }),
  // After `reorder`, so that `PUT …/layers/order` never reaches this route.
  replace: endpoint({
    name: 'schedules.layers.replace', method: 'put', path: `${LAYERS}/{layerId}`,
    params: ScheduleLayerPathParams, body: ScheduleLayerReplaceParams, response: ScheduleLayerResponse, unwrap: ['data'],
  }),
  update: endpoint({
    name: 'schedules.layers.update', method: 'patch', path: `${LAYERS}/{layerId}`,
    params: ScheduleLayerPathParams, body: ScheduleLayerUpdateParams, response: ScheduleLayerResponse, unwrap: ['data'],
  }),
  delete: endpoint({
    name: 'schedules.layers.delete', method: 'delete', path: `${LAYERS}/{layerId}`,
    params: ScheduleLayerPathParams, response: DeleteResponse, unwrap: [],
  }),
} as const;

// The prose of each endpoint, for the OpenAPI document and the method reference. Kept apart from the
// entries above so that the client bundle, which imports only the entries, ships none of it.
export const scheduleDocs: EndpointDocsOf<typeof scheduleEndpoints> = {
  list: {
    tag: 'Schedules',
    summary: 'List schedules (without layers)',
    returns: '`Schedule[]` (no layers)',
    details: 'Every on-call schedule of the organization, without their rotation layers (get one schedule for those).',
  },
  create: {
    tag: 'Schedules',
    summary: 'Create a schedule',
    description: '`timezone` is an IANA name (400 `invalid_timezone`).',
    returns: '`Schedule`',
    errors: { 409: ['name_conflict'] },
  },
  get: {
    tag: 'Schedules',
    summary: 'Get a schedule with its layers',
    returns: '`ScheduleWithLayers` (`Schedule & { layers: ScheduleLayer[] }`, positions 0..n-1)',
    details: 'The schedule with its rotation layers in position order (position 0, the owner-bearing layer, first).',
    errors: { 404: ['not_found'] },
  },
  update: {
    tag: 'Schedules',
    summary: 'Update a schedule',
    description: 'Send at least one of name, description, timezone; only the fields sent change.',
    returns: '`Schedule`',
    errors: { 404: ['not_found'], 409: ['name_conflict'] },
  },
  replace: {
    tag: 'Schedules',
    summary: 'Replace a schedule',
    description: 'Full replacement with the create rules: `name` and `timezone` required (400 `invalid_timezone`), names unique per organization (409 `name_conflict`); an absent `description` clears it.',
    returns: '`Schedule`',
    errors: { 404: ['not_found'], 409: ['name_conflict'] },
  },
  delete: {
    tag: 'Schedules',
    summary: 'Delete a schedule and its layers',
    description: '409 `schedule_in_use` while a policy layer targets it.',
    returns: '`void`',
    errors: { 404: ['not_found'], 409: ['schedule_in_use'] },
  },
  resolve: {
    tag: 'Schedules',
    summary: 'Who is on call at an instant',
    description: '`at` defaults to now.',
    returns: '`ScheduleResolution` (`{ at, owner, pagingTargets, layers: [{ layerId, position, userId }] }`); `at` a `Date` or ISO string, default now',
    errors: { 404: ['not_found'] },
  },
};

export const scheduleLayerDocs: EndpointDocsOf<typeof scheduleLayerEndpoints> = {
  create: {
    tag: 'Schedules',
    summary: 'Append a rotation layer',
    description: '`rotationLengthDays` is 1 for `daily`, 7 for `weekly`; `effectiveUntil` is after `effectiveFrom`. Participant ids must not repeat.',
    returns: '`ScheduleLayer`, at the next position',
    errors: { 400: ['layer_limit_reached', 'invalid_participant'], 404: ['not_found'], 409: ['name_conflict'] },
  },
  reorder: {
    tag: 'Schedules',
    summary: 'Reorder all rotation layers (positions from 0)',
    description: '`layerIds` must be exactly the schedule\'s layers (400 `invalid_reorder`). Ids must not repeat.',
    returns: '`ScheduleLayer[]` renumbered 0..n-1',
    errors: { 404: ['not_found'] },
  },
  replace: {
    tag: 'Schedules',
    summary: 'Replace a rotation layer',
    description: 'Full replacement with the create rules (participants members of the organization, else 400 `invalid_participant`; names unique on the schedule, else 409 `name_conflict`); an absent or `null` `effectiveUntil` clears it. The layer keeps its id and position.',
    returns: '`ScheduleLayer`',
    errors: { 400: ['invalid_participant'], 404: ['not_found'], 409: ['name_conflict'] },
  },
  update: {
    tag: 'Schedules',
    summary: 'Update a rotation layer',
    description: 'Send at least one field; the rotation rules apply to the merged layer.',
    returns: '`ScheduleLayer`',
    errors: { 400: ['invalid_participant'], 404: ['not_found'], 409: ['name_conflict'] },
  },
  delete: {
    tag: 'Schedules',
    summary: 'Delete a rotation layer',
    returns: '`void`',
    details: 'The layers after it move up one position.',
    errors: { 404: ['not_found'] },
  },
};

import type { HttpHandler } from 'msw';
import {
  ScheduleCreateParams,
  ScheduleLayerCreateParams,
  ScheduleLayerPathParams,
  ScheduleLayerReorderParams,
  ScheduleLayerUpdateParams,
  SchedulePathParams,
  ScheduleResolveQuery,
  ScheduleUpdateParams,
} from '../../src/schemas/schedules.js';
import {
  resolutionView,
  scheduleLayersView,
  scheduleLayerView,
  scheduleView,
  scheduleWithLayersView,
} from '../store/schedule-views.js';
import {
  createSchedule,
  createScheduleLayer,
  deleteSchedule,
  deleteScheduleLayer,
  getSchedule,
  listSchedules,
  reorderScheduleLayers,
  resolveSchedule,
  updateSchedule,
  updateScheduleLayer,
} from '../store/schedules.js';
import { route, type MockContext } from './route.js';

/** A zone that is missing or not an IANA name is 400 `invalid_timezone`, not 422. */
const timezoneIssue = (issue: { path: readonly PropertyKey[] }) => (issue.path[0] === 'timezone' ? 'invalid_timezone' : undefined);
/** A list with repeats is not "exactly the schedule's layers": 400 `invalid_reorder`, as for policies. */
const reorderIssue = (issue: { code: string; path: readonly PropertyKey[] }) =>
  issue.code === 'custom' && issue.path[0] === 'layerIds' ? 'invalid_reorder' : undefined;

const SCHEDULES = '/oncall/schedules';
const SCHEDULE = '/oncall/schedules/:scheduleId';
const LAYERS = `${SCHEDULE}/layers`;

export const scheduleHandlers = (ctx: MockContext): HttpHandler[] => [
  route(ctx, {
    method: 'get',
    path: SCHEDULES,
    handle: ({ org }) => ({ body: { data: listSchedules(org).map(scheduleView) } }),
  }),
  route(ctx, {
    method: 'post',
    path: SCHEDULES,
    body: ScheduleCreateParams,
    issueCode: timezoneIssue,
    handle: ({ state, org, actor, body, now }) => ({
      status: 201,
      body: { data: scheduleView(createSchedule(state, org, actor, body, now)) },
    }),
  }),
  route(ctx, {
    method: 'get',
    path: SCHEDULE,
    params: SchedulePathParams,
    handle: ({ org, params }) => ({ body: { data: scheduleWithLayersView(getSchedule(org, params.scheduleId)) } }),
  }),
  route(ctx, {
    method: 'patch',
    path: SCHEDULE,
    params: SchedulePathParams,
    body: ScheduleUpdateParams,
    issueCode: timezoneIssue,
    handle: ({ org, params, body, now }) => ({ body: { data: scheduleView(updateSchedule(org, params.scheduleId, body, now)) } }),
  }),
  route(ctx, {
    method: 'delete',
    path: SCHEDULE,
    params: SchedulePathParams,
    handle: ({ org, params }) => {
      deleteSchedule(org, params.scheduleId);
      return { body: { success: true } };
    },
  }),
  route(ctx, {
    method: 'get',
    path: `${SCHEDULE}/resolve`,
    params: SchedulePathParams,
    query: ScheduleResolveQuery,
    handle: ({ org, params, query, now }) => {
      const at = query.at === undefined ? now : Date.parse(query.at);
      return { body: { data: resolutionView(at, resolveSchedule(org, params.scheduleId, at)) } };
    },
  }),
  route(ctx, {
    method: 'post',
    path: LAYERS,
    params: SchedulePathParams,
    body: ScheduleLayerCreateParams,
    handle: ({ state, org, params, body, now }) => {
      const { schedule, layer } = createScheduleLayer(state, org, params.scheduleId, body, now);
      return { status: 201, body: { data: scheduleLayerView(layer, schedule.layers.indexOf(layer)) } };
    },
  }),
  // Registered before `…/layers/:layerId` so that `order` is never taken for a layer id.
  route(ctx, {
    method: 'put',
    path: `${LAYERS}/order`,
    params: SchedulePathParams,
    body: ScheduleLayerReorderParams,
    issueCode: reorderIssue,
    handle: ({ org, params, body, now }) => ({
      body: { data: scheduleLayersView(reorderScheduleLayers(org, params.scheduleId, body.layerIds, now)) },
    }),
  }),
  route(ctx, {
    method: 'patch',
    path: `${LAYERS}/:layerId`,
    params: ScheduleLayerPathParams,
    body: ScheduleLayerUpdateParams,
    handle: ({ org, params, body, now }) => {
      const { schedule, layer } = updateScheduleLayer(org, params.scheduleId, params.layerId, body, now);
      return { body: { data: scheduleLayerView(layer, schedule.layers.indexOf(layer)) } };
    },
  }),
  route(ctx, {
    method: 'delete',
    path: `${LAYERS}/:layerId`,
    params: ScheduleLayerPathParams,
    handle: ({ org, params, now }) => {
      deleteScheduleLayer(org, params.scheduleId, params.layerId, now);
      return { body: { success: true } };
    },
  }),
];

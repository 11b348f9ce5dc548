import type { EndpointTable } from '../../src/endpoints/index.js';
import { resolutionView, scheduleLayersView, scheduleLayerView, scheduleView, scheduleWithLayersView } from '../store/schedule-views.js';
import {
  createSchedule,
  createScheduleLayer,
  deleteSchedule,
  deleteScheduleLayer,
  getSchedule,
  listSchedules,
  reorderScheduleLayers,
  replaceSchedule,
  replaceScheduleLayer,
  resolveSchedule,
  updateSchedule,
  updateScheduleLayer,
} from '../store/schedules.js';
import type { RouteHandles } from './route.js';

export const scheduleRoutes: RouteHandles<EndpointTable['schedules']> = {
  list: ({ org }) => ({ data: listSchedules(org).map(scheduleView) }),
  create: ({ state, org, actor, body, now }) => ({ data: scheduleView(createSchedule(state, org, actor, body, now)) }),
  get: ({ org, params }) => ({ data: scheduleWithLayersView(getSchedule(org, params.scheduleId)) }),
  update: ({ org, params, body, now }) => ({ data: scheduleView(updateSchedule(org, params.scheduleId, body, now)) }),
  replace: ({ org, params, body, now }) => ({ data: scheduleView(replaceSchedule(org, params.scheduleId, body, now)) }),
  delete: ({ org, params }) => {
    deleteSchedule(org, params.scheduleId);
    return { success: true };
  },
  resolve: ({ org, params, query, now }) => {
    const at = query.at === undefined ? now : Date.parse(query.at);
    return { data: resolutionView(at, resolveSchedule(org, params.scheduleId, at)) };
  },
};

export const scheduleLayerRoutes: RouteHandles<EndpointTable['scheduleLayers']> = {
  create: ({ state, org, params, body, now }) => {
    const { schedule, layer } = createScheduleLayer(state, org, params.scheduleId, body, now);
    return { data: scheduleLayerView(layer, schedule.layers.indexOf(layer)) };
  },
  reorder: ({ org, params, body, now }) => ({ data: scheduleLayersView(reorderScheduleLayers(org, params.scheduleId, body.layerIds, now)) }),
  replace: ({ org, params, body, now }) => {
    const { schedule, layer } = replaceScheduleLayer(org, params.scheduleId, params.layerId, body, now);
    return { data: scheduleLayerView(layer, schedule.layers.indexOf(layer)) };
  },
  update: ({ org, params, body, now }) => {
    const { schedule, layer } = updateScheduleLayer(org, params.scheduleId, params.layerId, body, now);
    return { data: scheduleLayerView(layer, schedule.layers.indexOf(layer)) };
  },
  delete: ({ org, params, now }) => {
    deleteScheduleLayer(org, params.scheduleId, params.layerId, now);
    return { success: true };
  },
};

import type { OnCallResult } from '../../src/oncall/rotation.js';
import type { Schedule, ScheduleLayer, ScheduleResolution, ScheduleWithLayers } from '../../src/schemas/schedules.js';
import type { Millis, ScheduleLayerRecord, ScheduleRecord } from './state.js';
import { iso } from './views.js';

export const scheduleView = (schedule: ScheduleRecord): Schedule => ({
  id: schedule.id,
  orgId: schedule.orgId,
  name: schedule.name,
  description: schedule.description,
  timezone: schedule.timezone,
  createdBy: schedule.createdBy,
  createdAt: iso(schedule.createdAt),
  updatedAt: iso(schedule.updatedAt),
});

/** `position` is the layer's index: 0-based, unlike policy layers. */
export const scheduleLayerView = (layer: ScheduleLayerRecord, index: number): ScheduleLayer => ({
  id: layer.id,
  scheduleId: layer.scheduleId,
  orgId: layer.orgId,
  name: layer.name,
  position: index,
  rotationType: layer.rotationType,
  rotationLengthDays: layer.rotationLengthDays,
  handoffTime: layer.handoffTime,
  effectiveFrom: iso(layer.effectiveFrom),
  effectiveUntil: layer.effectiveUntil === null ? null : iso(layer.effectiveUntil),
  participantIds: [...layer.participantIds],
  createdAt: iso(layer.createdAt),
  updatedAt: iso(layer.updatedAt),
});

export const scheduleLayersView = (schedule: ScheduleRecord): ScheduleLayer[] => schedule.layers.map(scheduleLayerView);

export const scheduleWithLayersView = (schedule: ScheduleRecord): ScheduleWithLayers => ({
  ...scheduleView(schedule),
  layers: scheduleLayersView(schedule),
});

/** The instant asked about, echoed in ISO form, with who is on call then. */
export const resolutionView = (at: Millis, result: OnCallResult): ScheduleResolution => ({
  at: iso(at),
  owner: result.owner,
  pagingTargets: result.pagingTargets,
  layers: result.layers,
});

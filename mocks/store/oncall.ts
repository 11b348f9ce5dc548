import type { OnCallSchedule } from '../../src/oncall/rotation.js';
import type { ScheduleRecord } from './state.js';

/** A schedule record as the shared on-call rules read it: a layer's position is its index. */
export const onCallSchedule = (schedule: ScheduleRecord): OnCallSchedule => ({
  timezone: schedule.timezone,
  layers: schedule.layers.map((layer, position) => ({ ...layer, position })),
});

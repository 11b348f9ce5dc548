import { newId } from './ids.js';
import type { Actor, Millis, MockState, OrgRecord, ScheduleRecord } from './state.js';

export type NewSchedule = { name?: string; description?: string | null; timezone?: string };

export const addSchedule = (state: MockState, org: OrgRecord, actor: Actor, input: NewSchedule, now: Millis): ScheduleRecord => {
  const schedule: ScheduleRecord = {
    id: newId(state.random, 'sched'),
    orgId: org.id,
    name: input.name ?? `Schedule ${org.schedules.size + 1}`,
    description: input.description ?? null,
    timezone: input.timezone ?? 'UTC',
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
    layers: [],
  };
  org.schedules.set(schedule.id, schedule);
  return schedule;
};

import type { WorkingHoursCreateParams, WorkingHoursUpdateParams } from '../../src/schemas/working-hours.js';
import { assertNameFree, conflict, notFound } from './errors.js';
import { newId } from './ids.js';
import type { Millis, MockState, OrgRecord, WorkingHoursRecord, WorkingHoursWindowRecord } from './state.js';

const assertWorkingHoursNameFree = (org: OrgRecord, name: string, except?: string) =>
  assertNameFree(org.workingHours.values(), name, { kind: 'working-hours set', scope: 'in this organization' }, except);

/** Copies, so that no record shares an array with a request body or another record. */
const copyWindows = (windows: readonly WorkingHoursWindowRecord[]): WorkingHoursWindowRecord[] =>
  windows.map(({ days, start, end }) => ({ days: [...days], start, end }));

export const getWorkingHours = (org: OrgRecord, workingHoursId: string): WorkingHoursRecord => {
  const set = org.workingHours.get(workingHoursId);
  if (!set) throw notFound('working hours');
  return set;
};

export const listWorkingHours = (org: OrgRecord): WorkingHoursRecord[] => [...org.workingHours.values()];

export const createWorkingHours = (state: MockState, org: OrgRecord, input: WorkingHoursCreateParams, now: Millis): WorkingHoursRecord => {
  assertWorkingHoursNameFree(org, input.name);
  const set: WorkingHoursRecord = {
    id: newId(state.random, 'wh'),
    orgId: org.id,
    name: input.name,
    timezone: input.timezone,
    windows: copyWindows(input.windows),
    createdAt: now,
    updatedAt: now,
  };
  org.workingHours.set(set.id, set);
  return set;
};

export const updateWorkingHours = (org: OrgRecord, workingHoursId: string, input: WorkingHoursUpdateParams, now: Millis): WorkingHoursRecord => {
  const set = getWorkingHours(org, workingHoursId);
  if (input.name !== undefined) assertWorkingHoursNameFree(org, input.name, set.id);
  if (input.name !== undefined) set.name = input.name;
  if (input.timezone !== undefined) set.timezone = input.timezone;
  if (input.windows !== undefined) set.windows = copyWindows(input.windows);
  set.updatedAt = now;
  return set;
};

/**
 * Refused while a step's condition names the set (409 `working_hours_in_use`): clearing the
 * condition instead would silently turn a gated step into one that always pages.
 */
export const deleteWorkingHours = (org: OrgRecord, workingHoursId: string): WorkingHoursRecord => {
  const set = getWorkingHours(org, workingHoursId);
  for (const policy of org.policies.values()) {
    const index = policy.layers.findIndex((layer) => layer.condition?.workingHoursId === workingHoursId);
    if (index !== -1) {
      throw conflict('working_hours_in_use',
        `Step ${index + 1} of policy ${policy.id} is gated on these working hours: change its condition first.`);
    }
  }
  org.workingHours.delete(workingHoursId);
  return set;
};

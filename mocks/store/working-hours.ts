import type { WorkingHoursCreateParams, WorkingHoursUpdateParams } from '../../src/schemas/working-hours.js';
import { conflict, notFound } from './errors.js';
import { newId } from './ids.js';
import type { Millis, MockState, OrgRecord } from './state.js';

/** A weekly window, kept exactly as sent (days in their order). */
export type WorkingHoursWindowRecord = { days: number[]; start: string; end: string };

export type WorkingHoursRecord = {
  id: string;
  orgId: string;
  name: string;
  /** IANA zone name: the windows are its wall clock. */
  timezone: string;
  windows: WorkingHoursWindowRecord[];
  createdAt: Millis;
  updatedAt: Millis;
};

/** Names are unique per organization, compared exactly (case and spaces count), like policy names. */
const assertNameFree = (org: OrgRecord, name: string, except?: string) => {
  for (const set of org.workingHours.values()) {
    if (set.name === name && set.id !== except) {
      throw conflict('name_conflict', `Working hours named "${name}" already exist in this organization.`);
    }
  }
};

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
  assertNameFree(org, input.name);
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
  if (input.name !== undefined) assertNameFree(org, input.name, set.id);
  if (input.name !== undefined) set.name = input.name;
  if (input.timezone !== undefined) set.timezone = input.timezone;
  if (input.windows !== undefined) set.windows = copyWindows(input.windows);
  set.updatedAt = now;
  return set;
};

export const deleteWorkingHours = (org: OrgRecord, workingHoursId: string): WorkingHoursRecord => {
  const set = getWorkingHours(org, workingHoursId);
  org.workingHours.delete(workingHoursId);
  return set;
};

import { resolveOnCall, type OnCallResult } from '../../src/oncall/rotation.js';
import type {
  ScheduleCreateParams,
  ScheduleLayerCreateParams,
  ScheduleLayerReplaceParams,
  ScheduleLayerUpdateParams,
  ScheduleReplaceParams,
  ScheduleUpdateParams,
} from '../../src/schemas/schedules.js';
import { effectiveUntilProblem, MAX_LAYERS_PER_SCHEDULE, rotationLengthProblem } from '../../src/schemas/schedules.js';
import { reorderExactly, touchFrom } from './ordered.js';
import { assertNameFree, badRequest, conflict, MockApiError, notFound } from './errors.js';
import { newId } from './ids.js';
import { onCallSchedule } from './oncall.js';
import type { Actor, Millis, MockState, OrgRecord, ScheduleLayerRecord, ScheduleRecord } from './state.js';

export type NewSchedule = { name?: string; description?: string | null; timezone?: string };

const assertScheduleNameFree = (org: OrgRecord, name: string, except?: string) =>
  assertNameFree(org.schedules.values(), name, { kind: 'schedule', scope: 'in this organization' }, except);

/** The first `Schedule N` not taken, so a default name never collides with an existing one. */
const freeScheduleName = (org: OrgRecord) => {
  const taken = new Set([...org.schedules.values()].map((schedule) => schedule.name));
  let n = org.schedules.size + 1;
  while (taken.has(`Schedule ${n}`)) n++;
  return `Schedule ${n}`;
};

/** A schedule record, not yet in the org. */
const newSchedule = (state: MockState, org: OrgRecord, actor: Actor, input: NewSchedule, now: Millis): ScheduleRecord => ({
    id: newId(state.random, 'sched'),
    orgId: org.id,
    name: input.name ?? freeScheduleName(org),
    description: input.description ?? null,
    timezone: input.timezone ?? 'UTC',
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
    layers: [],
});

export const getSchedule = (org: OrgRecord, scheduleId: string): ScheduleRecord => {
  const schedule = org.schedules.get(scheduleId);
  if (!schedule) throw notFound('schedule');
  return schedule;
};

export const listSchedules = (org: OrgRecord): ScheduleRecord[] => [...org.schedules.values()];

export const createSchedule = (state: MockState, org: OrgRecord, actor: Actor, input: ScheduleCreateParams, now: Millis) => {
  assertScheduleNameFree(org, input.name);
  const schedule = newSchedule(state, org, actor, input, now);
  org.schedules.set(schedule.id, schedule);
  return schedule;
};

export const updateSchedule = (org: OrgRecord, scheduleId: string, input: ScheduleUpdateParams, now: Millis): ScheduleRecord => {
  const schedule = getSchedule(org, scheduleId);
  if (input.name !== undefined) assertScheduleNameFree(org, input.name, schedule.id);
  if (input.name !== undefined) schedule.name = input.name;
  if (input.description !== undefined) schedule.description = input.description;
  if (input.timezone !== undefined) schedule.timezone = input.timezone;
  schedule.updatedAt = now;
  return schedule;
};

/** A `PUT`: an update that sends every field, a missing `description` as `null`. */
export const replaceSchedule = (org: OrgRecord, scheduleId: string, input: ScheduleReplaceParams, now: Millis): ScheduleRecord =>
  updateSchedule(org, scheduleId, { ...input, description: input.description ?? null }, now);

/** Deletes the schedule and its layers, unless a policy layer still targets it (it would page nobody). */
export const deleteSchedule = (org: OrgRecord, scheduleId: string): ScheduleRecord => {
  const schedule = getSchedule(org, scheduleId);
  const users = [...org.policies.values()].filter((policy) =>
    policy.layers.some((layer) => layer.target.type === 'schedule' && layer.target.scheduleId === scheduleId),
  );
  if (users.length > 0) {
    const names = users.map((policy) => `"${policy.name}" (${policy.id})`).join(', ');
    const policies = users.length === 1 ? 'escalation policy' : 'escalation policies';
    throw conflict('schedule_in_use', `The schedule is the target of a layer of ${policies} ${names}; retarget or delete those layers first.`);
  }
  org.schedules.delete(scheduleId);
  return schedule;
};

/** Who is on call on the schedule at `at`. */
export const resolveSchedule = (org: OrgRecord, scheduleId: string, at: Millis): OnCallResult =>
  resolveOnCall(onCallSchedule(getSchedule(org, scheduleId)), at);

// Layers. A layer's position is its index in `schedule.layers`: always 0..n-1.

const findLayer = (schedule: ScheduleRecord, layerId: string): ScheduleLayerRecord => {
  const layer = schedule.layers.find((candidate) => candidate.id === layerId);
  if (!layer) throw notFound('layer on this schedule');
  return layer;
};

const assertLayerNameFree = (schedule: ScheduleRecord, name: string, except?: string) =>
  assertNameFree(schedule.layers, name, { kind: 'layer', scope: 'on this schedule' }, except);

/** Participants must be current members of the org. */
export const assertParticipantsInOrg = (org: OrgRecord, participantIds: readonly string[]) => {
  const strangers = participantIds.filter((id) => !org.users.has(id));
  if (strangers.length > 0) {
    throw badRequest('invalid_participant', `participantIds: not members of this organization: ${strangers.join(', ')}.`, 'participantIds');
  }
};

const invalidField = (field: string, message: string) =>
  new MockApiError(422, 'validation_error', 'validation_error', `${field}: ${message}`, field);

/** The cross-field rules on a whole layer: the same ones the schemas apply to a body. */
const assertLayerRules = (layer: Pick<ScheduleLayerRecord, 'rotationType' | 'rotationLengthDays' | 'effectiveFrom' | 'effectiveUntil'>) => {
  const length = rotationLengthProblem(layer.rotationType, layer.rotationLengthDays);
  if (length) throw invalidField('rotationLengthDays', length);
  const until = effectiveUntilProblem(layer.effectiveFrom, layer.effectiveUntil);
  if (until) throw invalidField('effectiveUntil', until);
};


const millis = (datetime: string) => Date.parse(datetime);

/** A layer record for `schedule`, checked by every rule the API applies to a new layer; not yet added. */
const newLayer = (state: MockState, org: OrgRecord, schedule: ScheduleRecord, input: ScheduleLayerCreateParams, now: Millis) => {
  if (schedule.layers.length >= MAX_LAYERS_PER_SCHEDULE) {
    throw badRequest('layer_limit_reached', `A schedule has at most ${MAX_LAYERS_PER_SCHEDULE} layers.`);
  }
  assertLayerNameFree(schedule, input.name);
  assertParticipantsInOrg(org, input.participantIds);
  const layer: ScheduleLayerRecord = {
    id: newId(state.random, 'layer'),
    scheduleId: schedule.id,
    orgId: org.id,
    name: input.name,
    rotationType: input.rotationType,
    rotationLengthDays: input.rotationLengthDays,
    handoffTime: input.handoffTime,
    effectiveFrom: millis(input.effectiveFrom),
    effectiveUntil: input.effectiveUntil ? millis(input.effectiveUntil) : null,
    participantIds: [...input.participantIds],
    createdAt: now,
    updatedAt: now,
  };
  assertLayerRules(layer);
  return layer;
};

/** Appends a layer: its position is the current layer count. */
export const createScheduleLayer = (state: MockState, org: OrgRecord, scheduleId: string, input: ScheduleLayerCreateParams, now: Millis) => {
  const schedule = getSchedule(org, scheduleId);
  const layer = newLayer(state, org, schedule, input, now);
  schedule.layers.push(layer);
  return { schedule, layer };
};

/**
 * A schedule with its layers in one go, for the test helpers (and, through them, the seed): checked by
 * the rules the API applies to each call (name free, then each layer as `createScheduleLayer` would),
 * and written only if every part passes. A refused layer's `field` says which: `layers[1].name`.
 */
export const addSchedule = (
  state: MockState,
  org: OrgRecord,
  actor: Actor,
  input: NewSchedule,
  layers: readonly ScheduleLayerCreateParams[],
  now: Millis,
): ScheduleRecord => {
  if (input.name !== undefined) assertScheduleNameFree(org, input.name);
  const schedule = newSchedule(state, org, actor, input, now);
  layers.forEach((layer, index) => {
    try {
      schedule.layers.push(newLayer(state, org, schedule, layer, now));
    } catch (error) {
      if (!(error instanceof MockApiError)) throw error;
      const field = [`layers[${index}]`, error.field].filter(Boolean).join('.');
      throw new MockApiError(error.status, error.type, error.code, error.message, field);
    }
  });
  org.schedules.set(schedule.id, schedule);
  return schedule;
};

/** Only the fields sent change; the cross-field rules are checked on the result before anything is written. */
export const updateScheduleLayer = (org: OrgRecord, scheduleId: string, layerId: string, input: ScheduleLayerUpdateParams, now: Millis) => {
  const schedule = getSchedule(org, scheduleId);
  const layer = findLayer(schedule, layerId);
  const merged: ScheduleLayerRecord = {
    ...layer,
    name: input.name ?? layer.name,
    rotationType: input.rotationType ?? layer.rotationType,
    rotationLengthDays: input.rotationLengthDays ?? layer.rotationLengthDays,
    handoffTime: input.handoffTime ?? layer.handoffTime,
    effectiveFrom: input.effectiveFrom === undefined ? layer.effectiveFrom : millis(input.effectiveFrom),
    effectiveUntil:
      input.effectiveUntil === undefined ? layer.effectiveUntil : input.effectiveUntil === null ? null : millis(input.effectiveUntil),
    participantIds: input.participantIds === undefined ? layer.participantIds : [...input.participantIds],
    updatedAt: now,
  };
  if (input.name !== undefined) assertLayerNameFree(schedule, input.name, layer.id);
  assertLayerRules(merged);
  if (input.participantIds !== undefined) assertParticipantsInOrg(org, input.participantIds);
  Object.assign(layer, merged);
  return { schedule, layer };
};

/** A `PUT`: an update that sends every field, a missing `effectiveUntil` as `null`. */
export const replaceScheduleLayer = (org: OrgRecord, scheduleId: string, layerId: string, input: ScheduleLayerReplaceParams, now: Millis) =>
  updateScheduleLayer(org, scheduleId, layerId, { ...input, effectiveUntil: input.effectiveUntil ?? null }, now);

/** Removes the layer; the ones after it move up one. */
export const deleteScheduleLayer = (org: OrgRecord, scheduleId: string, layerId: string, now: Millis) => {
  const schedule = getSchedule(org, scheduleId);
  const index = schedule.layers.indexOf(findLayer(schedule, layerId));
  schedule.layers.splice(index, 1);
  touchFrom(schedule.layers, index, now);
  return schedule;
};

/** `layerIds` must be exactly the schedule's layers (the schema already refused repeats). */
export const reorderScheduleLayers = (org: OrgRecord, scheduleId: string, layerIds: readonly string[], now: Millis) => {
  const schedule = getSchedule(org, scheduleId);
  schedule.layers = reorderExactly(schedule.layers, layerIds, 'schedule');
  touchFrom(schedule.layers, 0, now);
  return schedule;
};

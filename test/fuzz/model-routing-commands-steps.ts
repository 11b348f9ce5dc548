import { expect } from 'vitest';
import type { CreatedPolicy, LayerTarget, PolicyWithLayers, StepParams } from '../../src/index.js';
import { Command, policyView, policyWithLayersView, workingHoursView } from './model-routing-state.js';
import {
  access,
  type Actor,
  badRequest,
  clientFor,
  type Condition,
  conflict,
  type Creator,
  creatorClient,
  creatorOrg,
  type DeleteRef,
  type Expected,
  fresh,
  INVALID,
  INVALID_TARGET,
  isoNow,
  type Link,
  liveIn,
  type Model,
  type ModelLayer,
  type ModelPolicy,
  NAME_CONFLICT,
  NO_SUCH,
  NOT_FOUND,
  OK,
  type OrgIndex,
  perform,
  policyRouted,
  type Real,
  type Ref,
  resolveDeletable,
  resolveLink,
  resolveRef,
  taken,
  UNAUTHORIZED,
  type Window,
  workingHoursInUse,
} from './model-routing-world.js';

/**
 * The commands about working hours and escalation policies (written as steps, and a users layer or
 * a layer's condition through the layer endpoints). Each predicts its outcome from the model, in the
 * order the SDK and the mock check things (the SDK's schema, the key, the record, names, then the
 * ids the body names, in body order), runs the SDK call, and applies a success to the model.
 */

// ---------------------------------------------------------------------------------------------
// Bodies, built from choices.

export const TIME_ZONES = ['Europe/London', 'Asia/Tokyo', 'UTC', 'America/New_York', 'EST', 'UTC+5'] as const;
export type TimeZoneChoice = (typeof TIME_ZONES)[number];
/** An abbreviation and an offset are not IANA names: the SDK refuses them. */
const validZone = (zone: TimeZoneChoice) => zone !== 'EST' && zone !== 'UTC+5';

export const WINDOWS = {
  office: { valid: true, windows: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }] },
  overnight: { valid: true, windows: [{ days: [7], start: '22:00', end: '06:00' }] },
  split: { valid: true, windows: [{ days: [6, 7], start: '00:00', end: '00:00' }, { days: [3, 1], start: '08:30', end: '12:00' }] },
  none: { valid: false, windows: [] },
  repeatedDay: { valid: false, windows: [{ days: [2, 2], start: '09:00', end: '17:00' }] },
  badDay: { valid: false, windows: [{ days: [8], start: '09:00', end: '17:00' }] },
  badTime: { valid: false, windows: [{ days: [1], start: '24:00', end: '01:00' }] },
} satisfies Record<string, { valid: boolean; windows: Window[] }>;
export type WindowsChoice = keyof typeof WINDOWS;
const copyWindows = (windows: readonly Window[]): Window[] => windows.map(({ days, start, end }) => ({ days: [...days], start, end }));

export type ConditionChoice = { hours: Link; when: 'during' | 'outside' };
export const resolveCondition = (m: Model, org: OrgIndex, choice: ConditionChoice): Condition => ({
  workingHoursId: resolveLink(m.workingHours, m.deleted.workingHours, NO_SUCH.workingHours, org, choice.hours),
  when: choice.when,
});
/** A condition naming working hours that are not the org's live ones is 400 `invalid_working_hours`. */
export const conditionRefused = (m: Model, org: OrgIndex, condition: Condition | null | undefined) =>
  condition ? !liveIn(m.workingHours, org, condition.workingHoursId) : false;

export type StepChoice = { schedule: 0 | 1 | 'foreign' | 'unknown'; seconds: number; condition: ConditionChoice | null };
/** `misnumbered` starts the positions at 2; `fifty` and `fiftyOne` repeat the last step up to that length. */
export type StepsChoice = { steps: StepChoice[]; shape: 'asIs' | 'misnumbered' | 'fifty' | 'fiftyOne' };

const resolveSteps = (m: Model, org: OrgIndex, choice: StepsChoice): StepParams[] => {
  const own = m.env.orgs[org];
  const base = choice.steps.map((step): Omit<StepParams, 'position'> => ({
    targetType: 'schedule',
    targetId:
      step.schedule === 'foreign' ? m.env.orgs[(1 - org) as OrgIndex].scheduleIds[0]
      : step.schedule === 'unknown' ? NO_SUCH.schedule
      : own.scheduleIds[step.schedule],
    escalateAfterSeconds: step.seconds,
    condition: step.condition && resolveCondition(m, org, step.condition),
  }));
  const length = choice.shape === 'fifty' ? 50 : choice.shape === 'fiftyOne' ? 51 : base.length;
  const last = base.at(-1) ?? { targetType: 'schedule' as const, targetId: own.scheduleIds[0], escalateAfterSeconds: 300, condition: null };
  return Array.from({ length }, (_, index) => ({
    position: index + (choice.shape === 'misnumbered' ? 2 : 1),
    ...(base[index] ?? last),
  }));
};

const validSeconds = (seconds: number) => Number.isInteger(seconds) && seconds >= 60 && seconds <= 10080 * 60 && seconds % 60 === 0;
/** What the SDK's schema refuses: positions other than 1..n, a bad timeout, more than 50 steps. */
const stepsInvalid = (steps: readonly StepParams[]) =>
  steps.length > 50 || steps.some((step, index) => step.position !== index + 1 || !validSeconds(step.escalateAfterSeconds));
/** The mock checks each step in order: its schedule, then its working hours. */
const stepsRefusal = (m: Model, org: OrgIndex, steps: readonly StepParams[]): Expected | undefined => {
  for (const step of steps) {
    if (!m.env.orgs[org].scheduleIds.includes(step.targetId)) return INVALID_TARGET;
    if (conditionRefused(m, org, step.condition)) return badRequest('invalid_working_hours');
  }
  return undefined;
};

/** The policy's layers become the steps: the layer at each position keeps its id and `createdAt`. */
const applySteps = (m: Model, policy: ModelPolicy, steps: readonly StepParams[], answer: CreatedPolicy | PolicyWithLayers, label: string) => {
  const now = isoNow(m);
  expect(answer.steps?.length, `${label}: steps answered`).toBe(steps.length);
  m.deleted.layers.push(...policy.layers.slice(steps.length).map((layer) => layer.id));
  policy.layers = steps.map((step, index): ModelLayer => {
    const existing = policy.layers[index];
    const id = existing?.id ?? answer.steps![index]!.id;
    if (!existing) fresh(m, id, `${label}: step ${index + 1}`);
    return {
      id,
      ackTimeoutMinutes: step.escalateAfterSeconds / 60,
      target: { type: 'schedule', scheduleId: step.targetId },
      condition: step.condition ? { workingHoursId: step.condition.workingHoursId, when: step.condition.when } : null,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
  });
};

// ---------------------------------------------------------------------------------------------
// The commands.

export class CreateWorkingHours extends Command {
  constructor(readonly as: Creator, readonly name: number, readonly zone: TimeZoneChoice, readonly windows: WindowsChoice) {
    super();
  }
  async apply(m: Model, r: Real) {
    const org = creatorOrg(this.as);
    const name = `Hours ${this.name}`;
    const expected =
      !validZone(this.zone) || !WINDOWS[this.windows].valid ? INVALID
      : this.as === 'wrong' ? UNAUTHORIZED
      : taken(m.workingHours, org, name) ? NAME_CONFLICT
      : OK;
    const windows = copyWindows(WINDOWS[this.windows].windows);
    const created = await perform(r, expected, this.toString(), () => creatorClient(r, this.as).workingHours.create({ name, timezone: this.zone, windows }));
    if (created) {
      fresh(m, created.id, this.toString());
      const set = { id: created.id, org, name, timezone: this.zone, windows, createdAt: isoNow(m), updatedAt: isoNow(m) };
      m.workingHours.push(set);
      expect(created, this.toString()).toStrictEqual(workingHoursView(m, set));
    }
  }
  toString() {
    return `CreateWorkingHours(as ${this.as}, "Hours ${this.name}", ${this.zone}, ${this.windows})`;
  }
}

export class UpdateWorkingHours extends Command {
  constructor(readonly ref: Ref, readonly as: Actor, readonly name?: number, readonly zone?: TimeZoneChoice, readonly windows?: WindowsChoice) {
    super();
  }
  async apply(m: Model, r: Real) {
    const { id, record } = resolveRef(m.workingHours, m.deleted.workingHours, NO_SUCH.workingHours, this.ref);
    const name = this.name === undefined ? undefined : `Hours ${this.name}`;
    const expected =
      (name === undefined && this.zone === undefined && this.windows === undefined) ||
      (this.zone !== undefined && !validZone(this.zone)) ||
      (this.windows !== undefined && !WINDOWS[this.windows].valid) ? INVALID
      : access(record, this.as) ?? (name !== undefined && taken(m.workingHours, record!.org, name, id) ? NAME_CONFLICT : OK);
    const windows = this.windows === undefined ? undefined : copyWindows(WINDOWS[this.windows].windows);
    const params = { ...(name !== undefined && { name }), ...(this.zone !== undefined && { timezone: this.zone }), ...(windows && { windows }) };
    const label = `${this} on ${id}`;
    const updated = await perform(r, expected, label, () => clientFor(r, record?.org ?? 0, this.as).workingHours.update(id, params));
    if (updated && record) {
      Object.assign(record, params, { updatedAt: isoNow(m) });
      expect(updated, label).toStrictEqual(workingHoursView(m, record));
    }
  }
  toString() {
    return `UpdateWorkingHours(${JSON.stringify(this.ref)}, as ${this.as}, name ${this.name ?? '-'}, zone ${this.zone ?? '-'}, windows ${this.windows ?? '-'})`;
  }
}

export class DeleteWorkingHours extends Command {
  constructor(readonly ref: DeleteRef, readonly as: Actor) {
    super();
  }
  async apply(m: Model, r: Real) {
    const { id, record } = resolveDeletable(m.workingHours, m.deleted.workingHours, NO_SUCH.workingHours, this.ref, {
      free: (set) => !workingHoursInUse(m, set.org, set.id),
      held: (set) => workingHoursInUse(m, set.org, set.id),
    });
    const expected = access(record, this.as) ?? (workingHoursInUse(m, record!.org, id) ? conflict('working_hours_in_use') : OK);
    await perform(r, expected, `${this} on ${id}`, () => clientFor(r, record?.org ?? 0, this.as).workingHours.delete(id));
    if (expected.kind === 'ok') {
      m.workingHours = m.workingHours.filter((set) => set.id !== id);
      m.deleted.workingHours.push(id);
    }
  }
  toString() {
    return `DeleteWorkingHours(${JSON.stringify(this.ref)}, as ${this.as})`;
  }
}

export class CreatePolicy extends Command {
  constructor(readonly as: Creator, readonly name: number, readonly description: string | null | undefined, readonly steps: StepsChoice | undefined) {
    super();
  }
  async apply(m: Model, r: Real) {
    const org = creatorOrg(this.as);
    const name = `Policy ${this.name}`;
    const steps = this.steps && resolveSteps(m, org, this.steps);
    const expected =
      steps && stepsInvalid(steps) ? INVALID
      : this.as === 'wrong' ? UNAUTHORIZED
      : taken(m.policies, org, name) ? NAME_CONFLICT
      : (steps && stepsRefusal(m, org, steps)) ?? OK;
    const params = { name, ...(this.description !== undefined && { description: this.description }), ...(steps && { steps }) };
    const label = `${this}: ${steps?.length ?? 'no'} steps`;
    const created = await perform(r, expected, label, () => creatorClient(r, this.as).policies.create(params));
    if (created) {
      fresh(m, created.id, label);
      const now = isoNow(m);
      const policy: ModelPolicy = { id: created.id, org, name, description: this.description ?? null, layers: [], createdAt: now, updatedAt: now };
      m.policies.push(policy);
      if (steps) applySteps(m, policy, steps, created, label);
      // The documented `Policy` for a plain create; the whole record when the provider's `steps` were sent.
      expect(created, label).toStrictEqual(steps ? policyWithLayersView(m, policy) : policyView(m, policy));
    }
  }
  toString() {
    return `CreatePolicy(as ${this.as}, "Policy ${this.name}", description ${JSON.stringify(this.description)}, steps ${JSON.stringify(this.steps)})`;
  }
}

/** `name`: `Policy <n>`, or (undefined) the name the policy has, as the provider sends it on every update. */
export class ReplacePolicy extends Command {
  constructor(readonly ref: Ref, readonly as: Actor, readonly name: number | undefined, readonly description: string | null, readonly steps: StepsChoice) {
    super();
  }
  async apply(m: Model, r: Real) {
    const { id, record } = resolveRef(m.policies, m.deleted.policies, NO_SUCH.policy, this.ref);
    const org = record?.org ?? 0;
    const name = this.name === undefined ? (record?.name ?? 'Policy 0') : `Policy ${this.name}`;
    // Ids in the body are resolved for the org the request reaches: the other org's key sends its own.
    const steps = resolveSteps(m, this.as === 'other' ? (1 - org) as OrgIndex : org, this.steps);
    const expected =
      stepsInvalid(steps) ? INVALID
      : access(record, this.as) ?? (taken(m.policies, org, name, id) ? NAME_CONFLICT : stepsRefusal(m, org, steps) ?? OK);
    const label = `${this} on ${id}: ${steps.length} steps`;
    const replaced = await perform(r, expected, label, () => clientFor(r, org, this.as).policies.replace(id, { name, description: this.description, steps }));
    if (replaced && record) {
      Object.assign(record, { name, description: this.description, updatedAt: isoNow(m) });
      applySteps(m, record, steps, replaced, label);
      expect(replaced, label).toStrictEqual(policyWithLayersView(m, record));
    }
  }
  toString() {
    return `ReplacePolicy(${JSON.stringify(this.ref)}, as ${this.as}, ${this.name === undefined ? 'same name' : `"Policy ${this.name}"`}, description ${JSON.stringify(this.description)}, steps ${JSON.stringify(this.steps)})`;
  }
}

export class DeletePolicy extends Command {
  constructor(readonly ref: DeleteRef, readonly as: Actor) {
    super();
  }
  async apply(m: Model, r: Real) {
    const { id, record } = resolveDeletable(m.policies, m.deleted.policies, NO_SUCH.policy, this.ref, {
      free: (policy) => !policyRouted(m, policy.org, policy.id),
      held: (policy) => policyRouted(m, policy.org, policy.id),
    });
    const expected = access(record, this.as) ?? (policyRouted(m, record!.org, id) ? conflict('escalation_policy_in_use') : OK);
    await perform(r, expected, `${this} on ${id}`, () => clientFor(r, record?.org ?? 0, this.as).policies.delete(id));
    if (expected.kind === 'ok' && record) {
      m.policies = m.policies.filter((policy) => policy !== record);
      m.deleted.policies.push(id);
      m.deleted.layers.push(...record.layers.map((layer) => layer.id));
    }
  }
  toString() {
    return `DeletePolicy(${JSON.stringify(this.ref)}, as ${this.as})`;
  }
}

export type PositionChoice = { at: number } | { past: number } | 'zero';

/** A users layer, through the layer endpoint: steps must show it too, and a replace turns it into a schedule step. */
export class AddUsersLayer extends Command {
  constructor(readonly ref: Ref, readonly as: Actor, readonly position: PositionChoice, readonly minutes: number, readonly condition: ConditionChoice | null) {
    super();
  }
  async apply(m: Model, r: Real) {
    const { id, record } = resolveRef(m.policies, m.deleted.policies, NO_SUCH.policy, this.ref);
    const org = record?.org ?? 0;
    const length = record?.layers.length ?? 0;
    const position = this.position === 'zero' ? 0 : 'at' in this.position ? (this.position.at % (length + 1)) + 1 : length + 1 + this.position.past;
    const condition = this.condition && resolveCondition(m, this.as === 'other' ? (1 - org) as OrgIndex : org, this.condition);
    const { adminId, memberId } = m.env.orgs[org];
    const target: LayerTarget = { type: 'users', userIds: [memberId, adminId] };
    const expected =
      position < 1 ? INVALID
      : access(record, this.as) ??
        (length >= 50 ? badRequest('layer_limit_reached')
        : position > length + 1 ? badRequest('invalid_position')
        : conditionRefused(m, org, condition) ? badRequest('invalid_working_hours')
        : OK);
    const label = `${this} on ${id} at ${position}`;
    const layer = await perform(r, expected, label, () =>
      clientFor(r, org, this.as).policies.layers.create(id, { position, ackTimeoutMinutes: this.minutes, target, ...(condition && { condition }) }));
    if (layer && record) {
      fresh(m, layer.id, label);
      const now = isoNow(m);
      record.layers.splice(position - 1, 0, { id: layer.id, ackTimeoutMinutes: this.minutes, target, condition, createdAt: now, updatedAt: now });
      // The layers that moved down are written too.
      for (const moved of record.layers.slice(position)) moved.updatedAt = now;
    }
  }
  toString() {
    return `AddUsersLayer(${JSON.stringify(this.ref)}, as ${this.as}, position ${JSON.stringify(this.position)}, ${this.minutes} min, condition ${JSON.stringify(this.condition)})`;
  }
}

/** `own`: a layer of the policy (if it has any); `any`: also deleted layers, other policies' layers, an unknown id. */
export type LayerChoice = { own: number } | { any: number };

/** Gates a layer (or clears its gate) through `PATCH …/layers/{id}`: the step shows the same condition. */
export class SetLayerCondition extends Command {
  constructor(readonly ref: Ref, readonly layer: LayerChoice, readonly as: Actor, readonly condition: ConditionChoice | null) {
    super();
  }
  async apply(m: Model, r: Real) {
    // A live choice means a policy with layers, when there is one: most policies have none.
    const layered = m.policies.filter((policy) => policy.layers.length > 0);
    const { id, record } = resolveRef(layered.length > 0 && 'live' in this.ref ? layered : m.policies, m.deleted.policies, NO_SUCH.policy, this.ref);
    const org = record?.org ?? 0;
    const own = record?.layers.map((layer) => layer.id) ?? [];
    const layerIds = 'own' in this.layer && own.length > 0 ? own
      : [...own, ...m.deleted.layers, ...m.policies.filter((policy) => policy !== record).flatMap((policy) => policy.layers.map((layer) => layer.id)), NO_SUCH.layer];
    const layerId = layerIds[('own' in this.layer ? this.layer.own : this.layer.any) % layerIds.length]!;
    const existing = record?.layers.find((layer) => layer.id === layerId);
    const condition = this.condition && resolveCondition(m, this.as === 'other' ? (1 - org) as OrgIndex : org, this.condition);
    const expected = access(record, this.as) ?? (!existing ? NOT_FOUND : conditionRefused(m, org, condition) ? badRequest('invalid_working_hours') : OK);
    const label = `${this} on ${id}/${layerId}`;
    const layer = await perform(r, expected, label, () => clientFor(r, org, this.as).policies.layers.update(id, layerId, { condition }));
    if (layer && existing) {
      Object.assign(existing, { condition, updatedAt: isoNow(m) });
      expect(layer.condition ?? null, label).toEqual(condition);
    }
  }
  toString() {
    return `SetLayerCondition(${JSON.stringify(this.ref)}, layer ${JSON.stringify(this.layer)}, as ${this.as}, ${JSON.stringify(this.condition)})`;
  }
}

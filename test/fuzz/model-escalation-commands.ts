import fc from 'fast-check';
import type { LayerTarget } from '../../src/index.js';
import {
  acknowledge,
  advanceTo,
  DAY,
  deletePolicy,
  handOff,
  HOUR,
  LIFECYCLE,
  MINUTE,
  moveStatus,
  nextDue,
  openIncident,
  scheduleOwner,
  type MCondition,
  type MIncident,
  type Model,
  type MPolicy,
  type OrgIndex,
} from './model-escalation-model.js';
import { adminClient, api, checkAgainstModel, clientOf, HOURS_PRESETS, minutesOf, observe, OK, perform, type Expected, type Real } from './model-escalation-world.js';

/**
 * The commands of `model-escalation.test.ts`: each makes its SDK calls, predicts their outcome,
 * applies the same change to the model, and then has the mock compared with the model. Their
 * choices are numbers resolved against the model when they run, so that any sequence stays
 * meaningful, and so does a shrunk one.
 */

const NO_SUCH_POLICY = 'pol_never_existed_0000';

export type Cmd = fc.AsyncCommand<Model, Real>;

/**
 * Every command runs, then the mock is compared with the model: in full for the incident the
 * command names (`subject`) and every incident whose trail the model extended.
 */
abstract class Step implements Cmd {
  protected subject: string | undefined;
  check(): boolean {
    return true;
  }
  async run(m: Model, r: Real): Promise<void> {
    const trails = new Map(m.incidents.map((incident) => [incident.id, incident.trail.length]));
    this.subject = undefined;
    await this.apply(m, r);
    const full = new Set(m.incidents.filter((incident) => trails.get(incident.id) !== incident.trail.length).map((incident) => incident.id));
    if (this.subject !== undefined) full.add(this.subject);
    await checkAgainstModel(m, r, this.toString(), full);
  }
  abstract apply(m: Model, r: Real): Promise<void>;
  abstract toString(): string;
}

// ---------------------------------------------------------------------------------------------
// Choices, resolved against the model when a command runs (so shrinking keeps them meaningful).

/** The org's users in a fixed order (admin first), members and former members alike. */
const usersOf = (m: Model, org: OrgIndex) => m.users.filter((user) => user.org === org);
/** The item at `index` (wrapping around); `-1`: the last one, the newest. */
const pick = <T>(items: readonly T[], index: number): T | undefined =>
  items.length === 0 ? undefined : index < 0 ? items[items.length - 1] : items[index % items.length];
const isMember = (m: Model, userId: string) => m.users.some((user) => user.id === userId && user.member);

type TargetChoice = { users: number[] } | { schedule: number };
const targetArb: fc.Arbitrary<TargetChoice> = fc.oneof(
  fc.uniqueArray(fc.nat({ max: 3 }), { minLength: 1, maxLength: 3 }).map((users) => ({ users })),
  fc.nat({ max: 1 }).map((schedule) => ({ schedule })),
);
const resolveTarget = (m: Model, org: OrgIndex, choice: TargetChoice): LayerTarget =>
  'users' in choice
    ? { type: 'users', userIds: choice.users.map((index) => usersOf(m, org)[index]!.id) }
    : { type: 'schedule', scheduleId: m.schedules.filter((schedule) => schedule.org === org)[choice.schedule]!.id };
/** A users target naming a former member is refused: 400 `invalid_target`. */
const targetVerdict = (m: Model, target: LayerTarget): Expected =>
  target.type === 'users' && !target.userIds.every((userId) => isMember(m, userId)) ? api(400, 'invalid_target') : OK;

type ConditionChoice = { hours: number; when: 'during' | 'outside' } | null;
const conditionArb: fc.Arbitrary<ConditionChoice> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.record({ hours: fc.nat({ max: 1 }), when: fc.constantFrom<'during' | 'outside'>('during', 'outside') }) },
);
const resolveCondition = (m: Model, org: OrgIndex, choice: ConditionChoice): MCondition | null =>
  choice === null ? null : { workingHoursId: m.hours.filter((hours) => hours.org === org)[choice.hours]!.id, when: choice.when };

/** Mostly short, so that runs escalate through several layers; sometimes long. */
const timeoutArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(1, 2, 3, 5, 10, 15) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 240 }) },
);

const anyIncident = (m: Model, index: number): MIncident | undefined => pick(m.incidents, index);
/** An incident by index, or the newest: acting on the incident just opened is the common case. */
const incidentRef = fc.oneof(fc.nat({ max: 20 }), fc.constant(-1));

/**
 * A live policy: by index, or the one an incident escalates under (so that edits land where an
 * escalation is running). Commands on a policy do nothing when there is none.
 */
type PolicyRef = { live: number } | { of: number };
const policyRefArb: fc.Arbitrary<PolicyRef> = fc.oneof(
  fc.nat({ max: 20 }).map((live) => ({ live })),
  incidentRef.map((of) => ({ of })),
);
const livePolicy = (m: Model, ref: PolicyRef): MPolicy | undefined => {
  if ('of' in ref) {
    const policyId = anyIncident(m, ref.of)?.escalation?.policyId;
    const policy = m.policies.find((candidate) => candidate.id === policyId);
    if (policy) return policy;
  }
  return pick(m.policies, 'live' in ref ? ref.live : ref.of);
};

/** A layer of the policy: by index, or the layer at (or after) the position an incident's escalation reached. */
type LayerRef = { index: number } | { current: number; plus: 0 | 1 };
const layerRefArb: fc.Arbitrary<LayerRef> = fc.oneof(
  fc.nat({ max: 20 }).map((index) => ({ index })),
  fc.record({ current: fc.nat({ max: 20 }), plus: fc.constantFrom<0 | 1>(0, 1) }),
);
/** A position from 1 to `policy.layers.length + extra`. */
const positionOf = (m: Model, policy: MPolicy, ref: LayerRef, extra: number): number => {
  const count = policy.layers.length + extra;
  if ('current' in ref) {
    const escalation = anyIncident(m, ref.current)?.escalation;
    if (escalation?.policyId === policy.id && escalation.position !== null && escalation.position + ref.plus <= count) return escalation.position + ref.plus;
  }
  return (('index' in ref ? ref.index : ref.current) % count) + 1;
};
const layerOf = (m: Model, policy: MPolicy | undefined, ref: LayerRef) =>
  policy && policy.layers.length > 0 ? policy.layers[positionOf(m, policy, ref, 0) - 1] : undefined;

const layerBody = (ackTimeoutMinutes: number, target: LayerTarget, condition: MCondition | null) => ({
  ackTimeoutMinutes,
  target,
  ...(condition === null ? {} : { condition }),
});

// ---------------------------------------------------------------------------------------------
// Incidents.

type Opening = { policy: number } | { owner: number } | { schedule: number } | { policy: number; owner: number } | 'unknownPolicy';
const openingArb: fc.Arbitrary<Opening> = fc.oneof(
  { weight: 4, arbitrary: fc.nat({ max: 5 }).map((policy) => ({ policy })) },
  { weight: 2, arbitrary: fc.constant({ policy: -1 }) },
  { weight: 2, arbitrary: fc.nat({ max: 3 }).map((owner) => ({ owner })) },
  { weight: 3, arbitrary: fc.nat({ max: 1 }).map((schedule) => ({ schedule })) },
  { weight: 1, arbitrary: fc.record({ policy: fc.nat({ max: 5 }), owner: fc.nat({ max: 3 }) }) },
  { weight: 1, arbitrary: fc.constant<Opening>('unknownPolicy') },
);

export class OpenIncident extends Step {
  constructor(readonly org: OrgIndex, readonly how: Opening) {
    super();
  }
  async apply(m: Model, r: Real) {
    const org = this.org;
    const own = m.policies.filter((policy) => policy.org === org);
    const how = this.how;
    let params: { ownerId?: string; escalationPolicyId?: string; ownerScheduleId?: string } = {};
    let ownerId: string | null = null;
    let policyId: string | null = null;
    let expected: Expected = OK;
    if (how === 'unknownPolicy') {
      params = { escalationPolicyId: NO_SUCH_POLICY };
      expected = api(404, 'not_found');
    } else {
      if ('owner' in how) {
        ownerId = usersOf(m, org)[how.owner]!.id;
        params.ownerId = ownerId;
        if (!isMember(m, ownerId)) expected = api(400, 'invalid_owner');
      }
      if ('policy' in how) {
        const policy = pick(own, how.policy);
        // With no policy left in the org, an opening by policy becomes one by the admin.
        if (policy) {
          policyId = policy.id;
          params.escalationPolicyId = policy.id;
        } else if (!('owner' in how)) {
          ownerId = m.orgs[org].adminId;
          params.ownerId = ownerId;
        }
      }
      if ('schedule' in how) {
        const schedule = m.schedules.filter((candidate) => candidate.org === org)[how.schedule]!;
        params.ownerScheduleId = schedule.id;
        ownerId = scheduleOwner(schedule, m.now);
        // The oldest policy whose first layer targets the schedule.
        policyId = own.find((policy) => policy.layers[0]?.target.type === 'schedule' && policy.layers[0].target.scheduleId === schedule.id)?.id ?? null;
        if (policyId !== null) observe('rule: a schedule-owned incident takes the policy paging the schedule first');
      }
    }
    const what = `${this}`;
    const created = await perform(expected, what, () => adminClient(m, r, org).incidents.create({ title: 'Something broke', severity: 'high', ...params }));
    if (!created) return;
    openIncident(m, { id: created.id, org, status: 'investigating', ownerId, escalationPolicyId: policyId, acknowledgedBy: null, acknowledgedAt: null, escalation: null, trail: [] }, m.orgs[org].adminId);
  }
  toString() {
    return `OpenIncident(org ${this.org}, ${JSON.stringify(this.how)})`;
  }
}

export class Acknowledge extends Step {
  constructor(readonly incident: number, readonly as: number) {
    super();
  }
  async apply(m: Model, r: Real) {
    const incident = anyIncident(m, this.incident);
    if (!incident) return;
    this.subject = incident.id;
    const user = usersOf(m, incident.org)[this.as]!;
    // A former member's key was revoked with their membership.
    const expected = user.member ? OK : api(401, 'invalid_api_key');
    const detail = await perform(expected, `${this} on ${incident.id}`, () => clientOf(r, user.id).incidents.acknowledge(incident.id));
    if (!detail) return;
    const outcome = acknowledge(m, incident, user.id);
    observe(`Acknowledge ${outcome}`);
  }
  toString() {
    return `Acknowledge(incident ${this.incident}, as user ${this.as})`;
  }
}

export class HandOff extends Step {
  constructor(readonly incident: number, readonly to: number) {
    super();
  }
  async apply(m: Model, r: Real) {
    const incident = anyIncident(m, this.incident);
    if (!incident) return;
    this.subject = incident.id;
    const target = usersOf(m, incident.org)[this.to]!;
    const expected =
      incident.status === 'resolved' ? api(400, 'incident_resolved') : target.member ? OK : api(400, 'invalid_target_user');
    const admin = m.orgs[incident.org].adminId;
    const handed = await perform(expected, `${this} on ${incident.id}`, () => clientOf(r, admin).incidents.handoff(incident.id, { targetUserId: target.id }));
    if (handed) handOff(m, incident, admin, target.id);
  }
  toString() {
    return `HandOff(incident ${this.incident}, to user ${this.to})`;
  }
}

type Move = 'next' | 'resolve' | 'skip';

export class MoveStatus extends Step {
  constructor(readonly incident: number, readonly move: Move, readonly viaUpdate: boolean) {
    super();
  }
  async apply(m: Model, r: Real) {
    const incident = anyIncident(m, this.incident);
    if (!incident) return;
    this.subject = incident.id;
    const admin = m.orgs[incident.org].adminId;
    const scaling = clientOf(r, admin);
    const from = LIFECYCLE.indexOf(incident.status);
    const targets = this.move === 'skip' ? [LIFECYCLE[(from + 2) % 4]!] : this.move === 'next' ? [LIFECYCLE[from + 1] ?? 'resolved'] : LIFECYCLE.slice(from + 1);
    if (targets.length === 0) targets.push('resolved');
    for (const to of targets) {
      const legal = LIFECYCLE.indexOf(to) === LIFECYCLE.indexOf(incident.status) + 1;
      // A resolved incident takes no update at all; the status route answers the transition.
      const expected = this.viaUpdate && incident.status === 'resolved' ? api(400, 'incident_resolved') : legal ? OK : api(400, 'invalid_status_transition');
      const what = `${this} on ${incident.id}: ${incident.status} → ${to}`;
      const done = await perform<unknown>(expected, what, () =>
        this.viaUpdate
          ? scaling.incidents.updates.create(incident.id, { statusChange: to, visibility: 'internal' })
          : scaling.incidents.updateStatus(incident.id, { status: to }));
      if (!done) return;
      moveStatus(m, incident, admin, to);
    }
  }
  toString() {
    return `MoveStatus(incident ${this.incident}, ${this.move}${this.viaUpdate ? ', by an update' : ''})`;
  }
}

// ---------------------------------------------------------------------------------------------
// Policies and their layers, edited while incidents escalate.

type LayerSpec = { minutes: number; target: TargetChoice; condition: ConditionChoice };
const layerSpecArb: fc.Arbitrary<LayerSpec> = fc.record({ minutes: timeoutArb, target: targetArb, condition: conditionArb });

export class CreatePolicy extends Step {
  constructor(readonly org: OrgIndex, readonly layers: readonly LayerSpec[]) {
    super();
  }
  async apply(m: Model, r: Real) {
    const scaling = adminClient(m, r, this.org);
    const name = `Policy ${m.policiesMade++}`;
    const policy = await perform(OK, `${this}`, () => scaling.policies.create({ name }));
    if (!policy) return;
    const model: MPolicy = { id: policy.id, org: this.org, name, layers: [] };
    m.policies.push(model);
    for (const spec of this.layers) await createLayer(m, r, `${this}`, model, model.layers.length + 1, spec);
  }
  toString() {
    return `CreatePolicy(org ${this.org}, ${JSON.stringify(this.layers)})`;
  }
}

const createLayer = async (m: Model, r: Real, what: string, policy: MPolicy, position: number, spec: LayerSpec) => {
  const target = resolveTarget(m, policy.org, spec.target);
  const condition = resolveCondition(m, policy.org, spec.condition);
  const expected = targetVerdict(m, target);
  const layer = await perform(expected, `CreateLayer(${what}) at ${position}`, () =>
    adminClient(m, r, policy.org).policies.layers.create(policy.id, { position, ...layerBody(spec.minutes, target, condition) }));
  if (layer) policy.layers.splice(position - 1, 0, { id: layer.id, ackTimeoutMinutes: spec.minutes, target, condition });
};

export class CreateLayer extends Step {
  constructor(readonly policy: PolicyRef, readonly position: LayerRef, readonly spec: LayerSpec) {
    super();
  }
  async apply(m: Model, r: Real) {
    const policy = livePolicy(m, this.policy);
    if (!policy || policy.layers.length >= 6) return;
    await createLayer(m, r, `${this}`, policy, positionOf(m, policy, this.position, 1), this.spec);
  }
  toString() {
    return `CreateLayer(policy ${JSON.stringify(this.policy)}, position ${JSON.stringify(this.position)}, ${JSON.stringify(this.spec)})`;
  }
}

type LayerChange = { minutes?: number; target?: TargetChoice; condition?: ConditionChoice };
const layerChangeArb: fc.Arbitrary<LayerChange> = fc
  .record({ minutes: timeoutArb, target: targetArb, condition: conditionArb }, { requiredKeys: [] })
  .filter((change) => Object.keys(change).length > 0);

export class UpdateLayer extends Step {
  constructor(readonly policy: PolicyRef, readonly layer: LayerRef, readonly change: LayerChange) {
    super();
  }
  async apply(m: Model, r: Real) {
    const policy = livePolicy(m, this.policy);
    const layer = layerOf(m, policy, this.layer);
    if (!policy || !layer) return;
    const target = this.change.target === undefined ? undefined : resolveTarget(m, policy.org, this.change.target);
    const condition = this.change.condition === undefined ? undefined : resolveCondition(m, policy.org, this.change.condition);
    const expected = target ? targetVerdict(m, target) : OK;
    const params = {
      ...(this.change.minutes === undefined ? {} : { ackTimeoutMinutes: this.change.minutes }),
      ...(target === undefined ? {} : { target }),
      ...(condition === undefined ? {} : { condition }),
    };
    const updated = await perform(expected, `${this} on ${layer.id}`, () => adminClient(m, r, policy.org).policies.layers.update(policy.id, layer.id, params));
    if (!updated) return;
    if (this.change.minutes !== undefined) layer.ackTimeoutMinutes = this.change.minutes;
    if (target) layer.target = target;
    if (condition !== undefined) layer.condition = condition;
  }
  toString() {
    return `UpdateLayer(policy ${JSON.stringify(this.policy)}, layer ${JSON.stringify(this.layer)}, ${JSON.stringify(this.change)})`;
  }
}

export class DeleteLayer extends Step {
  constructor(readonly policy: PolicyRef, readonly layer: LayerRef) {
    super();
  }
  async apply(m: Model, r: Real) {
    const policy = livePolicy(m, this.policy);
    const layer = layerOf(m, policy, this.layer);
    if (!policy || !layer) return;
    await perform(OK, `${this} on ${layer.id}`, () => adminClient(m, r, policy.org).policies.layers.delete(policy.id, layer.id));
    policy.layers.splice(policy.layers.indexOf(layer), 1);
  }
  toString() {
    return `DeleteLayer(policy ${JSON.stringify(this.policy)}, layer ${JSON.stringify(this.layer)})`;
  }
}

export class ReorderLayers extends Step {
  constructor(readonly policy: PolicyRef, readonly keys: readonly number[]) {
    super();
  }
  async apply(m: Model, r: Real) {
    const policy = livePolicy(m, this.policy);
    if (!policy || policy.layers.length === 0) return;
    const order = policy.layers
      .map((layer, index) => ({ layer, key: this.keys[index % this.keys.length] ?? 0, index }))
      .sort((a, b) => a.key - b.key || a.index - b.index)
      .map(({ layer }) => layer);
    await perform(OK, `${this} on ${policy.id}`, () => adminClient(m, r, policy.org).policies.layers.reorder(policy.id, { layerIds: order.map((layer) => layer.id) }));
    policy.layers = order;
  }
  toString() {
    return `ReorderLayers(policy ${JSON.stringify(this.policy)}, keys ${JSON.stringify(this.keys)})`;
  }
}

export class DeletePolicy extends Step {
  constructor(readonly policy: PolicyRef) {
    super();
  }
  async apply(m: Model, r: Real) {
    const policy = livePolicy(m, this.policy);
    if (!policy) return;
    await perform(OK, `${this} on ${policy.id}`, () => adminClient(m, r, policy.org).policies.delete(policy.id));
    deletePolicy(m, policy);
  }
  toString() {
    return `DeletePolicy(policy ${JSON.stringify(this.policy)})`;
  }
}

// ---------------------------------------------------------------------------------------------
// Schedules, working hours and members, changed between pages.

export class EditScheduleLayer extends Step {
  constructor(readonly schedule: number, readonly layer: number, readonly participants: readonly number[] | undefined, readonly handoffTime: string | undefined) {
    super();
  }
  async apply(m: Model, r: Real) {
    const schedule = m.schedules[this.schedule % m.schedules.length]!;
    const layer = schedule.layers[this.layer % schedule.layers.length]!;
    const participantIds = this.participants?.map((index) => usersOf(m, schedule.org)[index]!.id);
    const expected = participantIds && !participantIds.every((userId) => isMember(m, userId)) ? api(400, 'invalid_participant') : OK;
    const params = { ...(participantIds ? { participantIds } : {}), ...(this.handoffTime ? { handoffTime: this.handoffTime } : {}) };
    const updated = await perform(expected, `${this} on ${schedule.id}/${layer.id}`, () => adminClient(m, r, schedule.org).schedules.layers.update(schedule.id, layer.id, params));
    if (!updated) return;
    if (participantIds) layer.participantIds = participantIds;
    if (this.handoffTime) layer.handoff = minutesOf(this.handoffTime);
  }
  toString() {
    return `EditScheduleLayer(schedule ${this.schedule}, layer ${this.layer}, participants ${JSON.stringify(this.participants)}, handoff ${this.handoffTime ?? '-'})`;
  }
}

export class EditHours extends Step {
  constructor(readonly hours: number, readonly preset: number) {
    super();
  }
  async apply(m: Model, r: Real) {
    const hours = m.hours[this.hours % m.hours.length]!;
    const preset = HOURS_PRESETS[this.preset % HOURS_PRESETS.length]!;
    await perform(OK, `${this} on ${hours.id}`, () =>
      adminClient(m, r, hours.org).workingHours.update(hours.id, { timezone: preset.timezone, windows: preset.windows.map((window) => ({ ...window, days: [...window.days] })) }));
    hours.timezone = preset.timezone;
    hours.offset = preset.offset;
    hours.windows = preset.windows.map(({ days, start, end }) => ({ days: [...days], start: minutesOf(start), end: minutesOf(end) }));
  }
  toString() {
    return `EditHours(hours ${this.hours}, preset ${this.preset})`;
  }
}

export class RemoveMember extends Step {
  constructor(readonly org: OrgIndex, readonly user: number) {
    super();
  }
  async apply(m: Model, r: Real) {
    // A member other than the admin (who acts for the org); when none is left, a former one.
    const others = usersOf(m, this.org).slice(1);
    const members = others.filter((user) => user.member);
    const user = pick(members.length > 0 ? members : others, this.user)!;
    const expected = user.member ? OK : api(404, 'not_found');
    await perform(expected, `${this} on ${user.id}`, () => adminClient(m, r, this.org).team.members.remove(user.id));
    user.member = false;
  }
  toString() {
    return `RemoveMember(org ${this.org}, user ${this.user})`;
  }
}

// ---------------------------------------------------------------------------------------------
// Time.

/** `due`: to the next timer's instant, give or take a millisecond; the rest are plain durations. */
type Advance = { ms: number } | { due: -1 | 0 | 1 };
const advanceArb: fc.Arbitrary<Advance> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<-1 | 0 | 1>(-1, 0, 0, 1).map((due) => ({ due })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 * MINUTE }).map((ms) => ({ ms })) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 30 }).map((minutes) => ({ ms: minutes * MINUTE })) },
  { weight: 1, arbitrary: fc.integer({ min: HOUR, max: 3 * DAY }).map((ms) => ({ ms })) },
);

export class AdvanceClock extends Step {
  constructor(readonly by: Advance) {
    super();
  }
  async apply(m: Model, r: Real) {
    const due = nextDue(m);
    const ms = 'ms' in this.by ? this.by.ms : due === undefined ? MINUTE : Math.max(0, due - m.now + this.by.due);
    const pagesBefore = m.pages.length;
    await r.mock.clock.advance(ms);
    advanceTo(m, m.now + ms);
    observe(`AdvanceClock ${m.pages.length > pagesBefore ? 'paged' : 'quiet'}${'due' in this.by && due !== undefined ? ` at due${this.by.due < 0 ? '-1' : this.by.due > 0 ? '+1' : ''}` : ''}`);
  }
  toString() {
    return `AdvanceClock(${JSON.stringify(this.by)})`;
  }
}

// ---------------------------------------------------------------------------------------------

const orgArb = fc.constantFrom<OrgIndex>(0, 0, 0, 1);

const userRef = fc.nat({ max: 3 });
const handoffTimeArb = fc.constantFrom('09:00', '10:00', '10:05', '21:30', '00:00');

/** Listed more than once where a command should come up more often: `fc.commands` picks an entry uniformly. */
export const commandArbs: Array<fc.Arbitrary<Cmd>> = [
  ...Array.from({ length: 4 }, () => fc.tuple(orgArb, openingArb).map(([org, how]) => new OpenIncident(org, how))),
  ...Array.from({ length: 2 }, () => fc.tuple(incidentRef, userRef).map(([incident, as]) => new Acknowledge(incident, as))),
  ...Array.from({ length: 3 }, () => fc.tuple(incidentRef, userRef).map(([incident, to]) => new HandOff(incident, to))),
  ...Array.from({ length: 3 }, () =>
    fc.tuple(incidentRef, fc.constantFrom<Move>('next', 'resolve', 'skip'), fc.boolean()).map(([incident, move, viaUpdate]) => new MoveStatus(incident, move, viaUpdate))),
  ...Array.from({ length: 2 }, () =>
    fc.tuple(orgArb, fc.oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 3, arbitrary: fc.array(layerSpecArb, { minLength: 1, maxLength: 4 }) }))
      .map(([org, layers]) => new CreatePolicy(org, layers))),
  ...Array.from({ length: 2 }, () =>
    fc.tuple(policyRefArb, layerRefArb, layerSpecArb).map(([policy, position, spec]) => new CreateLayer(policy, position, spec))),
  ...Array.from({ length: 2 }, () =>
    fc.tuple(policyRefArb, layerRefArb, layerChangeArb).map(([policy, layer, change]) => new UpdateLayer(policy, layer, change))),
  ...Array.from({ length: 2 }, () => fc.tuple(policyRefArb, layerRefArb).map(([policy, layer]) => new DeleteLayer(policy, layer))),
  fc.tuple(policyRefArb, fc.array(fc.nat({ max: 9 }), { minLength: 1, maxLength: 6 })).map(([policy, keys]) => new ReorderLayers(policy, keys)),
  policyRefArb.map((policy) => new DeletePolicy(policy)),
  fc.tuple(fc.nat({ max: 3 }), fc.nat({ max: 1 }), fc.option(fc.uniqueArray(userRef, { minLength: 1, maxLength: 3 }), { nil: undefined }), fc.option(handoffTimeArb, { nil: undefined }))
    .filter(([, , participants, handoffTime]) => participants !== undefined || handoffTime !== undefined)
    .map(([schedule, layer, participants, handoffTime]) => new EditScheduleLayer(schedule, layer, participants, handoffTime)),
  fc.tuple(fc.nat({ max: 3 }), fc.nat({ max: 3 })).map(([hours, preset]) => new EditHours(hours, preset)),
  ...Array.from({ length: 2 }, () => fc.tuple(orgArb, fc.nat({ max: 2 })).map(([org, user]) => new RemoveMember(org, user))),
  ...Array.from({ length: 7 }, () => advanceArb.map((by) => new AdvanceClock(by))),
];


import type { LayerTarget } from '../../src/index.js';

/**
 * The reference model of the escalation engine, for `model-escalation.test.ts`: plain data and plain
 * code written from the rules of docs/decisions.md ("Escalation (the mock's engine)" 1–7, "On-call schedules",
 * working hours), sharing nothing with `mocks/engine` or `src/escalation`. Schedules and working
 * hours use zones with a fixed offset (no DST), so who is on call and whether a window is open are a
 * few lines of arithmetic here.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export type OrgIndex = 0 | 1;

export type MUser = { id: string; org: OrgIndex; key: string; member: boolean };

export type MScheduleLayer = {
  id: string;
  participantIds: string[];
  rotationDays: number;
  /** Minutes after local midnight. */
  handoff: number;
  from: number;
  until: number | null;
};
export type MSchedule = { id: string; org: OrgIndex; timezone: string; offset: number; layers: MScheduleLayer[] };

/** Minutes after local midnight; `end <= start` runs past midnight. */
export type MWindow = { days: number[]; start: number; end: number };
export type MHours = { id: string; org: OrgIndex; timezone: string; offset: number; windows: MWindow[] };

export type MCondition = { workingHoursId: string; when: 'during' | 'outside' };
export type MLayer = { id: string; ackTimeoutMinutes: number; target: LayerTarget; condition: MCondition | null };
export type MPolicy = { id: string; org: OrgIndex; name: string; layers: MLayer[] };

export type EscalationState = 'active' | 'acknowledged' | 'exhausted' | 'resolved' | 'stopped';
export type MEscalation = {
  policyId: string;
  state: EscalationState;
  position: number | null;
  layerId: string | null;
  /** When the running timer fires; `null` when none runs. */
  due: number | null;
  /** Timers due at the same instant fire in the order they were armed. */
  armed: number;
};

export type Status = 'investigating' | 'identified' | 'monitoring' | 'resolved';
export const LIFECYCLE: readonly Status[] = ['investigating', 'identified', 'monitoring', 'resolved'];

/** One audit-trail entry as `incidents.get()` shows it, `at` in epoch ms. */
export type MTrailEntry = { type: string; at: number } & Record<string, unknown>;

export type MIncident = {
  id: string;
  org: OrgIndex;
  status: Status;
  ownerId: string | null;
  escalationPolicyId: string | null;
  acknowledgedBy: string | null;
  acknowledgedAt: number | null;
  escalation: MEscalation | null;
  trail: MTrailEntry[];
};

export type MPage = {
  incidentId: string;
  userId: string;
  layerId: string | null;
  position: number | null;
  at: number;
  reason: 'escalation' | 'handoff';
  orgId: string;
};

export type MOrg = { id: string; key: string; adminId: string };

export type Model = {
  now: number;
  orgs: readonly [MOrg, MOrg];
  users: MUser[];
  schedules: MSchedule[];
  hours: MHours[];
  /** Live policies, in creation order. */
  policies: MPolicy[];
  incidents: MIncident[];
  pages: MPage[];
  /** Counts timers armed, for the order of timers due at the same instant. */
  armed: number;
  /** Counts policies created, for fresh names. */
  policiesMade: number;
  /** How often each rule was applied: the coverage check reads them. */
  events: Map<string, number>;
};

// ---------------------------------------------------------------------------------------------
// Who is on call, and whether working hours are open: fixed-offset zones only.

const note = (m: Model, event: string) => m.events.set(event, (m.events.get(event) ?? 0) + 1);

const inForce = (layer: MScheduleLayer, at: number) => layer.from <= at && (layer.until === null || at < layer.until);

/**
 * Handoff k (k ≥ 1) is at `handoff` local time on the local day of `from` + k × rotationDays;
 * participant 0 holds the shift until handoff 1, then participant k mod n from handoff k.
 */
const onCallIn = (schedule: MSchedule, layer: MScheduleLayer, at: number): string => {
  const fromDay = Math.floor((layer.from + schedule.offset) / DAY);
  const handoffZero = fromDay * DAY + layer.handoff * MINUTE - schedule.offset;
  const shift = Math.max(0, Math.floor((at - handoffZero) / (layer.rotationDays * DAY)));
  return layer.participantIds[shift % layer.participantIds.length]!;
};

/** The paging targets: the on-call person of every layer in force, in position order, no repeats. */
export const pagingTargets = (schedule: MSchedule, at: number): string[] => {
  const targets: string[] = [];
  for (const layer of schedule.layers) {
    if (!inForce(layer, at)) continue;
    const userId = onCallIn(schedule, layer, at);
    if (!targets.includes(userId)) targets.push(userId);
  }
  return targets;
};

/** The schedule's owner: the on-call person of the first layer in force (a former member included). */
export const scheduleOwner = (schedule: MSchedule, at: number): string | null => {
  const layer = schedule.layers.find((candidate) => inForce(candidate, at));
  return layer ? onCallIn(schedule, layer, at) : null;
};

export const withinHours = (hours: MHours, at: number): boolean => {
  const local = at + hours.offset;
  const day = Math.floor(local / DAY);
  const minute = Math.floor((local - day * DAY) / MINUTE);
  // 1970-01-01 was a Thursday (ISO weekday 4).
  const today = ((day + 3) % 7) + 1;
  const yesterday = today === 1 ? 7 : today - 1;
  return hours.windows.some(({ days, start, end }) =>
    start < end
      ? days.includes(today) && minute >= start && minute < end
      : (days.includes(today) && minute >= start) || (days.includes(yesterday) && minute < end));
};

// ---------------------------------------------------------------------------------------------
// The escalation rules.

const memberIds = (m: Model) => new Set(m.users.filter((user) => user.member).map((user) => user.id));

/** Rule 5: who a target pages at `at`, current members only. */
const resolveTarget = (m: Model, target: LayerTarget, at: number): string[] => {
  const members = memberIds(m);
  if (target.type === 'users') return target.userIds.filter((userId) => members.has(userId));
  const schedule = m.schedules.find((candidate) => candidate.id === target.scheduleId);
  return schedule ? pagingTargets(schedule, at).filter((userId) => members.has(userId)) : [];
};

const conditionHolds = (m: Model, condition: MCondition, at: number) => {
  const hours = m.hours.find((candidate) => candidate.id === condition.workingHoursId);
  if (!hours) throw new Error(`model: no working hours ${condition.workingHoursId}`);
  return withinHours(hours, at) === (condition.when === 'during');
};

export const policyOf = (m: Model, policyId: string) => m.policies.find((policy) => policy.id === policyId);
const orgIdOf = (m: Model, incident: MIncident) => m.orgs[incident.org].id;

const page = (m: Model, incident: MIncident, userIds: readonly string[], layer: { position: number | null; layerId: string | null }, reason: MPage['reason'], at: number) => {
  for (const userId of userIds) {
    m.pages.push({ incidentId: incident.id, userId, layerId: layer.layerId, position: layer.position, at, reason, orgId: orgIdOf(m, incident) });
  }
  incident.trail.push({ type: 'layer_paged', at, userIds: [...userIds], position: layer.position, layerId: layer.layerId, reason });
};

const arm = (m: Model, escalation: MEscalation, due: number) => {
  escalation.due = due;
  escalation.armed = ++m.armed;
};

/**
 * Rules 1, 2 and 5: from `from` on, the first layer whose condition holds (the last layer's is never
 * checked) and that resolves to someone is paged and its timer armed; the layers before it are
 * skipped at the same instant; with none left, the escalation is exhausted. A timer's step is
 * written `escalated` first, unless nothing at all was left to reach.
 */
const escalate = (m: Model, incident: MIncident, from: number, at: number, byTimer: boolean) => {
  const escalation = incident.escalation!;
  const layers = policyOf(m, escalation.policyId)?.layers ?? [];
  const steps: MTrailEntry[] = [];
  let paged: { layer: MLayer; position: number; userIds: string[] } | undefined;
  for (let position = Math.max(1, from); position <= layers.length && !paged; position++) {
    const layer = layers[position - 1]!;
    const last = position === layers.length;
    if (layer.condition && !last && !conditionHolds(m, layer.condition, at)) {
      steps.push({ type: 'layer_skipped', at, position, layerId: layer.id, reason: 'condition_not_met' });
      note(m, 'rule: a layer is skipped for its condition');
      continue;
    }
    if (layer.condition && last && layers.length > 1 && !conditionHolds(m, layer.condition, at)) {
      note(m, 'rule: the last layer is reached whatever its condition');
    }
    const userIds = resolveTarget(m, layer.target, at);
    if (userIds.length > 0) paged = { layer, position, userIds };
    else {
      steps.push({ type: 'layer_skipped', at, position, layerId: layer.id });
      note(m, layer.target.type === 'schedule' ? 'rule: a schedule layer with nobody on call is skipped' : 'rule: a users layer of former members is skipped');
    }
  }
  if (byTimer && (paged || steps.length > 0)) incident.trail.push({ type: 'escalated', at, fromPosition: escalation.position });
  for (const step of steps) {
    incident.trail.push(step);
    escalation.position = step.position as number;
    escalation.layerId = step.layerId as string;
  }
  if (!paged) {
    escalation.state = 'exhausted';
    escalation.due = null;
    incident.trail.push({ type: 'escalation_exhausted', at });
    note(m, layers.length === 0 ? 'rule: a policy without layers is exhausted at once' : byTimer ? 'rule: exhausted when the timer runs out' : 'rule: exhausted on opening');
    return;
  }
  page(m, incident, paged.userIds, { position: paged.position, layerId: paged.layer.id }, 'escalation', at);
  if (byTimer) note(m, 'rule: a timer pages the next layer');
  escalation.position = paged.position;
  escalation.layerId = paged.layer.id;
  arm(m, escalation, at + paged.layer.ackTimeoutMinutes * MINUTE);
};

const isRunning = (escalation: MEscalation | null): escalation is MEscalation =>
  escalation !== null && escalation.state !== 'resolved' && escalation.state !== 'stopped';

const cancel = (escalation: MEscalation) => {
  escalation.due = null;
};

/** Rule 1: an incident opened with a policy pages its first layer at once. */
export const openIncident = (m: Model, incident: MIncident, actorId: string) => {
  incident.trail.push({ type: 'incident_created', at: m.now, actorId });
  m.incidents.push(incident);
  if (incident.escalationPolicyId === null) return;
  incident.escalation = { policyId: incident.escalationPolicyId, state: 'active', position: null, layerId: null, due: null, armed: 0 };
  escalate(m, incident, 1, m.now, false);
};

/** Rule 3: idempotent, a no-op on a resolved incident; an exhausted escalation is acknowledged too. */
export const acknowledge = (m: Model, incident: MIncident, userId: string): 'acknowledged' | 'unchanged' => {
  if (incident.status === 'resolved' || incident.acknowledgedBy !== null) return 'unchanged';
  incident.acknowledgedBy = userId;
  incident.acknowledgedAt = m.now;
  incident.trail.push({ type: 'incident_acknowledged', at: m.now, userId });
  const { escalation } = incident;
  if (isRunning(escalation)) {
    if (escalation.state === 'exhausted') note(m, 'rule: an exhausted escalation is acknowledged');
    cancel(escalation);
    escalation.state = 'acknowledged';
  }
  return 'acknowledged';
};

/**
 * Rule 4: the target becomes owner and is paged at once as a page of the current layer (the one the
 * escalation last reached), the acknowledgment is cleared, and the timer restarts on the current
 * position with the timeout of the layer there now. With no layer at the current position, the
 * escalation is exhausted there. A stopped or resolved escalation is not restarted.
 */
export const handOff = (m: Model, incident: MIncident, actorId: string, targetUserId: string) => {
  incident.trail.push({ type: 'incident_handed_off', at: m.now, actorId, fromUserId: incident.ownerId, toUserId: targetUserId });
  incident.ownerId = targetUserId;
  incident.acknowledgedBy = null;
  incident.acknowledgedAt = null;
  const { escalation } = incident;
  page(m, incident, [targetUserId], { position: escalation?.position ?? null, layerId: escalation?.layerId ?? null }, 'handoff', m.now);
  if (!escalation) {
    note(m, 'rule: a handoff without a policy pages the new owner');
    return;
  }
  if (!isRunning(escalation)) {
    note(m, 'rule: a handoff does not restart a stopped escalation');
    return;
  }
  const current = escalation.position === null ? undefined : policyOf(m, escalation.policyId)?.layers[escalation.position - 1];
  cancel(escalation);
  if (!current) {
    note(m, escalation.position === null ? 'rule: a handoff with no layer ever reached is exhausted' : 'rule: a handoff with no layer at the current position is exhausted');
    escalation.state = 'exhausted';
    incident.trail.push({ type: 'escalation_exhausted', at: m.now });
    return;
  }
  note(m, `rule: a handoff restarts the timer of an ${escalation.state} escalation`);
  escalation.state = 'active';
  arm(m, escalation, m.now + current.ackTimeoutMinutes * MINUTE);
};

/** One step forward; resolving stops the escalation (the trail says so only if it was paging). */
export const moveStatus = (m: Model, incident: MIncident, actorId: string, to: Status) => {
  incident.trail.push({ type: 'status_changed', at: m.now, actorId, from: incident.status, to });
  incident.status = to;
  const { escalation } = incident;
  if (to !== 'resolved' || !isRunning(escalation)) return;
  const wasActive = escalation.state === 'active';
  cancel(escalation);
  escalation.state = 'resolved';
  if (wasActive) incident.trail.push({ type: 'escalation_stopped', at: m.now, reason: 'resolved' });
  note(m, `rule: resolving stops an ${wasActive ? 'active' : 'idle'} escalation`);
};

/** Rule 6: deleting a policy stops the escalation of its incidents. */
export const deletePolicy = (m: Model, policy: MPolicy) => {
  m.policies.splice(m.policies.indexOf(policy), 1);
  for (const incident of m.incidents) {
    const { escalation } = incident;
    if (escalation?.policyId !== policy.id || !isRunning(escalation)) continue;
    cancel(escalation);
    escalation.state = 'stopped';
    incident.trail.push({ type: 'escalation_stopped', at: m.now, reason: 'policy_deleted' });
    note(m, 'rule: deleting the policy stops its escalations');
  }
};

/** The timer that fires next: soonest first, then first armed. */
const nextTimer = (m: Model): MIncident | undefined => {
  let next: MIncident | undefined;
  for (const incident of m.incidents) {
    const escalation = incident.escalation;
    if (escalation?.state !== 'active' || escalation.due === null) continue;
    const best = next?.escalation;
    if (!best || escalation.due < best.due! || (escalation.due === best.due && escalation.armed < best.armed)) next = incident;
  }
  return next;
};

export const nextDue = (m: Model): number | undefined => nextTimer(m)?.escalation?.due ?? undefined;

/** Rule 2: every timer due by `to` fires at its own instant, in time order, against the data of then. */
export const advanceTo = (m: Model, to: number) => {
  for (let incident = nextTimer(m); incident && incident.escalation!.due! <= to; incident = nextTimer(m)) {
    const escalation = incident.escalation!;
    const at = escalation.due!;
    m.now = at;
    escalation.due = null;
    escalate(m, incident, (escalation.position ?? 0) + 1, at, true);
  }
  m.now = to;
};

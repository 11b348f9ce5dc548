import { escalateFrom, targetResolver, type ResolveTarget } from '../../src/escalation/rules.js';
import type { IncidentRecord, Millis, MockState, OrgRecord } from '../store/state.js';
import { appendPage, type PageCause } from './page-log.js';
import { nextDue, popTimer, pushTimer, type Timer } from './timers.js';

/**
 * The escalation engine: what happens to an incident's escalation when it opens, when a timer runs
 * out, and on acknowledge, handoff, resolve and policy deletion. Plain functions over the mock's
 * data; the rules themselves (who a layer pages, skipping, exhaustion) are `src/escalation/rules.ts`,
 * shared with `simulateEscalation()`. Policy edits apply live: a timer pages whatever layer is at
 * the next position when it fires.
 */

const MINUTE = 60_000;

const resolvers = new WeakMap<OrgRecord, ResolveTarget>();

/**
 * Pages only current members, for schedule and users targets alike: a removed member gets nothing.
 * The resolver reads the org live, so one per org serves every step. A schedule record's layers
 * are kept in position order, which is what the rotation needs.
 */
const resolverFor = (org: OrgRecord): ResolveTarget => {
  let resolver = resolvers.get(org);
  if (!resolver) {
    resolver = targetResolver((scheduleId) => org.schedules.get(scheduleId), (userId) => org.users.has(userId));
    resolvers.set(org, resolver);
  }
  return resolver;
};

const page = (
  state: MockState,
  incident: IncidentRecord,
  userIds: readonly string[],
  layer: { position: number | null; layerId: string | null },
  cause: PageCause,
  at: Millis,
) => {
  for (const userId of userIds) {
    incident.auditTrail.push(appendPage(state.pages, { orgId: incident.orgId, incidentId: incident.id, userId, layerId: layer.layerId, position: layer.position, at, cause }));
  }
};

const arm = (state: MockState, incident: IncidentRecord, due: Millis) => {
  const escalation = incident.escalation!;
  escalation.nextEscalationAt = due;
  pushTimer(state.timers, { due, orgId: incident.orgId, incidentId: incident.id, generation: escalation.generation });
};

/**
 * Pages the first layer at or after `position` that resolves to someone, or exhausts. A step that
 * a timer started (`escalated`) is announced by its page (the trail view shows the `escalated`
 * entry); only when layers are skipped first is it written down on its own.
 */
const escalate = (state: MockState, org: OrgRecord, incident: IncidentRecord, position: number, at: Millis, cause: 'opened' | 'escalated') => {
  const escalation = incident.escalation!;
  const layers = org.policies.get(escalation.policyId)?.layers ?? [];
  let unannounced = cause === 'escalated' && position <= layers.length;
  const paged = escalateFrom(layers, position, at, resolverFor(org), (skipped) => {
    if (unannounced) incident.auditTrail.push({ type: 'escalated', at, fromPosition: escalation.position });
    unannounced = false;
    incident.auditTrail.push({ type: 'layer_skipped', at, position: skipped.position, layerId: skipped.layerId });
    escalation.position = skipped.position;
    escalation.layerId = skipped.layerId;
  });
  if (paged === null) {
    escalation.state = 'exhausted';
    escalation.nextEscalationAt = null;
    incident.auditTrail.push({ type: 'escalation_exhausted', at });
    return;
  }
  page(state, incident, paged.userIds, paged, cause, at);
  escalation.position = paged.position;
  escalation.layerId = paged.layerId;
  arm(state, incident, at + paged.timeoutMs);
};

/** An incident opened with a policy pages its layer 1 at once. */
export const startEscalation = (state: MockState, org: OrgRecord, incident: IncidentRecord, at: Millis) => {
  if (incident.escalationPolicyId === null) return;
  incident.escalation = { policyId: incident.escalationPolicyId, state: 'active', position: null, layerId: null, nextEscalationAt: null, generation: 0 };
  escalate(state, org, incident, 1, at, 'opened');
};

/** A timer ran out with no acknowledgment: on to the next position, whatever layer is there now. */
const fire = (state: MockState, timer: Timer) => {
  const org = state.orgs.get(timer.orgId);
  const incident = org?.incidents.get(timer.incidentId);
  const escalation = incident?.escalation;
  if (!org || !incident || !escalation || escalation.state !== 'active' || escalation.generation !== timer.generation) return;
  escalate(state, org, incident, (escalation.position ?? 0) + 1, timer.due, 'escalated');
};

/** Bumping the generation is how a pending timer is cancelled: it is dropped when it comes up. */
const cancel = (incident: IncidentRecord) => {
  const escalation = incident.escalation!;
  escalation.generation++;
  escalation.nextEscalationAt = null;
};

const isRunning = (incident: IncidentRecord) =>
  incident.escalation !== null && incident.escalation.state !== 'resolved' && incident.escalation.state !== 'stopped';

/** Acknowledging stops the escalation; it does not change the incident's status. */
export const acknowledgeEscalation = (incident: IncidentRecord) => {
  if (!isRunning(incident)) return;
  cancel(incident);
  incident.escalation!.state = 'acknowledged';
};

/**
 * The new owner is paged at once (as a page of the current layer) and the timer restarts on the
 * current layer, with the timeout that layer has now; the acknowledgment was cleared by the store.
 * Without a policy (or with a stopped one) the new owner is still paged.
 */
export const handOffEscalation = (state: MockState, org: OrgRecord, incident: IncidentRecord, targetUserId: string, at: Millis) => {
  const escalation = incident.escalation;
  page(state, incident, [targetUserId], { position: escalation?.position ?? null, layerId: escalation?.layerId ?? null }, 'handoff', at);
  if (!isRunning(incident) || escalation!.position === null) return;
  const layer = org.policies.get(escalation!.policyId)?.layers[escalation!.position - 1];
  if (!layer) return;
  cancel(incident);
  escalation!.state = 'active';
  arm(state, incident, at + layer.ackTimeoutMinutes * MINUTE);
};

/** Resolving stops the escalation for good. */
export const resolveEscalation = (incident: IncidentRecord, at: Millis) => {
  if (!isRunning(incident)) return;
  const wasActive = incident.escalation!.state === 'active';
  cancel(incident);
  incident.escalation!.state = 'resolved';
  if (wasActive) incident.auditTrail.push({ type: 'escalation_stopped', at, reason: 'resolved' });
};

/** Deleting a policy stops the escalation of every incident under it, and says so in their trail. */
export const stopEscalationsOf = (org: OrgRecord, policyId: string, at: Millis) => {
  for (const incident of org.incidents.values()) {
    if (!isRunning(incident) || incident.escalation!.policyId !== policyId) continue;
    cancel(incident);
    incident.escalation!.state = 'stopped';
    incident.auditTrail.push({ type: 'escalation_stopped', at, reason: 'policy_deleted' });
  }
};

/** The clock's view of the timers: when the next one is due, and running it. */
export const timersOf = (stateOf: () => MockState) => ({
  nextDue: (): number | undefined => nextDue(stateOf().timers),
  fireNext: (): void => {
    const state = stateOf();
    const timer = popTimer(state.timers);
    if (timer) fire(state, timer);
  },
});

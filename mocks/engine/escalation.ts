import { escalateFrom, skippedLayers, targetResolver, type ResolveTarget } from '../../src/escalation/rules.js';
import type { AuditEntry, EscalationRecord, IncidentRecord, Millis, MockState, OrgRecord } from '../store/state.js';
import { recordAudit } from '../store/audit.js';
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

type Resolvers = { live: ResolveTarget; timed: ResolveTarget };
const resolvers = new WeakMap<OrgRecord, Resolvers>();

/**
 * Pages only current members, for schedule and users targets alike: a removed member gets nothing.
 * The resolvers read the org live, so one pair per org serves every step (a schedule record's layers
 * are kept in position order, which is what the rotation needs).
 *
 * `timed` serves timers and remembers a schedule's paging targets for the instant it last resolved:
 * a burst of incidents escalating together asks the same question thousands of times. It is safe
 * because timers fire only at instants later than any change made from outside (requests and test
 * helpers act at the clock's now, and every timer due by then has fired), so a remembered answer is
 * never older than the data. `live` (opening, handoff) never remembers.
 */
const resolversFor = (org: OrgRecord): Resolvers => {
  let pair = resolvers.get(org);
  if (!pair) {
    const live = targetResolver((scheduleId) => org.schedules.get(scheduleId), (userId) => org.users.has(userId));
    const remembered = new Map<string, { at: number; userIds: readonly string[] }>();
    const timed: ResolveTarget = (target, at) => {
      if (target.type !== 'schedule') return live(target, at);
      const hit = remembered.get(target.scheduleId);
      if (hit?.at === at) return hit.userIds;
      const userIds = live(target, at);
      remembered.set(target.scheduleId, { at, userIds });
      return userIds;
    };
    pair = { live, timed };
    resolvers.set(org, pair);
  }
  return pair;
};

/** Pages each user about the incident (`orgId`, `incidentId`), as `layer` at `at`. */
const page = (
  state: MockState,
  incident: { orgId: string; incidentId: string },
  userIds: readonly string[],
  layer: { position: number | null; layerId: string | null },
  cause: PageCause,
  at: Millis,
) => {
  for (const userId of userIds) appendPage(state.pages, incident.orgId, incident.incidentId, userId, layer.layerId, layer.position, at, cause);
};

const arm = (state: MockState, escalation: EscalationRecord, due: Millis) => {
  escalation.nextEscalationAt = due;
  pushTimer(state.timers, due, escalation, escalation.generation);
};

/** The audit trail is the incident's; only the rarer steps (skips, exhaustion) need it. */
const auditOf = (state: MockState, org: OrgRecord, escalation: EscalationRecord, entry: AuditEntry) => {
  const incident = org.incidents.get(escalation.incidentId);
  if (incident) recordAudit(state, incident, entry);
};

/**
 * Pages the first layer at or after `position` that resolves to someone, or exhausts. A step that
 * a timer started (`escalated`) is announced by its page (the trail view shows the `escalated`
 * entry); only when layers are skipped first is it written down on its own.
 */
const escalate = (state: MockState, org: OrgRecord, escalation: EscalationRecord, position: number, at: Millis, cause: 'opened' | 'escalated') => {
  const layers = org.policies.get(escalation.policyId)?.layers ?? [];
  const { live, timed } = resolversFor(org);
  const paged = escalateFrom(layers, position, at, cause === 'escalated' ? timed : live);
  if (paged?.position !== Math.max(1, position)) {
    // Layers were skipped (rare): write the step down entry by entry.
    const skipped = skippedLayers(layers, position, paged);
    if (cause === 'escalated' && skipped.length > 0) auditOf(state, org, escalation, { type: 'escalated', at, fromPosition: escalation.position });
    for (const layer of skipped) {
      auditOf(state, org, escalation, { type: 'layer_skipped', at, position: layer.position, layerId: layer.layerId });
      escalation.position = layer.position;
      escalation.layerId = layer.layerId;
    }
  }
  if (paged === null) {
    escalation.state = 'exhausted';
    escalation.nextEscalationAt = Number.NaN;
    auditOf(state, org, escalation, { type: 'escalation_exhausted', at });
    return;
  }
  page(state, escalation, paged.userIds, paged, cause, at);
  escalation.position = paged.position;
  escalation.layerId = paged.layerId;
  arm(state, escalation, at + paged.timeoutMs);
};

/** An incident opened with a policy pages its layer 1 at once. */
export const startEscalation = (state: MockState, org: OrgRecord, incident: IncidentRecord, at: Millis) => {
  if (incident.escalationPolicyId === null) return;
  incident.escalation = {
    orgId: incident.orgId,
    incidentId: incident.id,
    policyId: incident.escalationPolicyId,
    state: 'active',
    position: null,
    layerId: null,
    nextEscalationAt: Number.NaN,
    generation: 0,
  };
  escalate(state, org, incident.escalation, 1, at, 'opened');
};

/** A timer ran out with no acknowledgment: on to the next position, whatever layer is there now. */
const fire = (state: MockState, timer: Timer<EscalationRecord>) => {
  const escalation = timer.ref;
  if (escalation.state !== 'active' || escalation.generation !== timer.generation) return;
  const org = state.orgs.get(escalation.orgId);
  if (org) escalate(state, org, escalation, (escalation.position ?? 0) + 1, timer.due, 'escalated');
};

/** Bumping the generation is how a pending timer is cancelled: it is dropped when it comes up. */
const cancel = (incident: IncidentRecord) => {
  const escalation = incident.escalation!;
  escalation.generation++;
  escalation.nextEscalationAt = Number.NaN;
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
  const layer = { position: escalation?.position ?? null, layerId: escalation?.layerId ?? null };
  page(state, { orgId: incident.orgId, incidentId: incident.id }, [targetUserId], layer, 'handoff', at);
  if (!escalation || !isRunning(incident) || escalation.position === null) return;
  const current = org.policies.get(escalation.policyId)?.layers[escalation.position - 1];
  if (!current) return;
  cancel(incident);
  escalation.state = 'active';
  arm(state, escalation, at + current.ackTimeoutMinutes * MINUTE);
};

/** Resolving stops the escalation for good. */
export const resolveEscalation = (state: MockState, incident: IncidentRecord, at: Millis) => {
  if (!isRunning(incident)) return;
  const wasActive = incident.escalation!.state === 'active';
  cancel(incident);
  incident.escalation!.state = 'resolved';
  if (wasActive) recordAudit(state, incident, { type: 'escalation_stopped', at, reason: 'resolved' });
};

/** Deleting a policy stops the escalation of every incident under it, and says so in their trail. */
export const stopEscalationsOf = (state: MockState, org: OrgRecord, policyId: string, at: Millis) => {
  for (const incident of org.incidents.values()) {
    if (!isRunning(incident) || incident.escalation!.policyId !== policyId) continue;
    cancel(incident);
    incident.escalation!.state = 'stopped';
    recordAudit(state, incident, { type: 'escalation_stopped', at, reason: 'policy_deleted' });
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

import type { AuditEntry } from '../../src/schemas/incidents.js';
import type { LayerTarget } from '../../src/schemas/policy-layers.js';
import { incidentDetailView } from '../store/incident-views.js';
import type { IncidentRecord, LayerConditionRecord, Millis, MockState, OrgRecord } from '../store/state.js';
import { iso } from '../store/views.js';
import type { Timeline, TimelineEvent, TimelineLane } from './types.js';

/**
 * An incident's timeline, read from its audit trail as `GET /incidents/{id}` shows it (so the
 * picture can never tell another story than the API), with the names, lanes and next step the
 * trail does not hold.
 */

/** The incident and its org, whichever org it belongs to (test helpers are not tenants). */
export const findIncident = (state: MockState, incidentId: string): { org: OrgRecord; incident: IncidentRecord } | undefined => {
  for (const org of state.orgs.values()) {
    const incident = org.incidents.get(incidentId);
    if (incident) return { org, incident };
  }
  return undefined;
};

export const personName = (org: OrgRecord, userId: string) => {
  const user = org.users.get(userId);
  return user ? `${user.firstName} ${user.lastName}`.trim() || user.email : 'Former member';
};

export const targetLabel = (org: OrgRecord, target: LayerTarget) =>
  target.type === 'schedule'
    ? (org.schedules.get(target.scheduleId)?.name ?? `schedule ${target.scheduleId}`)
    : target.userIds.map((userId) => personName(org, userId)).join(', ');

export const conditionLabel = (org: OrgRecord, condition: LayerConditionRecord | null) =>
  condition === null ? null : `${condition.when} ${org.workingHours.get(condition.workingHoursId)?.name ?? condition.workingHoursId}`;

const lanesOf = (org: OrgRecord, policyId: string | null): TimelineLane[] =>
  (policyId === null ? undefined : org.policies.get(policyId))?.layers.map((layer, index) => ({
    position: index + 1,
    layerId: layer.id,
    ackTimeoutMinutes: layer.ackTimeoutMinutes,
    target: targetLabel(org, layer.target),
    condition: conditionLabel(org, layer.condition),
  })) ?? [];

/** The trail's entries as timeline events; an `escalated` learns where it went from the entry after it. */
const eventsOf = (trail: readonly AuditEntry[]): TimelineEvent[] => {
  const events: TimelineEvent[] = [];
  trail.forEach((entry, index) => {
    const { at } = entry;
    switch (entry.type) {
      case 'incident_created':
        return void events.push({ kind: 'opened', at });
      case 'status_changed':
        return void events.push(entry.to === 'resolved' ? { kind: 'resolved', at } : { kind: 'status', at, from: entry.from ?? '', to: entry.to ?? '' });
      case 'incident_acknowledged':
        return void events.push({ kind: 'acknowledged', at, userId: entry.userId ?? null });
      case 'incident_handed_off':
        return void events.push({ kind: 'handoff', at, fromUserId: entry.fromUserId ?? null, toUserId: entry.toUserId ?? '' });
      case 'layer_paged':
        for (const userId of entry.userIds ?? []) {
          events.push({
            kind: 'page',
            at,
            position: entry.position ?? null,
            layerId: entry.layerId ?? null,
            userId,
            reason: entry.reason === 'handoff' ? 'handoff' : 'escalation',
          });
        }
        return;
      case 'layer_skipped':
        return void events.push({
          kind: 'skipped',
          at,
          position: entry.position ?? 0,
          layerId: entry.layerId ?? '',
          reason: entry.reason === 'condition_not_met' ? 'condition_not_met' : 'nobody_to_page',
        });
      case 'escalated': {
        const after = trail[index + 1];
        const reached = after?.type === 'layer_paged' || after?.type === 'layer_skipped' ? (after.position ?? null) : null;
        return void events.push({ kind: 'escalated', at, fromPosition: entry.fromPosition ?? null, toPosition: reached });
      }
      case 'escalation_exhausted':
        return void events.push({ kind: 'exhausted', at });
      case 'escalation_stopped':
        // Stopped by resolution: the `resolved` status change already says so.
        if (entry.reason === 'policy_deleted') events.push({ kind: 'stopped', at, reason: 'policy_deleted' });
        return;
    }
  });
  return events;
};

const userIdsOf = (event: TimelineEvent): Array<string | null> => {
  switch (event.kind) {
    case 'page':
      return [event.userId];
    case 'acknowledged':
      return [event.userId];
    case 'handoff':
      return [event.fromUserId, event.toUserId];
    default:
      return [];
  }
};

export const incidentTimeline = (state: MockState, org: OrgRecord, incident: IncidentRecord, now: Millis): Timeline => {
  const detail = incidentDetailView(state, org, incident);
  const events = eventsOf(detail.auditTrail);
  const names: Record<string, string> = {};
  for (const userId of events.flatMap(userIdsOf)) if (userId !== null) names[userId] ??= personName(org, userId);
  const policy = incident.escalationPolicyId === null ? null : org.policies.get(incident.escalationPolicyId);
  const { escalation } = detail;
  return {
    source: 'mock',
    incidentId: incident.id,
    title: incident.title,
    status: incident.status,
    escalationState: escalation?.state ?? null,
    policy: incident.escalationPolicyId === null ? null : { id: incident.escalationPolicyId, name: policy?.name ?? null },
    lanes: lanesOf(org, incident.escalationPolicyId),
    start: iso(incident.createdAt),
    now: iso(now),
    next: escalation?.state === 'active' && escalation.nextEscalationAt !== null ? { at: escalation.nextEscalationAt, position: escalation.position } : null,
    events,
    names,
  };
};

import type { Incident, IncidentDetail, IncidentUpdate } from '../../src/schemas/incidents.js';
import { escalationEntriesOf, readEscalationEntries } from '../engine/escalation-log.js';
import type { IncidentRecord, IncidentUpdateRecord, MockState, OrgRecord } from './state.js';
import { iso } from './views.js';

/** `{ id, name }` of a user; a removed member keeps their id and reads as "Former member". */
const person = (org: OrgRecord, userId: string) => {
  const user = org.users.get(userId);
  return { id: userId, name: user ? `${user.firstName} ${user.lastName}` : 'Former member' };
};

export const incidentView = (org: OrgRecord, incident: IncidentRecord): Incident => ({
  id: incident.id,
  orgId: incident.orgId,
  title: incident.title,
  description: incident.description,
  severity: incident.severity,
  status: incident.status,
  ownerId: incident.ownerId,
  escalationPolicyId: incident.escalationPolicyId,
  createdBy: incident.createdBy,
  affectedComponents: incident.componentIds.flatMap((id) => {
    const component = org.components.get(id);
    return component ? [{ id, name: component.name }] : [];
  }),
  acknowledgedBy: incident.acknowledgedBy,
  acknowledgedAt: incident.acknowledgedAt === null ? null : iso(incident.acknowledgedAt),
  createdAt: iso(incident.createdAt),
  updatedAt: iso(incident.updatedAt),
});

const escalationView = (incident: IncidentRecord) => {
  const { escalation } = incident;
  if (escalation === null) return null;
  return {
    policyId: escalation.policyId,
    state: escalation.state,
    position: escalation.position,
    layerId: escalation.layerId,
    nextEscalationAt: Number.isNaN(escalation.nextEscalationAt) ? null : iso(escalation.nextEscalationAt),
    acknowledgedBy: incident.acknowledgedBy,
    acknowledgedAt: incident.acknowledgedAt === null ? null : iso(incident.acknowledgedAt),
  };
};

/**
 * The trail as the API shows it: the store's entries and the engine's escalation entries, each
 * rendered as recorded, in the order they were written.
 */
const auditTrailView = (state: MockState, incident: IncidentRecord) => {
  const { log, pages } = state.engine;
  const view: Array<Record<string, unknown> & { type: string; at: string }> = [];
  const escalationEntries = escalationEntriesOf(log, incident.id);
  let next = 0;
  /** The incident's escalation entries written before the log held `size` entries in all. */
  const showEscalationBefore = (size: number) => {
    for (; next < escalationEntries.length && escalationEntries[next]! < size; next++) {
      for (const entry of readEscalationEntries(log, pages, escalationEntries[next]!)) view.push({ ...entry, at: iso(entry.at) });
    }
  };
  incident.auditTrail.forEach((entry, index) => {
    showEscalationBefore(incident.auditLogSizes[index]!);
    view.push({ ...entry, at: iso(entry.at) });
  });
  showEscalationBefore(Number.POSITIVE_INFINITY);
  return view;
};

export const incidentDetailView = (state: MockState, org: OrgRecord, incident: IncidentRecord): IncidentDetail => ({
  ...incidentView(org, incident),
  statusHistory: incident.statusHistory.map((entry) => ({ ...entry, changedAt: iso(entry.changedAt) })),
  escalation: escalationView(incident),
  auditTrail: auditTrailView(state, incident),
});

export const incidentUpdateView = (org: OrgRecord, update: IncidentUpdateRecord): IncidentUpdate => ({
  id: update.id,
  incidentId: update.incidentId,
  body: update.body,
  statusChange: update.statusChange,
  visibility: update.visibility,
  postedBy: person(org, update.postedBy),
  postedAt: iso(update.postedAt),
  redactedAt: update.redactedAt === null ? null : iso(update.redactedAt),
  redactedBy: update.redactedBy === null ? null : person(org, update.redactedBy),
});

import type { Incident, IncidentDetail, IncidentUpdate } from '../../src/schemas/incidents.js';
import { readPage, type PageRecord } from '../engine/page-log.js';
import { incidentPages } from './audit.js';
import type { AuditEntry, IncidentRecord, IncidentUpdateRecord, MockState, OrgRecord, PageReason } from './state.js';
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

/** How a page reads to tests and in the trail: reached by escalation, or handed off. */
export const pageReason = (page: PageRecord): PageReason => (page.cause === 'handoff' ? 'handoff' : 'escalation');

/**
 * The trail as the API shows it. The pages of one step (same instant and layer) become one
 * `layer_paged`; a step that a timer started shows its `escalated` entry first (the engine writes
 * that entry itself only when layers were skipped before anyone was paged).
 */
const auditTrailView = (state: MockState, incident: IncidentRecord) => {
  const view: Array<Record<string, unknown> & { type: string; at: string }> = [];
  const pages = incidentPages(state, incident.id);
  let nextPage = 0;
  let step: { page: PageRecord; userIds: string[] } | undefined;
  /** The entry just before, when it was not a page. */
  let previous: AuditEntry | undefined;
  let lastPosition: number | null = null;
  const showPage = (page: PageRecord) => {
    const sameStep = step && step.page.at === page.at && step.page.position === page.position && step.page.layerId === page.layerId && step.page.cause === page.cause;
    if (step && sameStep) {
      step.userIds.push(page.userId);
      return;
    }
    const announced = previous !== undefined && previous.at === page.at && (previous.type === 'layer_skipped' || previous.type === 'escalated');
    if (page.cause === 'escalated' && !announced) view.push({ type: 'escalated', at: iso(page.at), fromPosition: lastPosition });
    step = { page, userIds: [page.userId] };
    view.push({ type: 'layer_paged', at: iso(page.at), position: page.position, layerId: page.layerId, userIds: step.userIds, reason: pageReason(page) });
    if (page.cause !== 'handoff') lastPosition = page.position;
    previous = undefined;
  };
  /** The incident's pages logged before the mock had `count` pages in all. */
  const showPagesBefore = (count: number) => {
    for (; nextPage < pages.length && pages[nextPage]! < count; nextPage++) showPage(readPage(state.pages, pages[nextPage]!));
  };
  incident.auditTrail.forEach((entry, index) => {
    showPagesBefore(incident.auditPages[index]!);
    view.push({ ...entry, at: iso(entry.at) });
    if (entry.type === 'layer_skipped') lastPosition = entry.position;
    step = undefined;
    previous = entry;
  });
  showPagesBefore(Number.POSITIVE_INFINITY);
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

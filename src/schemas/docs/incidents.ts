import { CREATED_AT, type DocsOf, envelope, NEXT_CURSOR, ORG_ID, PAGE_CURSOR, PAGE_LIMIT, UPDATED_AT } from './shared.js';

const incident = {
  id: 'The incident’s id.',
  orgId: ORG_ID,
  title: 'A short summary.',
  description: 'The details, or `null`.',
  severity: 'How bad it is.',
  status: 'Where it stands in its lifecycle.',
  ownerId: 'The user who owns it, or `null`.',
  escalationPolicyId: 'The escalation policy paging people for it, or `null`.',
  createdBy: 'The user who opened it.',
  affectedComponents: 'The components it affects.',
  acknowledgedBy: 'Who acknowledged it, or `null`; a handoff clears it.',
  acknowledgedAt: 'When it was acknowledged (ISO 8601), or `null`.',
  createdAt: CREATED_AT,
  updatedAt: UPDATED_AT,
};
const author = { id: 'The user’s id.', name: 'The user’s name.' };

export const incidentDocs: DocsOf<
  | 'Severity'
  | 'IncidentStatus'
  | 'IncidentPathParams'
  | 'IncidentUpdatePathParams'
  | 'IncidentCreateParams'
  | 'IncidentListParams'
  | 'IncidentStatusParams'
  | 'IncidentUpdateCreateParams'
  | 'IncidentHandoffParams'
  | 'IncidentComponentsParams'
  | 'AffectedComponent'
  | 'Incident'
  | 'StatusHistoryEntry'
  | 'EscalationState'
  | 'Escalation'
  | 'AuditEntry'
  | 'IncidentDetail'
  | 'IncidentUpdate'
  | 'IncidentPage'
  | 'IncidentResponse'
  | 'IncidentDetailResponse'
  | 'IncidentPageResponse'
  | 'IncidentUpdateResponse'
  | 'IncidentUpdateListResponse'
> = {
  Severity: { summary: 'How bad an incident or an alert is, from `critical` down to `low`.' },
  IncidentStatus: {
    summary: 'An incident’s status. It moves strictly one step forward: `investigating` → `identified` → `monitoring` → `resolved`.',
  },
  IncidentPathParams: { summary: 'The path parameters of `/incidents/{incidentId}`.', fields: { incidentId: 'The incident’s id.' } },
  IncidentUpdatePathParams: {
    summary: 'The path parameters of `/incidents/{incidentId}/updates/{updateId}`.',
    fields: { incidentId: 'The incident’s id.', updateId: 'The update’s id.' },
  },
  IncidentCreateParams: {
    summary:
      'The body of `incidents.create`. An incident needs an owner: send at least one of `ownerId`, `ownerScheduleId` and ' +
      '`escalationPolicyId`.',
    fields: {
      title: 'A short summary.',
      description: 'The details, in free text.',
      severity: 'How bad it is.',
      ownerId: 'The member who owns the incident.',
      ownerScheduleId:
        'A schedule: its owner at this instant owns the incident unless `ownerId` is given, and the oldest policy whose ' +
        'first layer targets it escalates the incident unless `escalationPolicyId` is given.',
      escalationPolicyId: 'The escalation policy that pages people, layer after layer, until someone acknowledges.',
      componentIds: 'The components it affects, no id twice.',
    },
  },
  IncidentListParams: {
    summary: 'The filters of `incidents.list` and `incidents.listAll`, all optional.',
    fields: {
      status: 'Only incidents with this status.',
      severity: 'Only incidents of this severity.',
      from: 'Only incidents opened at or after this instant; a date stands for the start of that UTC day.',
      to: 'Only incidents opened up to this instant; a date stands for the whole UTC day.',
      limit: PAGE_LIMIT,
      cursor: PAGE_CURSOR,
    },
  },
  IncidentStatusParams: {
    summary: 'The body of `incidents.updateStatus`.',
    fields: {
      status: 'The next status: exactly one step forward from the current one.',
      resolutionNote: 'How it was resolved: accepted only with `status: \'resolved\'`.',
    },
  },
  IncidentUpdateCreateParams: {
    summary: 'The body of `incidents.updates.create`: at least one of `body` and `statusChange`; a public update needs a `body`.',
    fields: {
      body: 'The text of the update.',
      statusChange: 'Moves the incident to this status (one step forward) as part of the update.',
      visibility:
        '`\'internal\'`: for responders only. `\'public\'`: also on the published status pages that show one of the ' +
        'incident’s components (refused when there is none).',
    },
  },
  IncidentHandoffParams: {
    summary: 'The body of `incidents.handoff`.',
    fields: { targetUserId: 'The member who becomes the owner; they are paged at once.' },
  },
  IncidentComponentsParams: {
    summary: 'The body of `incidents.setComponents`.',
    fields: { componentIds: 'The whole new set of affected components, no id twice; `[]` clears it.' },
  },
  AffectedComponent: {
    summary: 'A component an incident affects, as the incident shows it.',
    fields: { id: 'The component’s id.', name: 'The component’s name.' },
  },
  Incident: {
    summary: 'An incident, as `incidents.create`, the list and the status changes return it.',
    fields: incident,
  },
  StatusHistoryEntry: {
    summary: 'One status change of an incident.',
    fields: {
      id: 'The entry’s id.',
      status: 'The status the incident moved to.',
      changedAt: 'When (ISO 8601).',
      resolutionNote: 'The note sent with the move to `resolved`, else `null`.',
    },
  },
  EscalationState: {
    summary:
      'Where an incident’s escalation stands: `active` (a layer’s timer is running), `acknowledged`, `exhausted` (every ' +
      'layer timed out; the incident stays open), `resolved`, or `stopped` (its policy was deleted).',
  },
  Escalation: {
    summary: 'An incident’s escalation: the layer it has reached, and when the next one is paged.',
    fields: {
      policyId: 'The escalation policy.',
      state: 'Where the escalation stands.',
      position: 'The last layer position reached, or `null` before any.',
      layerId: 'The layer paged at that position, or `null`.',
      nextEscalationAt: 'When the next layer is paged unless someone acknowledges (ISO 8601); `null` while no timer runs.',
      acknowledgedBy: 'Who acknowledged, or `null`.',
      acknowledgedAt: 'When (ISO 8601), or `null`.',
    },
  },
  AuditEntry: {
    summary:
      'One event of an incident’s audit trail. `type` is one of `incident_created`, `status_changed`, ' +
      '`incident_acknowledged`, `incident_handed_off`, `layer_paged`, `layer_skipped`, `escalated`, ' +
      '`escalation_exhausted` and `escalation_stopped`; the other fields depend on it. Newer kinds may appear, so ' +
      '`type` is a plain string.',
    fields: {
      type: 'What happened.',
      at: 'When (ISO 8601).',
      actorId: 'The user who acted (opened, changed the status, handed off).',
      userId: 'The user who acknowledged.',
      userIds: 'The users a layer paged.',
      position: 'The layer position paged or skipped; `null` for a handoff page without a layer.',
      layerId: 'The layer paged or skipped; `null` for a handoff page without a layer.',
      fromPosition: 'The position the escalation moved on from; `null` before the first layer.',
      from: 'The status before the change.',
      to: 'The status after the change.',
      fromUserId: 'The owner before the handoff, or `null`.',
      toUserId: 'The owner after the handoff.',
      reason:
        'Why: for a page `escalation` or `handoff`; for a skip `condition_not_met`; for a stop `resolved` or `policy_deleted`.',
    },
  },
  IncidentDetail: {
    summary:
      'One incident as `incidents.get` and `incidents.acknowledge` return it: with its status history, its escalation ' +
      'and its audit trail.',
    fields: {
      ...incident,
      statusHistory: 'Every status change, oldest first.',
      escalation: 'Its escalation, or `null` when it has no escalation policy.',
      auditTrail: 'Everything that happened to it, oldest first.',
    },
  },
  IncidentUpdate: {
    summary: 'An entry of an incident’s timeline: a note, a status change, or both.',
    fields: {
      id: 'The update’s id.',
      incidentId: 'The incident it belongs to.',
      body: 'The text; `null` once redacted, or for a status change without text.',
      statusChange: 'The status it moved the incident to, or `null`.',
      visibility: '`\'internal\'`: for responders only; `\'public\'`: also on status pages.',
      postedBy: 'Who posted it.',
      'postedBy.id': author.id,
      'postedBy.name': author.name,
      postedAt: 'When it was posted (ISO 8601).',
      redactedAt: 'When its text was redacted (ISO 8601), or `null`.',
      redactedBy: 'Who redacted it, or `null`.',
      'redactedBy.id': author.id,
      'redactedBy.name': author.name,
    },
  },
  IncidentPage: {
    summary: 'One page of `incidents.list`, newest first.',
    fields: { incidents: 'The incidents of this page.', nextCursor: NEXT_CURSOR },
  },
  IncidentResponse: envelope('Incident', 'The incident.'),
  IncidentDetailResponse: envelope('IncidentDetail', 'The incident, with its history, escalation and audit trail.'),
  IncidentPageResponse: envelope('IncidentPage', 'One page of incidents.'),
  IncidentUpdateResponse: envelope('IncidentUpdate', 'The update.'),
  IncidentUpdateListResponse: {
    ...envelope('{ updates: IncidentUpdate[] }', 'The incident’s timeline.'),
    fields: { data: 'The incident’s timeline.', 'data.updates': 'Its updates, oldest first.' },
  },
};

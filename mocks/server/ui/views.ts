import { resolveOnCall } from '../../../src/oncall/rotation.js';
import { onCallSchedule } from '../../store/oncall.js';
import type { IncidentRecord, Millis, MockState, OrgRecord } from '../../store/state.js';
import { iso } from '../../store/views.js';
import { conditionLabel, personName, targetLabel } from '../../timeline/of-incident.js';

/**
 * What the timeline page reads through `GET /__mock/incidents` and `GET /__mock/timeline`: every
 * org's incidents with where their escalation stands, and for one incident its policy, the
 * schedules that policy pages and who is on call on them now. Read-only views of the state.
 */

/** Per org, the most recent incidents listed (the page polls this): a long simulation makes thousands. */
export const MAX_LISTED_INCIDENTS = 200;

const person = (org: OrgRecord, userId: string | null) => (userId === null ? null : { id: userId, name: personName(org, userId) });

const incidentSummary = (org: OrgRecord, incident: IncidentRecord) => {
  const { escalation } = incident;
  const policy = incident.escalationPolicyId === null ? undefined : org.policies.get(incident.escalationPolicyId);
  return {
    id: incident.id,
    title: incident.title,
    severity: incident.severity,
    status: incident.status,
    createdAt: iso(incident.createdAt),
    owner: person(org, incident.ownerId),
    acknowledgedBy: person(org, incident.acknowledgedBy),
    policy: incident.escalationPolicyId === null ? null : { id: incident.escalationPolicyId, name: policy?.name ?? null },
    escalation:
      escalation === null
        ? null
        : {
            state: escalation.state,
            position: escalation.position,
            nextEscalationAt: Number.isNaN(escalation.nextEscalationAt) ? null : iso(escalation.nextEscalationAt),
          },
  };
};

/** `GET /__mock/incidents`: each org (oldest first) with its newest incidents first, and the soonest escalation step due. */
export const incidentsView = (state: MockState, now: Millis) => {
  let nextStep = Number.POSITIVE_INFINITY;
  const orgs = [...state.orgs.values()].map((org) => {
    const incidents = [...org.incidents.values()];
    for (const incident of incidents) {
      const due = incident.escalation?.state === 'active' ? incident.escalation.nextEscalationAt : Number.NaN;
      if (due < nextStep) nextStep = due;
    }
    return {
      id: org.id,
      name: org.name,
      incidentCount: incidents.length,
      incidents: incidents.slice(-MAX_LISTED_INCIDENTS).reverse().map((incident) => incidentSummary(org, incident)),
    };
  });
  return { now: iso(now), nextStepAt: Number.isFinite(nextStep) ? iso(nextStep) : null, orgs };
};

/** The incident's policy as people read it, and who each schedule it pages has on call at `now`. */
export const escalationContextView = (org: OrgRecord, incident: IncidentRecord, now: Millis) => {
  const policy = incident.escalationPolicyId === null ? undefined : org.policies.get(incident.escalationPolicyId);
  const scheduleIds = [...new Set(policy?.layers.flatMap((layer) => (layer.target.type === 'schedule' ? [layer.target.scheduleId] : [])) ?? [])];
  return {
    org: { id: org.id, name: org.name },
    incident: incidentSummary(org, incident),
    policy: policy
      ? {
          id: policy.id,
          name: policy.name,
          description: policy.description,
          layers: policy.layers.map((layer, index) => ({
            position: index + 1,
            layerId: layer.id,
            ackTimeoutMinutes: layer.ackTimeoutMinutes,
            target: layer.target,
            targetLabel: targetLabel(org, layer.target),
            condition: conditionLabel(org, layer.condition),
          })),
        }
      : null,
    schedules: scheduleIds.flatMap((scheduleId) => {
      const schedule = org.schedules.get(scheduleId);
      if (!schedule) return [];
      const onCall = resolveOnCall(onCallSchedule(schedule), now);
      return [
        {
          id: schedule.id,
          name: schedule.name,
          timezone: schedule.timezone,
          owner: person(org, onCall.owner),
          layers: onCall.layers.map((layer) => ({
            position: layer.position,
            name: schedule.layers[layer.position]?.name ?? `Layer ${layer.position + 1}`,
            onCall: person(org, layer.userId),
          })),
        },
      ];
    }),
  };
};

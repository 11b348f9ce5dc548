import type { IncidentCreateParams, IncidentListQuery, IncidentStatus } from '../../src/schemas/incidents.js';
import { resolveOnCall } from '../../src/oncall/rotation.js';
import type * as z from 'zod/mini';
import { acknowledgeEscalation, handOffEscalation, resolveEscalation, startEscalation } from '../engine/escalation.js';
import { recordAudit } from './audit.js';
import { hasPublicSurface } from './components.js';
import { badRequest, MockApiError, notFound } from './errors.js';
import { newId, newUuid } from './ids.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { onCallSchedule } from './oncall.js';
import { isAdmin } from './team.js';
import type { Actor, IncidentRecord, IncidentUpdateRecord, Millis, MockState, OrgRecord } from './state.js';

const LIFECYCLE: readonly IncidentStatus[] = ['investigating', 'identified', 'monitoring', 'resolved'];
/** How long an author may redact their own update. */
export const REDACTION_WINDOW_MS = 5 * 60_000;

export const getIncident = (org: OrgRecord, incidentId: string): IncidentRecord => {
  const incident = org.incidents.get(incidentId);
  if (!incident) throw notFound('incident');
  return incident;
};

const assertOpen = (incident: IncidentRecord) => {
  if (incident.status === 'resolved') throw badRequest('incident_resolved', 'The incident is resolved; nothing more may change but redactions.');
};

const assertComponents = (org: OrgRecord, componentIds: readonly string[]) => {
  const unknown = componentIds.filter((id) => !org.components.has(id));
  if (unknown.length > 0) throw badRequest('invalid_component_id', `componentIds: not components of this organization: ${unknown.join(', ')}.`);
};

/**
 * The owner and policy an incident starts with. `ownerScheduleId` makes the schedule's owner
 * (its position-0 layer's on-call person) the owner unless `ownerId` is given, and attaches the
 * first policy (oldest first) whose position-1 layer targets that schedule unless
 * `escalationPolicyId` is given.
 */
const startingOwnership = (org: OrgRecord, input: IncidentCreateParams, now: Millis) => {
  if (input.ownerId !== undefined && !org.users.has(input.ownerId)) {
    throw badRequest('invalid_owner', `ownerId: ${input.ownerId} is not a member of this organization.`);
  }
  if (input.escalationPolicyId !== undefined && !org.policies.has(input.escalationPolicyId)) throw notFound('escalation policy');
  let ownerId = input.ownerId ?? null;
  let escalationPolicyId = input.escalationPolicyId ?? null;
  if (input.ownerScheduleId !== undefined) {
    const schedule = org.schedules.get(input.ownerScheduleId);
    if (!schedule) throw notFound('schedule');
    ownerId ??= resolveOnCall(onCallSchedule(schedule), now).owner;
    escalationPolicyId ??=
      [...org.policies.values()].find((policy) => {
        const first = policy.layers[0]?.target;
        return first?.type === 'schedule' && first.scheduleId === schedule.id;
      })?.id ?? null;
  }
  return { ownerId, escalationPolicyId };
};

export const createIncident = (state: MockState, org: OrgRecord, actor: Actor, input: IncidentCreateParams, now: Millis): IncidentRecord => {
  const componentIds = input.componentIds ?? [];
  assertComponents(org, componentIds);
  const { ownerId, escalationPolicyId } = startingOwnership(org, input, now);
  const incident: IncidentRecord = {
    id: newId(state.random, 'inc'),
    orgId: org.id,
    seq: ++org.incidentSeq,
    title: input.title,
    description: input.description ?? null,
    severity: input.severity,
    status: 'investigating',
    ownerId,
    escalationPolicyId,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
    componentIds: [...componentIds],
    statusHistory: [{ id: newId(state.random, 'sh'), status: 'investigating', changedAt: now, resolutionNote: null }],
    updates: [],
    acknowledgedBy: null,
    acknowledgedAt: null,
    auditTrail: [{ type: 'incident_created', at: now, actorId: actor.userId }],
    auditLogSizes: [state.engine.log.size],
    escalation: null,
  };
  org.incidents.set(incident.id, incident);
  if (escalationPolicyId !== null) {
    incident.escalation = startEscalation(state.engine, org, { orgId: org.id, incidentId: incident.id, policyId: escalationPolicyId }, now);
  }
  return incident;
};

/** An incident cursor names the last incident seen by its sequence number. */
const readBefore = ({ before }: Record<string, unknown>) =>
  typeof before === 'number' && Number.isInteger(before) && before > 0 ? before : undefined;

/** `2026-04-07` covers that whole UTC day; a datetime is an exact bound. */
const bound = (value: string, end: boolean) =>
  value.length === 10 ? Date.parse(`${value}T00:00:00.000Z`) + (end ? 86_400_000 - 1 : 0) : Date.parse(value);

/**
 * Newest first. The cursor names the last incident seen, so pages stay stable while new
 * incidents arrive: they sort before the cursor and never shift a later page.
 */
export const listIncidents = (org: OrgRecord, query: z.output<typeof IncidentListQuery>) => {
  const before = query.cursor === undefined ? Number.POSITIVE_INFINITY : decodeCursor(query.cursor, readBefore);
  const from = query.from === undefined ? Number.NEGATIVE_INFINITY : bound(query.from, false);
  const to = query.to === undefined ? Number.POSITIVE_INFINITY : bound(query.to, true);
  const limit = query.limit ?? 20;
  const matches: IncidentRecord[] = [];
  const all = [...org.incidents.values()];
  for (let i = all.length - 1; i >= 0 && matches.length <= limit; i--) {
    const incident = all[i]!;
    if (incident.seq >= before) continue;
    if (query.status !== undefined && incident.status !== query.status) continue;
    if (query.severity !== undefined && incident.severity !== query.severity) continue;
    if (incident.createdAt < from || incident.createdAt > to) continue;
    matches.push(incident);
  }
  const page = matches.slice(0, limit);
  const last = page[page.length - 1];
  return { incidents: page, nextCursor: matches.length > limit && last ? encodeCursor({ before: last.seq }) : null };
};

const postUpdateRecord = (state: MockState, incident: IncidentRecord, actor: Actor, fields: Pick<IncidentUpdateRecord, 'body' | 'statusChange' | 'visibility'>, now: Millis) => {
  const update: IncidentUpdateRecord = {
    id: newUuid(state.random),
    incidentId: incident.id,
    ...fields,
    postedBy: actor.userId,
    postedAt: now,
    redactedAt: null,
    redactedBy: null,
  };
  incident.updates.push(update);
  incident.updatedAt = now;
  return update;
};

/** One step forward only; records the history row (the caller records the update). */
const moveStatus = (state: MockState, incident: IncidentRecord, actor: Actor, to: IncidentStatus, resolutionNote: string | null, now: Millis) => {
  const from = incident.status;
  if (LIFECYCLE.indexOf(to) !== LIFECYCLE.indexOf(from) + 1) {
    throw badRequest('invalid_status_transition', `status: an incident that is ${from} can only move to ${LIFECYCLE[LIFECYCLE.indexOf(from) + 1] ?? 'nothing (resolved is final)'}, not ${to}.`);
  }
  incident.status = to;
  incident.statusHistory.push({ id: newId(state.random, 'sh'), status: to, changedAt: now, resolutionNote });
  recordAudit(state, incident, { type: 'status_changed', at: now, actorId: actor.userId, from, to });
  if (to === 'resolved') resolveEscalation(state.engine, incident.escalation, now);
};

/** `PATCH /status`: a thin alias that posts an internal update through the same path as `POST /updates`. */
export const changeStatus = (state: MockState, org: OrgRecord, actor: Actor, incidentId: string, to: IncidentStatus, resolutionNote: string | undefined, now: Millis) => {
  const incident = getIncident(org, incidentId);
  moveStatus(state, incident, actor, to, resolutionNote ?? null, now);
  postUpdateRecord(state, incident, actor, { body: resolutionNote ?? null, statusChange: to, visibility: 'internal' }, now);
  return incident;
};

export const postUpdate = (
  state: MockState,
  org: OrgRecord,
  actor: Actor,
  incidentId: string,
  input: { body?: string | undefined; statusChange?: IncidentStatus | undefined; visibility: 'internal' | 'public' },
  now: Millis,
) => {
  const incident = getIncident(org, incidentId);
  assertOpen(incident);
  if (input.visibility === 'public' && !hasPublicSurface(org, incident.componentIds)) {
    throw badRequest('no_public_surface', 'A public update needs a published status page that shows one of the incident’s components.');
  }
  if (input.statusChange !== undefined) moveStatus(state, incident, actor, input.statusChange, null, now);
  return postUpdateRecord(state, incident, actor, { body: input.body ?? null, statusChange: input.statusChange ?? null, visibility: input.visibility }, now);
};

/** Its author within five minutes of posting, or an org admin at any time. Redacting twice changes nothing. */
export const redactUpdate = (org: OrgRecord, actor: Actor, incidentId: string, updateId: string, now: Millis) => {
  const incident = getIncident(org, incidentId);
  const index = incident.updates.findIndex((candidate) => candidate.id === updateId);
  const update = incident.updates[index];
  if (!update) throw notFound('update on this incident');
  if (update.redactedAt !== null) return update;
  const ownRecent = update.postedBy === actor.userId && now - update.postedAt <= REDACTION_WINDOW_MS;
  if (!ownRecent && !isAdmin(org, actor)) {
    throw new MockApiError(403, 'permission_error', 'redaction_not_permitted', 'Only the author within 5 minutes of posting, or an org admin, may redact an update.');
  }
  const redacted: IncidentUpdateRecord = { ...update, body: null, redactedAt: now, redactedBy: actor.userId };
  incident.updates[index] = redacted;
  return redacted;
};

/** Idempotent; a no-op on a resolved incident. Does not change the status. */
export const acknowledgeIncident = (state: MockState, org: OrgRecord, actor: Actor, incidentId: string, now: Millis) => {
  const incident = getIncident(org, incidentId);
  if (incident.status === 'resolved' || incident.acknowledgedBy !== null) return { incident, changed: false };
  incident.acknowledgedBy = actor.userId;
  incident.acknowledgedAt = now;
  incident.updatedAt = now;
  recordAudit(state, incident, { type: 'incident_acknowledged', at: now, userId: actor.userId });
  acknowledgeEscalation(incident.escalation);
  return { incident, changed: true };
};

/** The target becomes the owner and is paged; the acknowledgment is cleared, so they must acknowledge. */
export const handOffIncident = (state: MockState, org: OrgRecord, actor: Actor, incidentId: string, targetUserId: string, now: Millis) => {
  const incident = getIncident(org, incidentId);
  assertOpen(incident);
  if (!org.users.has(targetUserId)) {
    throw badRequest('invalid_target_user', `targetUserId: ${targetUserId} is not a member of this organization.`);
  }
  recordAudit(state, incident, { type: 'incident_handed_off', at: now, actorId: actor.userId, fromUserId: incident.ownerId, toUserId: targetUserId });
  incident.ownerId = targetUserId;
  incident.acknowledgedBy = null;
  incident.acknowledgedAt = null;
  incident.updatedAt = now;
  handOffEscalation(state.engine, org, incident, targetUserId, now);
  return incident;
};

export const setIncidentComponents = (org: OrgRecord, incidentId: string, componentIds: readonly string[], now: Millis) => {
  const incident = getIncident(org, incidentId);
  assertOpen(incident);
  assertComponents(org, componentIds);
  incident.componentIds = [...componentIds];
  incident.updatedAt = now;
  return incident;
};

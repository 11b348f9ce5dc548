import type { LayerTarget } from '../../src/schemas/policy-layers.js';
import { createPageLog, type PageLog } from '../engine/page-log.js';
import { createTimerQueue, type TimerQueue } from '../engine/timers.js';
import { createRandom, type Random } from './ids.js';
import type { InboundIntegrationRecord, RoutingPolicyRecord } from './routing.js';

/** Times are epoch milliseconds from the mock's clock; views turn them into ISO strings. */
export type Millis = number;

export type MemberRole = 'org:admin' | 'org:member';

export type UserRecord = {
  id: string;
  orgId: string;
  email: string;
  firstName: string;
  lastName: string;
  role: MemberRole;
  joinedAt: Millis;
};

export type RotationType = 'daily' | 'weekly' | 'custom';

/** A rotation layer of a schedule. Its position is its index in `ScheduleRecord.layers` (0-based). */
export type ScheduleLayerRecord = {
  id: string;
  scheduleId: string;
  orgId: string;
  name: string;
  rotationType: RotationType;
  rotationLengthDays: number;
  /** `HH:MM`, 24 h, in the schedule's timezone. */
  handoffTime: string;
  effectiveFrom: Millis;
  effectiveUntil: Millis | null;
  participantIds: string[];
  createdAt: Millis;
  updatedAt: Millis;
};

export type ScheduleRecord = {
  id: string;
  orgId: string;
  name: string;
  description: string | null;
  /** IANA zone name. */
  timezone: string;
  createdBy: string;
  createdAt: Millis;
  updatedAt: Millis;
  /** In position order: position 0 is the owner-bearing layer. */
  layers: ScheduleLayerRecord[];
};

export type ComponentRecord = {
  id: string;
  orgId: string;
  name: string;
  description: string | null;
  groupLabel: string | null;
  createdAt: Millis;
  updatedAt: Millis;
};

/** Status pages have no API; tests make them with `mock.createStatusPage()`. */
export type StatusPageRecord = { id: string; orgId: string; componentIds: string[]; published: boolean };

export type InvitationRecord = {
  id: string;
  orgId: string;
  emailAddress: string;
  role: MemberRole;
  status: 'pending';
  createdAt: Millis;
};

export type IncidentStatus = 'investigating' | 'identified' | 'monitoring' | 'resolved';
export type Severity = 'critical' | 'high' | 'medium' | 'low';

export type StatusHistoryRecord = { id: string; status: IncidentStatus; changedAt: Millis; resolutionNote: string | null };

export type IncidentUpdateRecord = {
  id: string;
  incidentId: string;
  body: string | null;
  statusChange: IncidentStatus | null;
  visibility: 'internal' | 'public';
  /** A user id: the owner of the API key that posted it. */
  postedBy: string;
  postedAt: Millis;
  redactedAt: Millis | null;
  redactedBy: string | null;
};

/**
 * The incident's audit trail, oldest first. The docs name `incident_acknowledged` and
 * `incident_handed_off`; the escalation engine adds its own steps.
 */
export type AuditEntry =
  | { type: 'incident_created'; at: Millis; actorId: string }
  | { type: 'status_changed'; at: Millis; actorId: string; from: IncidentStatus; to: IncidentStatus }
  | { type: 'incident_acknowledged'; at: Millis; userId: string }
  | { type: 'incident_handed_off'; at: Millis; actorId: string; fromUserId: string | null; toUserId: string }
  | { type: 'layer_skipped'; at: Millis; position: number; layerId: string }
  | { type: 'escalated'; at: Millis; fromPosition: number | null }
  | { type: 'escalation_exhausted'; at: Millis }
  | { type: 'escalation_stopped'; at: Millis; reason: 'resolved' | 'policy_deleted' };

/** Why someone was paged, as tests see it: a layer reached by escalation, or a handoff to them. */
export type PageReason = 'escalation' | 'handoff';

export type EscalationState = 'active' | 'acknowledged' | 'exhausted' | 'resolved' | 'stopped';

/**
 * Where an incident's escalation stands. `position` is the last position reached (paged or
 * skipped); a timer armed under an older `generation` is stale and dropped when it comes up.
 */
export type EscalationRecord = {
  /** Whose escalation this is: a timer holds this record alone, so a step never reads the incident. */
  orgId: string;
  incidentId: string;
  policyId: string;
  state: EscalationState;
  position: number | null;
  layerId: string | null;
  /**
   * When the running timer fires; `NaN` when none runs. A number, never `null`: V8 then updates the
   * field in place instead of allocating a fresh number on every step of a long simulation.
   */
  nextEscalationAt: Millis;
  generation: number;
};

export type IncidentRecord = {
  id: string;
  orgId: string;
  /** Creation order within the org: the list's sort key and what its cursor encodes. */
  seq: number;
  title: string;
  description: string | null;
  severity: Severity;
  status: IncidentStatus;
  ownerId: string | null;
  escalationPolicyId: string | null;
  createdBy: string;
  createdAt: Millis;
  updatedAt: Millis;
  componentIds: string[];
  statusHistory: StatusHistoryRecord[];
  updates: IncidentUpdateRecord[];
  acknowledgedBy: string | null;
  acknowledgedAt: Millis | null;
  /** Oldest first, without the pages (see `recordAudit`). */
  auditTrail: AuditEntry[];
  /** For each trail entry, how many pages the mock had logged when it was written. */
  auditPages: number[];
  /** `null` for an incident without an escalation policy. */
  escalation: EscalationRecord | null;
};

export type LayerRecord = {
  id: string;
  policyId: string;
  orgId: string;
  ackTimeoutMinutes: number;
  target: LayerTarget;
  createdAt: Millis;
  updatedAt: Millis;
};

/** A policy owns its layers in position order: position is the index + 1, so it is always 1..n. */
export type PolicyRecord = {
  id: string;
  orgId: string;
  name: string;
  description: string | null;
  createdBy: string;
  createdAt: Millis;
  updatedAt: Millis;
  layers: LayerRecord[];
};

export type OrgRecord = {
  id: string;
  name: string;
  /** Current members. A removed member is deleted here and their keys are revoked. */
  users: Map<string, UserRecord>;
  invitations: Map<string, InvitationRecord>;
  schedules: Map<string, ScheduleRecord>;
  policies: Map<string, PolicyRecord>;
  components: Map<string, ComponentRecord>;
  statusPages: Map<string, StatusPageRecord>;
  /** Always holds the org's default policy (`isDefault`). */
  routingPolicies: Map<string, RoutingPolicyRecord>;
  inboundIntegrations: Map<string, InboundIntegrationRecord>;
  /** In creation order (a Map keeps insertion order). */
  incidents: Map<string, IncidentRecord>;
  incidentSeq: number;
};

/** Who a request acts as: the owner of the API key it carries. */
export type Actor = { orgId: string; userId: string };

/** All of one mock's data. Nothing in it is shared with another mock. */
export type MockState = {
  orgs: Map<string, OrgRecord>;
  apiKeys: Map<string, Actor>;
  /** Ids and keys come from their own stream, so reads (which need request ids) never shift them. */
  random: Random;
  requestIdRandom: Random;
  /** Pending escalation timers, soonest first, each holding the escalation it is for. */
  timers: TimerQueue<EscalationRecord>;
  /** Every page, in the order it happened. */
  pages: PageLog;
  /** Page indices by incident (its interned code), built as it is read (up to `upTo`). */
  pageIndex: { upTo: number; byIncident: Map<number, number[]> };
};

export const createState = (seed: number): MockState => ({
  orgs: new Map(),
  apiKeys: new Map(),
  random: createRandom(seed),
  requestIdRandom: createRandom(seed ^ 0x5bd1e995),
  timers: createTimerQueue<EscalationRecord>(),
  pages: createPageLog(),
  pageIndex: { upTo: 0, byIncident: new Map() },
});

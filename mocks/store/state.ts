import type { IncidentStatus, IncidentUpdate, Severity } from '../../src/schemas/incidents.js';
import type { LayerTarget } from '../../src/schemas/policy-layers.js';
import type { RotationType } from '../../src/schemas/schedules.js';
import type { Invitation, MemberRole } from '../../src/schemas/team.js';
import type { ComponentOperationalStatus } from '../../src/schemas/components.js';
import type { Millis } from '../engine/clock.js';
import { createEscalationEngine, type EscalationEngine, type EscalationRecord } from '../engine/escalation.js';
import { createRandom, type Random } from './ids.js';
import type { RoutingOutcome, RoutingSeverity } from '../../src/routing/rules.js';

// Handlers name times as the store's; the clock that makes them is the engine's.
export type { Millis } from '../engine/clock.js';

export type UserRecord = {
  id: string;
  orgId: string;
  email: string;
  firstName: string;
  lastName: string;
  role: MemberRole;
  joinedAt: Millis;
};

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
  aliases: string[];
  /** Set by `mock.setComponentStatus`: what the status is, whatever the incidents say. */
  statusOverride: ComponentOperationalStatus | null;
  /** Set by `mock.setComponentStatus`; shown only while `startedAt ≤ now < endsAt`. */
  maintenanceWindow: { startedAt: Millis; endsAt: Millis | null } | null;
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
  status: Invitation['status'];
  createdAt: Millis;
};

/*
 * An incident's history rows, updates and audit entries are never changed once written (a
 * redaction replaces its update): a snapshot and the state it is restored into share them.
 */
export type StatusHistoryRecord = Readonly<{ id: string; status: IncidentStatus; changedAt: Millis; resolutionNote: string | null }>;

export type IncidentUpdateRecord = Readonly<{
  id: string;
  incidentId: string;
  body: string | null;
  statusChange: IncidentStatus | null;
  visibility: IncidentUpdate['visibility'];
  /** A user id: the owner of the API key that posted it. */
  postedBy: string;
  postedAt: Millis;
  redactedAt: Millis | null;
  redactedBy: string | null;
}>;

/**
 * The store's part of an incident's audit trail: what requests did. The docs name
 * `incident_acknowledged` and `incident_handed_off`; the escalation steps are the engine's own
 * (`EscalationAuditEntry`, in its escalation log).
 */
export type IncidentAuditEntry = Readonly<
  | { type: 'incident_created'; at: Millis; actorId: string }
  | { type: 'status_changed'; at: Millis; actorId: string; from: IncidentStatus; to: IncidentStatus }
  | { type: 'incident_acknowledged'; at: Millis; userId: string }
  | { type: 'incident_handed_off'; at: Millis; actorId: string; fromUserId: string | null; toUserId: string }
>;

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
  /** The store's entries, oldest first; the engine's are in its escalation log (see `recordAudit`). */
  auditTrail: IncidentAuditEntry[];
  /** For each entry of `auditTrail`, how many entries the escalation log held when it was written. */
  auditLogSizes: number[];
  /** `null` for an incident without an escalation policy. */
  escalation: EscalationRecord | null;
};

export type LayerRecord = {
  id: string;
  policyId: string;
  orgId: string;
  ackTimeoutMinutes: number;
  target: LayerTarget;
  /** A working-hours gate (`null`: always eligible); the set is one of the org's (its delete is refused while used). */
  condition: LayerConditionRecord | null;
  createdAt: Millis;
  updatedAt: Millis;
};

export type LayerConditionRecord = { workingHoursId: string; when: 'during' | 'outside' };

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

/** A weekly window, kept exactly as sent (days in their order). */
export type WorkingHoursWindowRecord = { days: number[]; start: string; end: string };

export type WorkingHoursRecord = {
  id: string;
  orgId: string;
  name: string;
  /** IANA zone name: the windows are its wall clock. */
  timezone: string;
  windows: WorkingHoursWindowRecord[];
  createdAt: Millis;
  updatedAt: Millis;
};

export type RoutingRuleRecord = { severity: RoutingSeverity; outcome: RoutingOutcome; escalationPolicyId: string | null };

/** A routing policy; its rules stay in the order they were sent (the provider's lists round-trip). */
export type RoutingPolicyRecord = {
  id: string;
  orgId: string;
  name: string;
  description: string | null;
  isDefault: boolean;
  rules: RoutingRuleRecord[];
  createdAt: Millis;
  updatedAt: Millis;
};

export type SelectorRecord = { matchers: Array<{ key: string; value: string }>; routingPolicyId: string };

/** An inbound integration: provisioned outside the API, so only the mock's helpers make one. */
export type InboundIntegrationRecord = {
  id: string;
  orgId: string;
  name: string;
  componentId: string;
  /** `null`: the org's default routing policy applies when no selector matches. */
  routingPolicyId: string | null;
  selectors: SelectorRecord[];
  createdAt: Millis;
  updatedAt: Millis;
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
  workingHours: Map<string, WorkingHoursRecord>;
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
  /** Timers, pages and the escalation steps of every trail: the engine's, written by it alone. */
  engine: EscalationEngine;
};

export const createState = (seed: number): MockState => ({
  orgs: new Map(),
  apiKeys: new Map(),
  random: createRandom(seed),
  requestIdRandom: createRandom(seed ^ 0x5bd1e995),
  engine: createEscalationEngine(),
});

import * as z from 'zod/mini';
import { isoDate, isoDateTime } from './iso.js';
import { dataEnvelope, Id, PageCursor, PageLimit, PageLimitQuery, PathId, Timestamp } from './common.js';

export const Severity = z.enum(['critical', 'high', 'medium', 'low']);

// Strictly one step forward: investigating → identified → monitoring → resolved.
export const IncidentStatus = z.enum(['investigating', 'identified', 'monitoring', 'resolved']);

// `/incidents/{incidentId}`
export const IncidentPathParams = z.strictObject({ incidentId: PathId });

// `/incidents/{incidentId}/updates/{updateId}`
export const IncidentUpdatePathParams = z.strictObject({ incidentId: PathId, updateId: PathId });

const Text = (max: number) => z.string().check(z.minLength(1, `must be 1 to ${max} characters`), z.maxLength(max, `must be 1 to ${max} characters`));
const Description = z.string().check(z.maxLength(10_000, 'must be at most 10000 characters'));

/** A component set: the docs answer repeats with 400 `duplicate_component_id`. */
const ComponentIds = z.array(Id).check(
  z.maxLength(100, 'must list at most 100 component ids'),
  z.refine((ids) => new Set(ids).size === ids.length, { message: 'must not repeat a component id', params: { apiCode: 'duplicate_component_id' } }),
);

// Body of `POST /incidents`. At least one of `ownerId`, `ownerScheduleId`, `escalationPolicyId`
// (the reference requires an owner, the guide creates incidents with a policy only: both hold).
export const IncidentCreateParams = z
  .strictObject({
    title: Text(100),
    description: z.optional(Description),
    severity: Severity,
    ownerId: z.optional(Id),
    ownerScheduleId: z.optional(Id),
    escalationPolicyId: z.optional(Id),
    componentIds: z.optional(ComponentIds),
  })
  .check(
    z.refine((body) => body.ownerId !== undefined || body.ownerScheduleId !== undefined || body.escalationPolicyId !== undefined, {
      message: 'must contain at least one of ownerId, ownerScheduleId, escalationPolicyId',
      path: ['ownerId'],
      params: { apiCode: 'owner_required' },
    }),
  );

const DateOrDateTime = z.union([isoDate(), isoDateTime({ offset: true })], {
  error: 'must be an ISO 8601 date (2026-04-07) or datetime (2026-04-07T10:00:00Z)',
});

// Filters of `GET /incidents`, as the SDK takes them. `from`/`to` take a date (`2026-04-07`) or a datetime.
export const IncidentListParams = z.strictObject({
  status: z.optional(IncidentStatus),
  severity: z.optional(Severity),
  from: z.optional(DateOrDateTime),
  to: z.optional(DateOrDateTime),
  limit: z.optional(PageLimit),
  cursor: z.optional(PageCursor),
});

/** The same filters as they arrive in a query string (every value a string). */
export const IncidentListQuery = z.strictObject({
  ...IncidentListParams.shape,
  limit: z.optional(PageLimitQuery),
});

// Body of `PATCH /incidents/{incidentId}/status`. `resolutionNote` belongs to the move to `resolved`.
export const IncidentStatusParams = z
  .strictObject({
    status: IncidentStatus,
    resolutionNote: z.optional(Text(10_000)),
  })
  .check(
    z.refine((body) => body.resolutionNote === undefined || body.status === 'resolved', {
      message: 'resolutionNote is only accepted with status "resolved"',
      path: ['resolutionNote'],
    }),
  );

// Body of `POST /incidents/{incidentId}/updates`. A public update needs a body.
export const IncidentUpdateCreateParams = z
  .strictObject({
    body: z.optional(Text(10_000)),
    statusChange: z.optional(IncidentStatus),
    visibility: z.enum(['internal', 'public']),
  })
  .check(
    z.refine((update) => update.body !== undefined || update.statusChange !== undefined, {
      message: 'must contain at least one of body, statusChange',
      path: ['body'],
    }),
    z.refine((update) => update.visibility !== 'public' || update.body !== undefined, {
      message: 'a public update needs a body',
      path: ['body'],
    }),
  );

// Body of `POST /incidents/{incidentId}/handoff`.
export const IncidentHandoffParams = z.strictObject({ targetUserId: Id });

// Body of `PUT /incidents/{incidentId}/components`: the whole new set; `[]` clears it.
export const IncidentComponentsParams = z.strictObject({ componentIds: ComponentIds });

export const AffectedComponent = z.looseObject({ id: Id, name: z.string() });

// An incident. The docs' examples disagree on which fields come back (the reference omits
// `description`/`ownerId`, the guides omit `affectedComponents`): absent ones read as null / [].
export const Incident = z.looseObject({
  id: Id,
  orgId: Id,
  title: z.string(),
  description: z._default(z.nullable(z.string()), null),
  severity: Severity,
  status: IncidentStatus,
  ownerId: z._default(z.nullable(Id), null),
  escalationPolicyId: z._default(z.nullable(Id), null),
  createdBy: z.optional(z.string()),
  affectedComponents: z._default(z.array(AffectedComponent), []),
  acknowledgedBy: z._default(z.nullable(Id), null),
  acknowledgedAt: z._default(z.nullable(Timestamp), null),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const StatusHistoryEntry = z.looseObject({
  id: Id,
  status: IncidentStatus,
  changedAt: Timestamp,
  resolutionNote: z.nullable(z.string()),
});

// Where the incident's escalation stands: `active` (a layer's timer is running), `acknowledged`,
// `exhausted` (every layer timed out; the incident stays open), `resolved`, or `stopped` (its policy
// was deleted). `position` is the last layer position reached.
export const EscalationState = z.enum(['active', 'acknowledged', 'exhausted', 'resolved', 'stopped']);

export const Escalation = z.looseObject({
  policyId: Id,
  state: EscalationState,
  position: z.nullable(z.int()),
  layerId: z.nullable(Id),
  nextEscalationAt: z.nullable(Timestamp),
  acknowledgedBy: z.nullable(Id),
  acknowledgedAt: z.nullable(Timestamp),
});

// One step of the audit trail. `type` is one of `incident_created`, `status_changed`,
// `incident_acknowledged`, `incident_handed_off`, `layer_paged`, `layer_skipped`, `escalated`,
// `escalation_exhausted`, `escalation_stopped`; the other fields depend on it. Kept open (a string,
// unknown fields kept): a trail is read by people, and new kinds of step must not break old clients.
export const AuditEntry = z.looseObject({
  type: z.string(),
  at: Timestamp,
  actorId: z.optional(Id),
  userId: z.optional(Id),
  userIds: z.optional(z.array(Id)),
  position: z.optional(z.nullable(z.int())),
  layerId: z.optional(z.nullable(Id)),
  fromPosition: z.optional(z.nullable(z.int())),
  from: z.optional(z.string()),
  to: z.optional(z.string()),
  fromUserId: z.optional(z.nullable(Id)),
  toUserId: z.optional(Id),
  reason: z.optional(z.string()),
});

// `GET /incidents/{incidentId}`: the incident with its lifecycle, its escalation and its audit trail.
export const IncidentDetail = z.looseObject({
  ...Incident.shape,
  statusHistory: z.array(StatusHistoryEntry),
  escalation: z._default(z.nullable(Escalation), null),
  auditTrail: z._default(z.array(AuditEntry), []),
});

const Person = z.looseObject({ id: Id, name: z.string() });

export const IncidentUpdate = z.looseObject({
  id: Id,
  incidentId: Id,
  body: z.nullable(z.string()),
  statusChange: z.nullable(IncidentStatus),
  visibility: z.enum(['internal', 'public']),
  postedBy: Person,
  postedAt: Timestamp,
  redactedAt: z.nullable(Timestamp),
  redactedBy: z.nullable(Person),
});

export const IncidentPage = z.looseObject({ incidents: z.array(Incident), nextCursor: z.nullable(z.string()) });

export const IncidentResponse = dataEnvelope(Incident);
export const IncidentDetailResponse = dataEnvelope(IncidentDetail);
export const IncidentPageResponse = dataEnvelope(IncidentPage);
export const IncidentUpdateResponse = dataEnvelope(IncidentUpdate);
export const IncidentUpdateListResponse = dataEnvelope(z.looseObject({ updates: z.array(IncidentUpdate) }));

// Types generated from the schemas above and their docs (./docs/) by `npm run types:schemas`: do not edit
// below this line (test/schema-types.test.ts fails when it is stale).

/** How bad an incident or an alert is, from `critical` down to `low`. */
export type Severity = 'critical' | 'high' | 'medium' | 'low';

/**
 * An incident’s status. It moves strictly one step forward: `investigating` → `identified` → `monitoring` →
 * `resolved`.
 */
export type IncidentStatus = 'investigating' | 'identified' | 'monitoring' | 'resolved';

/** The path parameters of `/incidents/{incidentId}`. */
export interface IncidentPathParams {
  /** The incident’s id. A non-empty string. */
  incidentId: string;
}

/** The path parameters of `/incidents/{incidentId}/updates/{updateId}`. */
export interface IncidentUpdatePathParams {
  /** The incident’s id. A non-empty string. */
  incidentId: string;
  /** The update’s id. A non-empty string. */
  updateId: string;
}

/**
 * The body of `incidents.create`. An incident needs an owner: send at least one of `ownerId`,
 * `ownerScheduleId` and `escalationPolicyId`.
 */
export interface IncidentCreateParams {
  /** A short summary. A string of 1 to 100 characters. */
  title: string;
  /** The details, in free text. A string of at most 10000 characters. */
  description?: string;
  /** How bad it is. */
  severity: Severity;
  /** The member who owns the incident. A non-empty string. */
  ownerId?: string;
  /**
   * A schedule: its owner at this instant owns the incident unless `ownerId` is given, and the oldest policy
   * whose first layer targets it escalates the incident unless `escalationPolicyId` is given. A non-empty
   * string.
   */
  ownerScheduleId?: string;
  /**
   * The escalation policy that pages people, layer after layer, until someone acknowledges. A non-empty
   * string.
   */
  escalationPolicyId?: string;
  /** The components it affects, no id twice. A list of at most 100 items, each a non-empty string. */
  componentIds?: string[];
}

/** The filters of `incidents.list` and `incidents.listAll`, all optional. */
export interface IncidentListParams {
  /** Only incidents with this status. */
  status?: IncidentStatus;
  /** Only incidents of this severity. */
  severity?: Severity;
  /**
   * Only incidents opened at or after this instant; a date stands for the start of that UTC day. An ISO 8601
   * date (`2026-04-07`) or an ISO 8601 date-time (`2026-04-07T09:00:00Z`).
   */
  from?: string;
  /**
   * Only incidents opened up to this instant; a date stands for the whole UTC day. An ISO 8601 date
   * (`2026-04-07`) or an ISO 8601 date-time (`2026-04-07T09:00:00Z`).
   */
  to?: string;
  /** How many items a page holds (20 when absent). An integer from 1 to 100. */
  limit?: number;
  /** The `nextCursor` of the previous page, passed back unchanged. A non-empty string. */
  cursor?: string;
}

/** The body of `incidents.updateStatus`. */
export interface IncidentStatusParams {
  /** The next status: exactly one step forward from the current one. */
  status: IncidentStatus;
  /** How it was resolved: accepted only with `status: 'resolved'`. A string of 1 to 10000 characters. */
  resolutionNote?: string;
}

/**
 * The body of `incidents.updates.create`: at least one of `body` and `statusChange`; a public update needs a
 * `body`.
 */
export interface IncidentUpdateCreateParams {
  /** The text of the update. A string of 1 to 10000 characters. */
  body?: string;
  /** Moves the incident to this status (one step forward) as part of the update. */
  statusChange?: IncidentStatus;
  /**
   * `'internal'`: for responders only. `'public'`: also on the published status pages that show one of the
   * incident’s components (refused when there is none).
   */
  visibility: 'internal' | 'public';
}

/** The body of `incidents.handoff`. */
export interface IncidentHandoffParams {
  /** The member who becomes the owner; they are paged at once. A non-empty string. */
  targetUserId: string;
}

/** The body of `incidents.setComponents`. */
export interface IncidentComponentsParams {
  /**
   * The whole new set of affected components, no id twice; `[]` clears it. A list of at most 100 items, each
   * a non-empty string.
   */
  componentIds: string[];
}

/** A component an incident affects, as the incident shows it. */
export interface AffectedComponent {
  /** The component’s id. */
  id: string;
  /** The component’s name. */
  name: string;
}

/** An incident, as `incidents.create`, the list and the status changes return it. */
export interface Incident {
  /** The incident’s id. */
  id: string;
  /** The organization it belongs to. */
  orgId: string;
  /** A short summary. */
  title: string;
  /** The details, or `null`. `null` when the response leaves it out. */
  description: string | null;
  /** How bad it is. */
  severity: Severity;
  /** Where it stands in its lifecycle. */
  status: IncidentStatus;
  /** The user who owns it, or `null`. `null` when the response leaves it out. */
  ownerId: string | null;
  /** The escalation policy paging people for it, or `null`. `null` when the response leaves it out. */
  escalationPolicyId: string | null;
  /** The user who opened it. */
  createdBy?: string;
  /** The components it affects. `[]` when the response leaves it out. */
  affectedComponents: AffectedComponent[];
  /** Who acknowledged it, or `null`; a handoff clears it. `null` when the response leaves it out. */
  acknowledgedBy: string | null;
  /** When it was acknowledged (ISO 8601), or `null`. `null` when the response leaves it out. */
  acknowledgedAt: string | null;
  /** When it was created (ISO 8601, UTC). */
  createdAt: string;
  /** When it last changed (ISO 8601, UTC). */
  updatedAt: string;
}

/** One status change of an incident. */
export interface StatusHistoryEntry {
  /** The entry’s id. */
  id: string;
  /** The status the incident moved to. */
  status: IncidentStatus;
  /** When (ISO 8601). */
  changedAt: string;
  /** The note sent with the move to `resolved`, else `null`. */
  resolutionNote: string | null;
}

/**
 * Where an incident’s escalation stands: `active` (a layer’s timer is running), `acknowledged`, `exhausted`
 * (every layer timed out; the incident stays open), `resolved`, or `stopped` (its policy was deleted).
 */
export type EscalationState = 'active' | 'acknowledged' | 'exhausted' | 'resolved' | 'stopped';

/** An incident’s escalation: the layer it has reached, and when the next one is paged. */
export interface Escalation {
  /** The escalation policy. */
  policyId: string;
  /** Where the escalation stands. */
  state: EscalationState;
  /** The last layer position reached, or `null` before any. An integer. */
  position: number | null;
  /** The layer paged at that position, or `null`. */
  layerId: string | null;
  /** When the next layer is paged unless someone acknowledges (ISO 8601); `null` while no timer runs. */
  nextEscalationAt: string | null;
  /** Who acknowledged, or `null`. */
  acknowledgedBy: string | null;
  /** When (ISO 8601), or `null`. */
  acknowledgedAt: string | null;
}

/**
 * One event of an incident’s audit trail. `type` is one of `incident_created`, `status_changed`,
 * `incident_acknowledged`, `incident_handed_off`, `layer_paged`, `layer_skipped`, `escalated`,
 * `escalation_exhausted` and `escalation_stopped`; the other fields depend on it. Newer kinds may appear, so
 * `type` is a plain string.
 */
export interface AuditEntry {
  /** What happened. */
  type: string;
  /** When (ISO 8601). */
  at: string;
  /** The user who acted (opened, changed the status, handed off). */
  actorId?: string;
  /** The user who acknowledged. */
  userId?: string;
  /** The users a layer paged. */
  userIds?: string[];
  /** The layer position paged or skipped; `null` for a handoff page without a layer. An integer. */
  position?: number | null;
  /** The layer paged or skipped; `null` for a handoff page without a layer. */
  layerId?: string | null;
  /** The position the escalation moved on from; `null` before the first layer. An integer. */
  fromPosition?: number | null;
  /** The status before the change. */
  from?: string;
  /** The status after the change. */
  to?: string;
  /** The owner before the handoff, or `null`. */
  fromUserId?: string | null;
  /** The owner after the handoff. */
  toUserId?: string;
  /**
   * Why: for a page `escalation` or `handoff`; for a skip `condition_not_met`; for a stop `resolved` or
   * `policy_deleted`.
   */
  reason?: string;
}

/**
 * One incident as `incidents.get` and `incidents.acknowledge` return it: with its status history, its
 * escalation and its audit trail.
 */
export interface IncidentDetail {
  /** The incident’s id. */
  id: string;
  /** The organization it belongs to. */
  orgId: string;
  /** A short summary. */
  title: string;
  /** The details, or `null`. `null` when the response leaves it out. */
  description: string | null;
  /** How bad it is. */
  severity: Severity;
  /** Where it stands in its lifecycle. */
  status: IncidentStatus;
  /** The user who owns it, or `null`. `null` when the response leaves it out. */
  ownerId: string | null;
  /** The escalation policy paging people for it, or `null`. `null` when the response leaves it out. */
  escalationPolicyId: string | null;
  /** The user who opened it. */
  createdBy?: string;
  /** The components it affects. `[]` when the response leaves it out. */
  affectedComponents: AffectedComponent[];
  /** Who acknowledged it, or `null`; a handoff clears it. `null` when the response leaves it out. */
  acknowledgedBy: string | null;
  /** When it was acknowledged (ISO 8601), or `null`. `null` when the response leaves it out. */
  acknowledgedAt: string | null;
  /** When it was created (ISO 8601, UTC). */
  createdAt: string;
  /** When it last changed (ISO 8601, UTC). */
  updatedAt: string;
  /** Every status change, oldest first. */
  statusHistory: StatusHistoryEntry[];
  /** Its escalation, or `null` when it has no escalation policy. `null` when the response leaves it out. */
  escalation: Escalation | null;
  /** Everything that happened to it, oldest first. `[]` when the response leaves it out. */
  auditTrail: AuditEntry[];
}

/** An entry of an incident’s timeline: a note, a status change, or both. */
export interface IncidentUpdate {
  /** The update’s id. */
  id: string;
  /** The incident it belongs to. */
  incidentId: string;
  /** The text; `null` once redacted, or for a status change without text. */
  body: string | null;
  /** The status it moved the incident to, or `null`. */
  statusChange: IncidentStatus | null;
  /** `'internal'`: for responders only; `'public'`: also on status pages. */
  visibility: 'internal' | 'public';
  /** Who posted it. */
  postedBy: {
    /** The user’s id. */
    id: string;
    /** The user’s name. */
    name: string;
  };
  /** When it was posted (ISO 8601). */
  postedAt: string;
  /** When its text was redacted (ISO 8601), or `null`. */
  redactedAt: string | null;
  /** Who redacted it, or `null`. */
  redactedBy: {
    /** The user’s id. */
    id: string;
    /** The user’s name. */
    name: string;
  } | null;
}

/** One page of `incidents.list`, newest first. */
export interface IncidentPage {
  /** The incidents of this page. */
  incidents: Incident[];
  /** Pass it back as `cursor` for the next page; `null` on the last page. */
  nextCursor: string | null;
}

/** A response body as the API sends it: `{ data: Incident }`. The SDK’s methods resolve to the `data`. */
export interface IncidentResponse {
  /** The incident. */
  data: Incident;
}

/**
 * A response body as the API sends it: `{ data: IncidentDetail }`. The SDK’s methods resolve to the `data`.
 */
export interface IncidentDetailResponse {
  /** The incident, with its history, escalation and audit trail. */
  data: IncidentDetail;
}

/** A response body as the API sends it: `{ data: IncidentPage }`. The SDK’s methods resolve to the `data`. */
export interface IncidentPageResponse {
  /** One page of incidents. */
  data: IncidentPage;
}

/**
 * A response body as the API sends it: `{ data: IncidentUpdate }`. The SDK’s methods resolve to the `data`.
 */
export interface IncidentUpdateResponse {
  /** The update. */
  data: IncidentUpdate;
}

/**
 * A response body as the API sends it: `{ data: { updates: IncidentUpdate[] } }`. The SDK’s methods resolve
 * to the `data`.
 */
export interface IncidentUpdateListResponse {
  /** The incident’s timeline. */
  data: {
    /** Its updates, oldest first. */
    updates: IncidentUpdate[];
  };
}

import * as z from 'zod/mini';
import { dataEnvelope, Id, PageCursor, PageLimit, PageLimitQuery, PathId, Timestamp, type Known } from './common.js';

export const Severity = z.enum(['critical', 'high', 'medium', 'low']);
export type Severity = Known<z.infer<typeof Severity>>;

/** Strictly one step forward: investigating → identified → monitoring → resolved. */
export const IncidentStatus = z.enum(['investigating', 'identified', 'monitoring', 'resolved']);
export type IncidentStatus = Known<z.infer<typeof IncidentStatus>>;

/** `/incidents/{incidentId}` */
export const IncidentPathParams = z.strictObject({ incidentId: PathId });
export type IncidentPathParams = Known<z.infer<typeof IncidentPathParams>>;

/** `/incidents/{incidentId}/updates/{updateId}` */
export const IncidentUpdatePathParams = z.strictObject({ incidentId: PathId, updateId: PathId });
export type IncidentUpdatePathParams = Known<z.infer<typeof IncidentUpdatePathParams>>;

const Text = (max: number) => z.string().check(z.minLength(1, `must be 1 to ${max} characters`), z.maxLength(max, `must be 1 to ${max} characters`));
const Description = z.string().check(z.maxLength(10_000, 'must be at most 10000 characters'));

/** A component set: the docs answer repeats with 400 `duplicate_component_id`. */
const ComponentIds = z.array(Id).check(
  z.maxLength(100, 'must list at most 100 component ids'),
  z.refine((ids) => new Set(ids).size === ids.length, { message: 'must not repeat a component id', params: { apiCode: 'duplicate_component_id' } }),
);

/**
 * Body of `POST /incidents`. At least one of `ownerId`, `ownerScheduleId`, `escalationPolicyId`
 * (the reference requires an owner, the guide creates incidents with a policy only: both hold).
 */
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
      params: { apiCode: 'owner_required' },
    }),
  );
export type IncidentCreateParams = z.input<typeof IncidentCreateParams>;

const DateOrDateTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'must be an ISO 8601 date (2026-04-07) or datetime (2026-04-07T10:00:00Z)',
});

/** Filters of `GET /incidents`, as the SDK takes them. `from`/`to` take a date (`2026-04-07`) or a datetime. */
export const IncidentListParams = z.strictObject({
  status: z.optional(IncidentStatus),
  severity: z.optional(Severity),
  from: z.optional(DateOrDateTime),
  to: z.optional(DateOrDateTime),
  limit: z.optional(PageLimit),
  cursor: z.optional(PageCursor),
});
export type IncidentListParams = z.input<typeof IncidentListParams>;

/** The same filters as they arrive in a query string (every value a string). */
export const IncidentListQuery = z.strictObject({
  ...IncidentListParams.shape,
  limit: z.optional(PageLimitQuery),
});

/** Body of `PATCH /incidents/{incidentId}/status`. `resolutionNote` belongs to the move to `resolved`. */
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
export type IncidentStatusParams = z.input<typeof IncidentStatusParams>;

/** Body of `POST /incidents/{incidentId}/updates`. A public update needs a body. */
export const IncidentUpdateCreateParams = z
  .strictObject({
    body: z.optional(Text(10_000)),
    statusChange: z.optional(IncidentStatus),
    visibility: z.enum(['internal', 'public']),
  })
  .check(
    z.refine((update) => update.body !== undefined || update.statusChange !== undefined, {
      message: 'must contain at least one of body, statusChange',
    }),
    z.refine((update) => update.visibility !== 'public' || update.body !== undefined, {
      message: 'a public update needs a body',
      path: ['body'],
    }),
  );
export type IncidentUpdateCreateParams = z.input<typeof IncidentUpdateCreateParams>;

/** Body of `POST /incidents/{incidentId}/handoff`. */
export const IncidentHandoffParams = z.strictObject({ targetUserId: Id });
export type IncidentHandoffParams = z.input<typeof IncidentHandoffParams>;

/** Body of `PUT /incidents/{incidentId}/components`: the whole new set; `[]` clears it. */
export const IncidentComponentsParams = z.strictObject({ componentIds: ComponentIds });
export type IncidentComponentsParams = z.input<typeof IncidentComponentsParams>;

export const AffectedComponent = z.looseObject({ id: Id, name: z.string() });
export type AffectedComponent = Known<z.infer<typeof AffectedComponent>>;

/**
 * An incident. The docs' examples disagree on which fields come back (the reference omits
 * `description`/`ownerId`, the guides omit `affectedComponents`): absent ones read as null / [].
 */
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
export type Incident = Known<z.infer<typeof Incident>>;

export const StatusHistoryEntry = z.looseObject({
  id: Id,
  status: IncidentStatus,
  changedAt: Timestamp,
  resolutionNote: z.nullable(z.string()),
});
export type StatusHistoryEntry = Known<z.infer<typeof StatusHistoryEntry>>;

/**
 * Where the incident's escalation stands: `active` (a layer's timer is running), `acknowledged`,
 * `exhausted` (every layer timed out; the incident stays open), `resolved`, or `stopped` (its policy
 * was deleted). `position` is the last layer position reached.
 */
export const EscalationState = z.enum(['active', 'acknowledged', 'exhausted', 'resolved', 'stopped']);
export type EscalationState = Known<z.infer<typeof EscalationState>>;

export const Escalation = z.looseObject({
  policyId: Id,
  state: EscalationState,
  position: z.nullable(z.int()),
  layerId: z.nullable(Id),
  nextEscalationAt: z.nullable(Timestamp),
  acknowledgedBy: z.nullable(Id),
  acknowledgedAt: z.nullable(Timestamp),
});
export type Escalation = Known<z.infer<typeof Escalation>>;

/**
 * One step of the audit trail. `type` is one of `incident_created`, `status_changed`,
 * `incident_acknowledged`, `incident_handed_off`, `layer_paged`, `layer_skipped`, `escalated`,
 * `escalation_exhausted`, `escalation_stopped`; the other fields depend on it. Kept open (a string,
 * unknown fields kept): a trail is read by people, and new kinds of step must not break old clients.
 */
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
export type AuditEntry = Known<z.infer<typeof AuditEntry>>;

/** `GET /incidents/{incidentId}`: the incident with its lifecycle, its escalation and its audit trail. */
export const IncidentDetail = z.looseObject({
  ...Incident.shape,
  statusHistory: z.array(StatusHistoryEntry),
  escalation: z._default(z.nullable(Escalation), null),
  auditTrail: z._default(z.array(AuditEntry), []),
});
export type IncidentDetail = Known<z.infer<typeof IncidentDetail>>;

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
export type IncidentUpdate = Known<z.infer<typeof IncidentUpdate>>;

export const IncidentPage = z.looseObject({ incidents: z.array(Incident), nextCursor: z.nullable(z.string()) });
export type IncidentPage = Known<z.infer<typeof IncidentPage>>;

export const IncidentResponse = dataEnvelope(Incident);
export const IncidentDetailResponse = dataEnvelope(IncidentDetail);
export const IncidentPageResponse = dataEnvelope(IncidentPage);
export const IncidentUpdateResponse = dataEnvelope(IncidentUpdate);
export const IncidentUpdateListResponse = dataEnvelope(z.looseObject({ updates: z.array(IncidentUpdate) }));

import { ComponentOperationalStatus } from '../../src/schemas/components.js';
import { EscalationState, IncidentStatus, Severity } from '../../src/schemas/incidents.js';
import { RotationType } from '../../src/schemas/schedules.js';
import { MemberRole } from '../../src/schemas/team.js';
import type { EscalationEngine } from '../engine/escalation.js';
import { addEscalation, type EscalationFields, type EscalationRecord } from '../engine/escalations.js';
import { boolean, data, entries, list, nested, number, numberOrNaN, numberOrNull, numbers, oneOf, refused, string, stringOrNull, strings, type Fields } from './copy.js';
import type {
  ComponentRecord,
  InboundIntegrationRecord,
  IncidentAuditEntry,
  IncidentRecord,
  IncidentUpdateRecord,
  InvitationRecord,
  LayerRecord,
  OrgRecord,
  PolicyRecord,
  RoutingPolicyRecord,
  ScheduleLayerRecord,
  ScheduleRecord,
  StatusHistoryRecord,
  StatusPageRecord,
  UserRecord,
  WorkingHoursRecord,
} from './state.js';

/**
 * How a snapshot copies each kind of store record, both ways (`toSnapshot` says which), so that a
 * snapshot shares nothing with the live state and a restored state shares nothing with the
 * snapshot. Each copy is typed as its record: a field added to a record is a compile error here
 * until the copy carries it. Enumerations are checked against the API's own schemas.
 */

/**
 * `fromFrozen`: the record is read from a snapshot this package took and froze, whose entries
 * never changed once written may be shared (`entries`). `into` is the engine of the state being
 * restored: an incident's escalation is a row of it.
 */
export type Copy<Record> = (record: Fields, toSnapshot: boolean, fromFrozen: boolean, into?: EscalationEngine) => Record;

const ROLES = MemberRole.options;
const VISIBILITIES = ['internal', 'public'] as const;

const user: Copy<UserRecord> = (r) => ({
  id: string(r.id, 'id'),
  orgId: string(r.orgId, 'orgId'),
  email: string(r.email, 'email'),
  firstName: string(r.firstName, 'firstName'),
  lastName: string(r.lastName, 'lastName'),
  role: oneOf(r.role, 'role', ROLES),
  joinedAt: number(r.joinedAt, 'joinedAt'),
});

const invitation: Copy<InvitationRecord> = (r) => ({
  id: string(r.id, 'id'),
  orgId: string(r.orgId, 'orgId'),
  emailAddress: string(r.emailAddress, 'emailAddress'),
  role: oneOf(r.role, 'role', ROLES),
  status: oneOf(r.status, 'status', ['pending'] as const),
  createdAt: number(r.createdAt, 'createdAt'),
});

const scheduleLayer = (r: Fields): ScheduleLayerRecord => ({
  id: string(r.id, 'id'),
  scheduleId: string(r.scheduleId, 'scheduleId'),
  orgId: string(r.orgId, 'orgId'),
  name: string(r.name, 'name'),
  rotationType: oneOf(r.rotationType, 'rotationType', RotationType.options),
  rotationLengthDays: number(r.rotationLengthDays, 'rotationLengthDays'),
  handoffTime: string(r.handoffTime, 'handoffTime'),
  effectiveFrom: number(r.effectiveFrom, 'effectiveFrom'),
  effectiveUntil: numberOrNull(r.effectiveUntil, 'effectiveUntil'),
  participantIds: strings(r.participantIds, 'participantIds'),
  createdAt: number(r.createdAt, 'createdAt'),
  updatedAt: number(r.updatedAt, 'updatedAt'),
});

const schedule: Copy<ScheduleRecord> = (r) => ({
  id: string(r.id, 'id'),
  orgId: string(r.orgId, 'orgId'),
  name: string(r.name, 'name'),
  description: stringOrNull(r.description, 'description'),
  timezone: string(r.timezone, 'timezone'),
  createdBy: string(r.createdBy, 'createdBy'),
  createdAt: number(r.createdAt, 'createdAt'),
  updatedAt: number(r.updatedAt, 'updatedAt'),
  layers: list(r.layers, 'layers', scheduleLayer),
});

const policyLayer = (r: Fields): LayerRecord => ({
  id: string(r.id, 'id'),
  policyId: string(r.policyId, 'policyId'),
  orgId: string(r.orgId, 'orgId'),
  ackTimeoutMinutes: number(r.ackTimeoutMinutes, 'ackTimeoutMinutes'),
  target: data(r.target, 'target'),
  condition: data(r.condition, 'condition', true),
  createdAt: number(r.createdAt, 'createdAt'),
  updatedAt: number(r.updatedAt, 'updatedAt'),
});

const policy: Copy<PolicyRecord> = (r) => ({
  id: string(r.id, 'id'),
  orgId: string(r.orgId, 'orgId'),
  name: string(r.name, 'name'),
  description: stringOrNull(r.description, 'description'),
  createdBy: string(r.createdBy, 'createdBy'),
  createdAt: number(r.createdAt, 'createdAt'),
  updatedAt: number(r.updatedAt, 'updatedAt'),
  layers: list(r.layers, 'layers', policyLayer),
});

const component: Copy<ComponentRecord> = (r) => ({
  id: string(r.id, 'id'),
  orgId: string(r.orgId, 'orgId'),
  name: string(r.name, 'name'),
  description: stringOrNull(r.description, 'description'),
  groupLabel: stringOrNull(r.groupLabel, 'groupLabel'),
  aliases: strings(r.aliases, 'aliases'),
  statusOverride: oneOf(r.statusOverride, 'statusOverride', ComponentOperationalStatus.options, true),
  maintenanceWindow: data(r.maintenanceWindow, 'maintenanceWindow', true),
  createdAt: number(r.createdAt, 'createdAt'),
  updatedAt: number(r.updatedAt, 'updatedAt'),
});

const statusPage: Copy<StatusPageRecord> = (r) => ({
  id: string(r.id, 'id'),
  orgId: string(r.orgId, 'orgId'),
  componentIds: strings(r.componentIds, 'componentIds'),
  published: boolean(r.published, 'published'),
});

const workingHoursSet: Copy<WorkingHoursRecord> = (r) => ({
  id: string(r.id, 'id'),
  orgId: string(r.orgId, 'orgId'),
  name: string(r.name, 'name'),
  timezone: string(r.timezone, 'timezone'),
  windows: data(r.windows, 'windows'),
  createdAt: number(r.createdAt, 'createdAt'),
  updatedAt: number(r.updatedAt, 'updatedAt'),
});

const routingPolicy: Copy<RoutingPolicyRecord> = (r) => ({
  id: string(r.id, 'id'),
  orgId: string(r.orgId, 'orgId'),
  name: string(r.name, 'name'),
  description: stringOrNull(r.description, 'description'),
  isDefault: boolean(r.isDefault, 'isDefault'),
  rules: data(r.rules, 'rules'),
  createdAt: number(r.createdAt, 'createdAt'),
  updatedAt: number(r.updatedAt, 'updatedAt'),
});

const inboundIntegration: Copy<InboundIntegrationRecord> = (r) => ({
  id: string(r.id, 'id'),
  orgId: string(r.orgId, 'orgId'),
  name: string(r.name, 'name'),
  componentId: string(r.componentId, 'componentId'),
  routingPolicyId: stringOrNull(r.routingPolicyId, 'routingPolicyId'),
  selectors: data(r.selectors, 'selectors'),
  createdAt: number(r.createdAt, 'createdAt'),
  updatedAt: number(r.updatedAt, 'updatedAt'),
});

const statusChange = (r: Fields): StatusHistoryRecord => ({
  id: string(r.id, 'id'),
  status: oneOf(r.status, 'status', IncidentStatus.options),
  changedAt: number(r.changedAt, 'changedAt'),
  resolutionNote: stringOrNull(r.resolutionNote, 'resolutionNote'),
});

const incidentUpdate = (r: Fields): IncidentUpdateRecord => ({
  id: string(r.id, 'id'),
  incidentId: string(r.incidentId, 'incidentId'),
  body: stringOrNull(r.body, 'body'),
  statusChange: oneOf(r.statusChange, 'statusChange', IncidentStatus.options, true),
  visibility: oneOf(r.visibility, 'visibility', VISIBILITIES),
  postedBy: string(r.postedBy, 'postedBy'),
  postedAt: number(r.postedAt, 'postedAt'),
  redactedAt: numberOrNull(r.redactedAt, 'redactedAt'),
  redactedBy: stringOrNull(r.redactedBy, 'redactedBy'),
});

/**
 * `incidentCode` is the incident's code in the engine log: `adoptEscalations` checks it against the
 * restored log. The engine's cache of its page-log code is left out: it is looked up again.
 */
const escalation = (r: Fields, toSnapshot: boolean, into?: EscalationEngine): EscalationRecord => {
  const fields: EscalationFields = {
    orgId: string(r.orgId, 'orgId'),
    incidentId: string(r.incidentId, 'incidentId'),
    incidentCode: number(r.incidentCode, 'incidentCode'),
    policyId: string(r.policyId, 'policyId'),
    state: oneOf(r.state, 'state', EscalationState.options),
    position: numberOrNull(r.position, 'position'),
    layerId: stringOrNull(r.layerId, 'layerId'),
    nextEscalationAt: numberOrNaN(r.nextEscalationAt, 'nextEscalationAt', toSnapshot),
    generation: number(r.generation, 'generation'),
  };
  if (toSnapshot) return fields as unknown as EscalationRecord; // a snapshot holds the fields as plain data
  if (!into) throw new Error('An escalation is restored into an engine');
  return addEscalation(into.escalations, fields);
};

/** One entry of the store's part of an audit trail, by its type. */
const auditEntry = (r: Fields): IncidentAuditEntry => {
  switch (r.type) {
    case 'incident_created':
      return { type: 'incident_created', at: number(r.at, 'at'), actorId: string(r.actorId, 'actorId') };
    case 'status_changed':
      return {
        type: 'status_changed',
        at: number(r.at, 'at'),
        actorId: string(r.actorId, 'actorId'),
        from: oneOf(r.from, 'from', IncidentStatus.options),
        to: oneOf(r.to, 'to', IncidentStatus.options),
      };
    case 'incident_acknowledged':
      return { type: 'incident_acknowledged', at: number(r.at, 'at'), userId: string(r.userId, 'userId') };
    case 'incident_handed_off':
      return {
        type: 'incident_handed_off',
        at: number(r.at, 'at'),
        actorId: string(r.actorId, 'actorId'),
        fromUserId: stringOrNull(r.fromUserId, 'fromUserId'),
        toUserId: string(r.toUserId, 'toUserId'),
      };
    default:
      return refused('type', 'must be one of incident_created, status_changed, incident_acknowledged, incident_handed_off', r.type);
  }
};

const incident: Copy<IncidentRecord> = (r, toSnapshot, fromFrozen, into) => ({
  id: string(r.id, 'id'),
  orgId: string(r.orgId, 'orgId'),
  seq: number(r.seq, 'seq'),
  title: string(r.title, 'title'),
  description: stringOrNull(r.description, 'description'),
  severity: oneOf(r.severity, 'severity', Severity.options),
  status: oneOf(r.status, 'status', IncidentStatus.options),
  ownerId: stringOrNull(r.ownerId, 'ownerId'),
  escalationPolicyId: stringOrNull(r.escalationPolicyId, 'escalationPolicyId'),
  createdBy: string(r.createdBy, 'createdBy'),
  createdAt: number(r.createdAt, 'createdAt'),
  updatedAt: number(r.updatedAt, 'updatedAt'),
  componentIds: strings(r.componentIds, 'componentIds'),
  statusHistory: entries(r.statusHistory, 'statusHistory', statusChange, toSnapshot, fromFrozen),
  updates: entries(r.updates, 'updates', incidentUpdate, toSnapshot, fromFrozen),
  acknowledgedBy: stringOrNull(r.acknowledgedBy, 'acknowledgedBy'),
  acknowledgedAt: numberOrNull(r.acknowledgedAt, 'acknowledgedAt'),
  auditTrail: entries(r.auditTrail, 'auditTrail', auditEntry, toSnapshot, fromFrozen),
  auditLogSizes: numbers(r.auditLogSizes, 'auditLogSizes'),
  escalation: nested(r.escalation, 'escalation', (fields, copying) => escalation(fields, copying, into), toSnapshot, true),
});

/** An org's collections, each a `Map` by record id in the store, and how to copy their records. */
export type Collection = keyof OrgRecord & { [Name in keyof OrgRecord]: OrgRecord[Name] extends Map<string, unknown> ? Name : never }[keyof OrgRecord];
export type RecordOf<Name extends Collection> = OrgRecord[Name] extends Map<string, infer Item> ? Item : never;

export const COLLECTIONS: { [Name in Collection]: Copy<RecordOf<Name>> } = {
  users: user,
  invitations: invitation,
  schedules: schedule,
  policies: policy,
  components: component,
  statusPages: statusPage,
  workingHours: workingHoursSet,
  routingPolicies: routingPolicy,
  inboundIntegrations: inboundIntegration,
  incidents: incident,
};
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as Collection[];

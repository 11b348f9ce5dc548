import { ComponentOperationalStatus } from '../../src/schemas/components.js';
import { EscalationState, IncidentStatus, Severity } from '../../src/schemas/incidents.js';
import { RotationType } from '../../src/schemas/schedules.js';
import { MemberRole } from '../../src/schemas/team.js';
import { incidentCode } from '../engine/escalation-log.js';
import type { EscalationRecord } from '../engine/escalation.js';
import { armTimers, engineData, engineFrom, type EngineData } from '../engine/snapshot.js';
import { arrayAt, integerAt, isObject, objectAt, refuse, stringAt } from '../engine/snapshot-check.js';
import { boolean, data, list, nested, number, numberOrNaN, numberOrNull, numbers, oneOf, refusal, refused, string, stringOrNull, strings, type Fields } from './copy.js';
import { createRandom, type Random } from './ids.js';
import type {
  ComponentRecord,
  InboundIntegrationRecord,
  IncidentAuditEntry,
  IncidentRecord,
  IncidentUpdateRecord,
  InvitationRecord,
  LayerRecord,
  MockState,
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
 * The store's part of a mock's snapshot: every org's records as lists (a `Map` is rebuilt from
 * its records' ids), the API keys, the two random streams, and the engine's data. Each record is
 * copied field by field below, both ways (`toSnapshot` says which), so a snapshot shares nothing
 * with the live state and a restored state shares nothing with the snapshot. Each copy is typed
 * as its record: a field added to a record is a compile error here until the copy carries it.
 */

type Copy<Record> = (record: Fields, toSnapshot: boolean) => Record;

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
 * `incidentCode` is the engine log's: a snapshot leaves it out and a restore derives it again from
 * the restored log (`restoreEscalations`); -1 until then.
 */
const escalation = (r: Fields, toSnapshot: boolean): EscalationRecord => ({
  orgId: string(r.orgId, 'orgId'),
  incidentId: string(r.incidentId, 'incidentId'),
  incidentCode: -1,
  policyId: string(r.policyId, 'policyId'),
  state: oneOf(r.state, 'state', EscalationState.options),
  position: numberOrNull(r.position, 'position'),
  layerId: stringOrNull(r.layerId, 'layerId'),
  nextEscalationAt: numberOrNaN(r.nextEscalationAt, 'nextEscalationAt', toSnapshot),
  generation: number(r.generation, 'generation'),
});

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

const escalationData = ({ incidentCode: _code, ...rest }: EscalationRecord) => rest;

const incident: Copy<IncidentRecord> = (r, toSnapshot) => {
  const copy: IncidentRecord = {
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
    statusHistory: list(r.statusHistory, 'statusHistory', statusChange),
    updates: list(r.updates, 'updates', incidentUpdate),
    acknowledgedBy: stringOrNull(r.acknowledgedBy, 'acknowledgedBy'),
    acknowledgedAt: numberOrNull(r.acknowledgedAt, 'acknowledgedAt'),
    auditTrail: list(r.auditTrail, 'auditTrail', auditEntry),
    auditLogSizes: numbers(r.auditLogSizes, 'auditLogSizes'),
    escalation: nested(r.escalation, 'escalation', escalation, toSnapshot, true),
  };
  // A snapshot keeps no `incidentCode`: it is the engine log's business, not the incident's.
  if (toSnapshot && copy.escalation) copy.escalation = escalationData(copy.escalation) as EscalationRecord;
  return copy;
};

/** An org's collections, each a `Map` by record id in the store, and how to copy their records. */
type Collection = keyof OrgRecord & { [Name in keyof OrgRecord]: OrgRecord[Name] extends Map<string, unknown> ? Name : never }[keyof OrgRecord];
type RecordOf<Name extends Collection> = OrgRecord[Name] extends Map<string, infer Item> ? Item : never;

const COLLECTIONS: { [Name in Collection]: Copy<RecordOf<Name>> } = {
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
const COLLECTION_NAMES = Object.keys(COLLECTIONS) as Collection[];

export type OrgData = { id: string; name: string; incidentSeq: number } & { [Name in Collection]: Array<RecordOf<Name>> };
export type StreamData = { state: number; minted: number };
export type StateData = {
  /** Ids and keys, then request ids: where each seeded stream stands. */
  random: StreamData;
  requestIdRandom: StreamData;
  apiKeys: Array<{ key: string; orgId: string; userId: string }>;
  orgs: OrgData[];
  engine: EngineData;
};

const orgData = (org: OrgRecord, where: string): OrgData => {
  const data = { id: org.id, name: org.name, incidentSeq: org.incidentSeq } as OrgData;
  for (const name of COLLECTION_NAMES) {
    const records: unknown[] = [];
    let i = 0;
    const copy = COLLECTIONS[name] as Copy<unknown>;
    for (const item of org[name].values()) {
      try {
        records.push(copy(item as unknown as Fields, true));
      } catch (error) {
        throw refusal(error, `${where}.${name}[${i}]`);
      }
      i++;
    }
    (data as Record<Collection, unknown[]>)[name] = records;
  }
  return data;
};

/** The state as plain data: JSON-serialisable, `structuredClone`-able, sharing nothing with `state`. */
export const stateData = (state: MockState): StateData => ({
  random: { state: state.random.state, minted: state.random.minted },
  requestIdRandom: { state: state.requestIdRandom.state, minted: state.requestIdRandom.minted },
  apiKeys: [...state.apiKeys].map(([key, actor]) => ({ key, orgId: actor.orgId, userId: actor.userId })),
  orgs: [...state.orgs.values()].map((org, index) => orgData(org, `orgs[${index}]`)),
  engine: engineData(state.engine),
});

const streamFrom = (value: unknown, where: string): Random => {
  const data = objectAt(value, where);
  return createRandom(integerAt(data.state, `${where}.state`, 0, 2 ** 32 - 1), integerAt(data.minted, `${where}.minted`));
};

/** A collection's records into a `Map` by id; each record must be of the org (`orgId`) and its id new. */
const collectionFrom = (value: unknown, where: string, copy: Copy<{ id: string; orgId: string }>, orgId: string) => {
  const items = arrayAt(value, where);
  const map = new Map<string, { id: string; orgId: string }>();
  for (let i = 0; i < items.length; i++) {
    const fields = items[i];
    if (!isObject(fields)) refuse(`${where}[${i}]`, 'must be an object', fields);
    let item: { id: string; orgId: string };
    try {
      item = copy(fields as Fields, false);
    } catch (error) {
      throw refusal(error, `${where}[${i}]`);
    }
    if (item.orgId !== orgId) refuse(`${where}[${i}].orgId`, `must be its org's id, ${orgId}`, item.orgId);
    if (map.has(item.id)) refuse(`${where}[${i}].id`, 'must not repeat an id of the same list', item.id);
    map.set(item.id, item);
  }
  return map;
};

/**
 * The incidents back, each escalation tied to the restored engine log: its `incidentCode` is the
 * incident's code there (interned now if the log has never named it).
 */
const restoreEscalations = (org: OrgRecord, where: string, state: MockState) => {
  let i = 0;
  for (const incident of org.incidents.values()) {
    const { escalation } = incident;
    if (escalation) {
      if (escalation.orgId !== org.id || escalation.incidentId !== incident.id) {
        refuse(`${where}.incidents[${i}].escalation`, `must be the escalation of incident ${incident.id} of org ${org.id}`, [escalation.orgId, escalation.incidentId]);
      }
      escalation.incidentCode = incidentCode(state.engine.log, incident.id);
    }
    i++;
  }
};

const orgFrom = (value: unknown, where: string, state: MockState): OrgRecord => {
  const data = objectAt(value, where);
  const id = stringAt(data.id, `${where}.id`);
  const org = {
    id,
    name: stringAt(data.name, `${where}.name`),
    incidentSeq: integerAt(data.incidentSeq, `${where}.incidentSeq`),
  } as OrgRecord;
  for (const name of COLLECTION_NAMES) {
    (org as unknown as Record<Collection, unknown>)[name] = collectionFrom(data[name], `${where}.${name}`, COLLECTIONS[name] as Copy<{ id: string; orgId: string }>, id);
  }
  restoreEscalations(org, where, state);
  return org;
};

/**
 * A whole new state from `stateData`'s output (after a JSON round trip too), checked as it is
 * built: anything amiss is a `TypeError` naming the field under `where`, and nothing is applied.
 */
export const stateFrom = (value: unknown, where: string): MockState => {
  const data = objectAt(value, where);
  const state: MockState = {
    orgs: new Map(),
    apiKeys: new Map(),
    random: streamFrom(data.random, `${where}.random`),
    requestIdRandom: streamFrom(data.requestIdRandom, `${where}.requestIdRandom`),
    engine: engineFrom(data.engine, `${where}.engine`),
  };
  const orgs = arrayAt(data.orgs, `${where}.orgs`);
  for (let i = 0; i < orgs.length; i++) {
    const org = orgFrom(orgs[i], `${where}.orgs[${i}]`, state);
    if (state.orgs.has(org.id)) refuse(`${where}.orgs[${i}].id`, 'must not repeat an org id', org.id);
    state.orgs.set(org.id, org);
  }
  const keys = arrayAt(data.apiKeys, `${where}.apiKeys`);
  for (let i = 0; i < keys.length; i++) {
    const at = `${where}.apiKeys[${i}]`;
    const entry = objectAt(keys[i], at);
    const key = stringAt(entry.key, `${at}.key`);
    const orgId = stringAt(entry.orgId, `${at}.orgId`);
    const userId = stringAt(entry.userId, `${at}.userId`);
    if (!state.orgs.get(orgId)?.users.has(userId)) refuse(at, `must name a member of an org of the snapshot (user ${userId} of org ${orgId} is not)`);
    if (state.apiKeys.has(key)) refuse(`${at}.key`, 'must not repeat a key', key);
    state.apiKeys.set(key, { orgId, userId });
  }
  armTimers(state.engine, (data.engine as Record<string, unknown>).timers, `${where}.engine`, (orgId, incidentId) =>
    state.orgs.get(orgId)?.incidents.get(incidentId)?.escalation,
  );
  return state;
};

import type { EscalationEngine } from '../engine/escalation.js';
import { shareIds } from '../engine/escalations.js';
import { armTimers, engineData, engineFrom, type EngineData } from '../engine/snapshot.js';
import { arrayAt, integerAt, isObject, objectAt, refuse, stringAt, type NoneMissing } from '../engine/snapshot-check.js';
import { refusal, type Fields } from './copy.js';
import { createRandom, type Random } from './ids.js';
import { COLLECTION_NAMES, COLLECTIONS, type Collection, type Copy, type RecordOf } from './record-copies.js';
import type { MockState, OrgRecord } from './state.js';

/**
 * The store's part of a mock's snapshot: every org's records as lists (a `Map` is rebuilt from
 * its records' ids, each record copied as `record-copies.ts` says), the API keys, the two random
 * streams, and the engine's data.
 */

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

// A field added to the store's state or to an org and not carried here does not compile.
export type StateFieldsCarried = NoneMissing<Exclude<keyof MockState, keyof StateData>>;
export type OrgFieldsCarried = NoneMissing<Exclude<keyof OrgRecord, keyof OrgData>>;

const orgData = (org: OrgRecord, where: string): OrgData => {
  const data = { id: org.id, name: org.name, incidentSeq: org.incidentSeq } as OrgData;
  for (const name of COLLECTION_NAMES) {
    const records: unknown[] = [];
    let i = 0;
    const copy = COLLECTIONS[name] as Copy<unknown>;
    for (const item of org[name].values()) {
      try {
        records.push(copy(item as unknown as Fields, true, false));
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
const collectionFrom = (value: unknown, where: string, copy: Copy<{ id: string; orgId: string }>, orgId: string, frozen: boolean, into: EscalationEngine) => {
  const items = arrayAt(value, where);
  const map = new Map<string, { id: string; orgId: string }>();
  for (let i = 0; i < items.length; i++) {
    const fields = items[i];
    if (!isObject(fields)) refuse(`${where}[${i}]`, 'must be an object', fields);
    let item: { id: string; orgId: string };
    try {
      item = copy(fields as Fields, false, frozen, into);
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
 * Each escalation must be its incident's, and name it by its code in the restored engine log: a
 * step writes the incident's trail under that code. It then names its org and policy by their own
 * id strings, as a new escalation does (see `startEscalation`), not by copies read from the snapshot.
 */
const adoptEscalations = (org: OrgRecord, where: string, state: MockState) => {
  const codes = state.engine.log.ids.strings;
  let i = 0;
  for (const incident of org.incidents.values()) {
    const { escalation } = incident;
    if (escalation && (escalation.orgId !== org.id || escalation.incidentId !== incident.id || codes[escalation.incidentCode] !== incident.id)) {
      refuse(
        `${where}.incidents[${i}].escalation`,
        `must be the escalation of incident ${incident.id} of org ${org.id}, named by its code in the escalation log`,
        [escalation.orgId, escalation.incidentId, escalation.incidentCode],
      );
    }
    if (escalation) shareIds(escalation, org.id, org.policies.get(escalation.policyId)?.id ?? escalation.policyId);
    i++;
  }
};

const orgFrom = (value: unknown, where: string, state: MockState, frozen: boolean): OrgRecord => {
  const data = objectAt(value, where);
  const id = stringAt(data.id, `${where}.id`);
  const org = {
    id,
    name: stringAt(data.name, `${where}.name`),
    incidentSeq: integerAt(data.incidentSeq, `${where}.incidentSeq`),
  } as OrgRecord;
  for (const name of COLLECTION_NAMES) {
    (org as unknown as Record<Collection, unknown>)[name] = collectionFrom(data[name], `${where}.${name}`, COLLECTIONS[name] as Copy<{ id: string; orgId: string }>, id, frozen, state.engine);
  }
  adoptEscalations(org, where, state);
  return org;
};

/**
 * A whole new state from `stateData`'s output (after a JSON round trip too), checked as it is
 * built: anything amiss is a `TypeError` naming the field under `where`, and nothing is applied.
 * `frozen`: the data is a snapshot this package took and froze, whose never-changed entries the
 * new state may share.
 */
export const stateFrom = (value: unknown, where: string, frozen = false): MockState => {
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
    const org = orgFrom(orgs[i], `${where}.orgs[${i}]`, state, frozen);
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

import { getResponse, HttpHandler, matchRequestUrl } from 'msw';
import { expect } from 'vitest';
import type { ScalingMock } from '../../mocks/index.js';
import {
  type LayerTarget,
  Scaling,
  ScalingAPIError,
  ScalingAuthenticationError,
  ScalingBadRequestError,
  ScalingConflictError,
  ScalingInvalidTargetError,
  ScalingNotFoundError,
  ScalingValidationError,
} from '../../src/index.js';
import { sdk, START } from './support.js';

/**
 * The world and the reference model of `model-routing.test.ts`: working hours, policies written as
 * steps, routing policies and inbound integrations, in two orgs, each naming ids of the others; the
 * outcomes a command can have; and how a command's choices become ids. The model is plain arrays.
 */

export const NO_SUCH = {
  workingHours: 'wh_never_existed_00000',
  policy: 'pol_never_existed_0000',
  layer: 'layer_never_existed_000',
  routing: 'rp_never_existed_000000',
  integration: 'int_never_existed_00000',
  schedule: 'sched_never_existed_000',
} as const;

// ---------------------------------------------------------------------------------------------
// The world and the model.

export type OrgIndex = 0 | 1;
export type OrgEnv = { id: string; key: string; adminId: string; memberId: string; scheduleIds: readonly [string, string]; componentId: string };
export type Env = { orgs: readonly [OrgEnv, OrgEnv] };

export type Condition = { workingHoursId: string; when: 'during' | 'outside' };
export type Window = { days: number[]; start: string; end: string };
export type Severity = 'critical' | 'high' | 'medium' | 'low';
export type Outcome = 'incident' | 'provisional_page' | 'notification' | 'drop';
export type Rule = { severity: Severity; outcome: Outcome; escalationPolicyId: string | null };
export type Selector = { matchers: Array<{ key: string; value: string }>; routingPolicyId: string };

export type Owned = { id: string; org: OrgIndex; createdAt: string; updatedAt: string };
export type ModelWorkingHours = Owned & { name: string; timezone: string; windows: Window[] };
export type ModelLayer = { id: string; ackTimeoutMinutes: number; target: LayerTarget; condition: Condition | null; createdAt: string; updatedAt: string };
export type ModelPolicy = Owned & { name: string; description: string | null; layers: ModelLayer[] };
export type ModelRouting = Owned & { name: string; description: string | null; isDefault: boolean; rules: Rule[] };
export type ModelIntegration = Owned & { name: string; componentId: string; routingPolicyId: string | null; selectors: Selector[] };
/** An incident an alert opened: the model follows what routing decided for it, not its escalation. */
export type ModelIncident = { id: string; org: OrgIndex; title: string; severity: Severity; escalationPolicyId: string | null; componentId: string; integrationId: string };

export type Model = {
  env: Env;
  /** The mock's clock, in epoch milliseconds: `Tick` moves both. */
  now: number;
  /** Live records, in creation order (every list's order). */
  workingHours: ModelWorkingHours[];
  policies: ModelPolicy[];
  routing: ModelRouting[];
  integrations: ModelIntegration[];
  incidents: ModelIncident[];
  /** Ids that existed once: commands keep naming them, in paths and in bodies. */
  deleted: { workingHours: string[]; policies: string[]; layers: string[]; routing: string[] };
  /** Every id the mock ever gave out, to prove new ones are new. */
  seen: Set<string>;
};

export type Real = {
  mock: ScalingMock;
  /** The clients under test, whose requests are counted. */
  clients: Record<OrgIndex | 'wrong', Scaling>;
  /** Clients that only read the state back after each command (not counted). */
  readers: Record<OrgIndex, Scaling>;
  /** Requests that reached the mock: a client-side refusal must send none. */
  sent: { count: number };
};

/** Who sends a command about a record: its own org, the other org (a valid key of the wrong tenant), or an unknown key. */
export type Actor = 'owner' | 'other' | 'wrong';
export const otherOrg = (org: OrgIndex): OrgIndex => (1 - org) as OrgIndex;
export const clientFor = (r: Real, org: OrgIndex, as: Actor): Scaling =>
  as === 'wrong' ? r.clients.wrong : r.clients[as === 'owner' ? org : otherOrg(org)];
export const isoNow = (m: Model) => new Date(m.now).toISOString();

export const RULE_SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];
const NULL_RULES = (outcomes: readonly Outcome[]): Rule[] =>
  RULE_SEVERITIES.map((severity, index) => ({ severity, outcome: outcomes[index]!, escalationPolicyId: null }));

/**
 * The readers' fetch: the mock's own handler for the request, found once per URL instead of walking
 * the whole handler list on every read (the invariants read a few hundred times a run). The
 * commands under test keep `mock.fetch` itself.
 */
const routedFetch = (mock: ScalingMock): typeof globalThis.fetch => {
  const handlers = mock.handlers.filter((handler): handler is HttpHandler => handler instanceof HttpHandler);
  const byUrl = new Map<string, HttpHandler>();
  return async (input, init) => {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const key = `${request.method} ${request.url}`;
    let handler = byUrl.get(key);
    if (!handler) {
      const url = new URL(request.url);
      handler = handlers.find((candidate) => candidate.info.method === request.method && matchRequestUrl(url, String(candidate.info.path)).matches);
      if (!handler) throw new Error(`reader: no handler for ${key}`);
      byUrl.set(key, handler);
    }
    const response = await getResponse([handler], request);
    if (!response) throw new Error(`reader: ${key} was not answered`);
    return response;
  };
};

/**
 * Each run starts from the same state: per org two schedules, a member, a component, working hours
 * "Hours 0" and "Hours 1", policies "Policy 0" (two steps, the first gated on "Hours 0") and
 * "Policy 1" (none), the default routing policy, "Routing 0" and "Routing 1" (whose rules name
 * "Policy 0"), and two integrations: "Alerts" (no fallback; one selector, `env = prod` → "Routing 1")
 * and "Pinned", whose fallback is "Routing 0" for good (the API cannot change it), so that routing
 * policy is always in use. Every kind of hold is there from the first command.
 */
export const newWorld = (mock: ScalingMock) => async (): Promise<{ model: Model; real: Real }> => {
  mock.reset();
  const orgB = mock.createOrg({ name: 'Org B' });
  const reading = routedFetch(mock);
  const readerOf = (key: string) => sdk(mock, key, reading);
  const envOf = async (id: string, key: string, adminId: string): Promise<OrgEnv> => ({
    id,
    key,
    adminId,
    memberId: mock.createUser({ orgId: id }).id,
    scheduleIds: [mock.createSchedule({ orgId: id, name: 'Primary' }).id, mock.createSchedule({ orgId: id, name: 'Secondary' }).id],
    componentId: (await readerOf(key).components.create({ name: 'API' })).id,
  });
  const env: Env = {
    orgs: [await envOf(mock.orgId, mock.apiKey, mock.userId), await envOf(orgB.id, orgB.apiKey, orgB.adminUserId)],
  };
  const sent = { count: 0 };
  const counting: typeof globalThis.fetch = (input, init) => {
    sent.count += 1;
    return mock.fetch(input, init);
  };
  const real: Real = {
    mock,
    sent,
    clients: {
      0: sdk(mock, env.orgs[0].key, counting),
      1: sdk(mock, env.orgs[1].key, counting),
      wrong: sdk(mock, 'scl_mock_not_a_key_of_this_mock_000000', counting),
    },
    readers: { 0: readerOf(env.orgs[0].key), 1: readerOf(env.orgs[1].key) },
  };
  const model: Model = {
    env,
    now: Date.parse(START),
    workingHours: [],
    policies: [],
    routing: [],
    integrations: [],
    incidents: [],
    deleted: { workingHours: [], policies: [], layers: [], routing: [] },
    seen: new Set(),
  };
  const stamp = { createdAt: START, updatedAt: START };
  for (const org of [0, 1] as const) {
    const scaling = real.readers[org];
    const { componentId } = env.orgs[org];
    const sets = [
      { name: 'Hours 0', timezone: 'Europe/London', windows: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }] },
      { name: 'Hours 1', timezone: 'Asia/Tokyo', windows: [{ days: [6, 7], start: '22:00', end: '06:00' }] },
    ];
    for (const set of sets) model.workingHours.push({ id: (await scaling.workingHours.create(set)).id, org, ...set, ...stamp });
    // "Policy 0" is written as steps, its first one gated on "Hours 0"; "Policy 1" has none.
    const condition = { workingHoursId: model.workingHours.at(-2)!.id, when: 'during' as const };
    const [first, second] = env.orgs[org].scheduleIds;
    const gated = await scaling.policies.create({
      name: 'Policy 0',
      steps: [
        { position: 1, targetType: 'schedule', targetId: first, escalateAfterSeconds: 300, condition },
        { position: 2, targetType: 'schedule', targetId: second, escalateAfterSeconds: 600, condition: null },
      ],
    });
    const layers = [
      { id: gated.steps![0]!.id, ackTimeoutMinutes: 5, target: { type: 'schedule' as const, scheduleId: first }, condition, ...stamp },
      { id: gated.steps![1]!.id, ackTimeoutMinutes: 10, target: { type: 'schedule' as const, scheduleId: second }, condition: null, ...stamp },
    ];
    model.policies.push({ id: gated.id, org, name: 'Policy 0', description: null, layers, ...stamp });
    const plain = await scaling.policies.create({ name: 'Policy 1', description: 'No steps yet' });
    model.policies.push({ id: plain.id, org, name: 'Policy 1', description: 'No steps yet', layers: [], ...stamp });
    const [fallback] = await scaling.routingPolicies.list();
    model.routing.push({
      id: fallback!.id, org, name: 'Default', description: null, isDefault: true,
      rules: NULL_RULES(['incident', 'incident', 'notification', 'notification']), ...stamp,
    });
    const rules = NULL_RULES(['incident', 'provisional_page', 'notification', 'drop']);
    const routing = await scaling.routingPolicies.create({ name: 'Routing 0', rules });
    model.routing.push({ id: routing.id, org, name: 'Routing 0', description: null, isDefault: false, rules, ...stamp });
    // "Routing 1" pages "Policy 0" (gated steps) for critical alerts, provisionally; "Policy 1" is free to go.
    const paging: Rule[] = [
      { severity: 'critical', outcome: 'provisional_page', escalationPolicyId: gated.id },
      { severity: 'high', outcome: 'drop', escalationPolicyId: null },
      { severity: 'medium', outcome: 'incident', escalationPolicyId: null },
      { severity: 'low', outcome: 'notification', escalationPolicyId: null },
    ];
    const selected = await scaling.routingPolicies.create({ name: 'Routing 1', rules: paging });
    model.routing.push({ id: selected.id, org, name: 'Routing 1', description: null, isDefault: false, rules: paging, ...stamp });
    const alerts = mock.createInboundIntegration({ orgId: env.orgs[org].id, name: 'Alerts', componentId });
    const selectors = [{ matchers: [{ key: 'env', value: 'prod' }], routingPolicyId: selected.id }];
    await scaling.integrations.inbound.setSelectors(alerts.id, { selectors });
    const pinned = mock.createInboundIntegration({ orgId: env.orgs[org].id, name: 'Pinned', componentId, routingPolicyId: routing.id });
    model.integrations.push(
      { id: alerts.id, org, name: 'Alerts', componentId, routingPolicyId: null, selectors, ...stamp },
      { id: pinned.id, org, name: 'Pinned', componentId, routingPolicyId: routing.id, selectors: [], ...stamp },
    );
  }
  const layerIds = model.policies.flatMap((policy) => policy.layers.map((layer) => ({ id: layer.id })));
  for (const record of [...model.workingHours, ...model.policies, ...layerIds, ...model.routing, ...model.integrations]) model.seen.add(record.id);
  return { model, real };
};

// ---------------------------------------------------------------------------------------------
// Outcomes: what the model predicts, and what the SDK did.

type ApiErrorClass = typeof ScalingAPIError;
export type Expected =
  | { kind: 'ok' }
  /** Refused by the SDK before sending (`ScalingValidationError`, no request). */
  | { kind: 'invalid' }
  | { kind: 'api'; status: number; code: string; cls: ApiErrorClass };

export const OK: Expected = { kind: 'ok' };
export const INVALID: Expected = { kind: 'invalid' };
export const api = (status: number, code: string, cls: ApiErrorClass): Expected => ({ kind: 'api', status, code, cls });
export const UNAUTHORIZED = api(401, 'invalid_api_key', ScalingAuthenticationError);
export const NOT_FOUND = api(404, 'not_found', ScalingNotFoundError);

/** How often each (command, outcome) pair came up: a generator that stops reaching one fails the test. */
export const observed = new Map<string, number>();

const describeExpected = (expected: Expected) =>
  expected.kind === 'api' ? `${expected.cls.name} ${expected.status} ${expected.code}` : expected.kind;

/**
 * Runs one SDK call and checks its outcome against the prediction: the exact error class (not a
 * subclass or a parent), status and code, and how many requests went out. Returns the value on success.
 */
export const perform = async <T>(r: Real, expected: Expected, what: string, call: () => Promise<T>): Promise<T | undefined> => {
  const before = r.sent.count;
  let value: T | undefined;
  let error: unknown;
  let failed = false;
  try {
    value = await call();
  } catch (caught) {
    failed = true;
    error = caught;
  }
  const sent = r.sent.count - before;
  const pair = `${what.slice(0, what.indexOf('('))} ${describeExpected(expected)}`;
  observed.set(pair, (observed.get(pair) ?? 0) + 1);
  const context = `${what}: expected ${describeExpected(expected)}, got ${failed ? `${(error as Error)?.constructor?.name} ${String(error)}` : 'success'}`;
  const classOf = (caught: unknown) => (caught instanceof Error ? caught.constructor : typeof caught);
  switch (expected.kind) {
    case 'ok':
      expect(failed, context).toBe(false);
      expect(sent, context).toBe(1);
      return value;
    case 'invalid':
      expect(classOf(error), context).toBe(ScalingValidationError);
      expect(sent, `${context}: a refused input must not be sent`).toBe(0);
      return undefined;
    case 'api':
      expect(classOf(error), context).toBe(expected.cls);
      expect(error instanceof ScalingAPIError ? { status: error.status, code: error.code } : error, context).toEqual({
        status: expected.status,
        code: expected.code,
      });
      expect(sent, context).toBe(1);
      return undefined;
  }
};

/** Who may touch a record: a wrong key is 401; another org's key, or an id not live, is 404. */
export const access = (record: Owned | undefined, as: Actor): Expected | undefined => {
  if (as === 'wrong') return UNAUTHORIZED;
  if (!record || as === 'other') return NOT_FOUND;
  return undefined;
};

export const fresh = (m: Model, id: string, what: string) => {
  expect(m.seen.has(id), `${what}: the new id ${id} was given out before`).toBe(false);
  m.seen.add(id);
};

// ---------------------------------------------------------------------------------------------
// Choices of records. Resolved against the model when the command runs, so a command stays
// meaningful whatever ran before it, and when fast-check shrinks the sequence.

/** `live`: a live record of either org (if any); `any`: also deleted ones and one that never existed. */
export type Ref = { live: number } | { any: number };
export const resolveRef = <T extends Owned>(live: readonly T[], deleted: readonly string[], unknown: string, choice: Ref): { id: string; record: T | undefined } => {
  if ('live' in choice && live.length > 0) {
    const record = live[choice.live % live.length]!;
    return { id: record.id, record };
  }
  const ids = [...live.map((record) => record.id), ...deleted, unknown];
  const id = ids[('live' in choice ? choice.live : choice.any) % ids.length]!;
  return { id, record: live.find((record) => record.id === id) };
};

/** An id a body names, seen from the org it is sent to: one of its own, the other org's, a deleted one, or one never given out. */
export type Link = { own: number } | { foreign: number } | { gone: number } | 'unknown';
export const resolveLink = (live: readonly Owned[], deleted: readonly string[], unknown: string, org: OrgIndex, choice: Link): string => {
  const pick = (ids: readonly string[], n: number) => (ids.length > 0 ? ids[n % ids.length]! : unknown);
  if (choice === 'unknown') return unknown;
  if ('own' in choice) return pick(live.filter((record) => record.org === org).map((record) => record.id), choice.own);
  if ('foreign' in choice) return pick(live.filter((record) => record.org !== org).map((record) => record.id), choice.foreign);
  return pick(deleted, choice.gone);
};
export const liveIn = (live: readonly Owned[], org: OrgIndex, id: string) => live.some((record) => record.org === org && record.id === id);

// ---------------------------------------------------------------------------------------------
// The API's refusals, and who creates.

export const conflict = (code: string) => api(409, code, ScalingConflictError);
export const badRequest = (code: string) => api(400, code, ScalingBadRequestError);
export const INVALID_TARGET = api(400, 'invalid_target', ScalingInvalidTargetError);
export const NAME_CONFLICT = conflict('name_conflict');

/** Who acts in a create: an org's own key, or an unknown key (whose body is resolved as if for org 0). */
export type Creator = OrgIndex | 'wrong';
export const creatorOrg = (as: Creator): OrgIndex => (as === 'wrong' ? 0 : as);
export const creatorClient = (r: Real, as: Creator) => (as === 'wrong' ? r.clients.wrong : r.clients[as]);

export const taken = (records: ReadonlyArray<{ id: string; org: OrgIndex; name: string }>, org: OrgIndex, name: string, except?: string) =>
  records.some((record) => record.org === org && record.name === name && record.id !== except);

/** What keeps a record from being deleted: its 409, or none. */
export const workingHoursInUse = (m: Model, org: OrgIndex, id: string) =>
  m.policies.some((policy) => policy.org === org && policy.layers.some((layer) => layer.condition?.workingHoursId === id));
export const policyRouted = (m: Model, org: OrgIndex, id: string) =>
  m.routing.some((routing) => routing.org === org && routing.rules.some((rule) => rule.escalationPolicyId === id));
/** A routing policy named by a selector (which the API can change), not only by an integration's fallback (which it cannot). */
export const routingSelected = (m: Model, org: OrgIndex, id: string) =>
  m.integrations.some((integration) => integration.org === org && integration.selectors.some((selector) => selector.routingPolicyId === id));
export const routingNamed = (m: Model, org: OrgIndex, id: string) =>
  routingSelected(m, org, id) || m.integrations.some((integration) => integration.org === org && integration.routingPolicyId === id);

/**
 * What a delete names: a `Ref`; `{ free }`, a live record the model says nothing holds; or
 * `{ held }`, one it says something holds (else any live one). Picked at random, records named in
 * each other so often would rarely be deleted, and the ones held would rarely be tried.
 */
export type DeleteRef = Ref | { free: number } | { held: number };
export const resolveDeletable = <T extends Owned>(
  live: readonly T[],
  deleted: readonly string[],
  unknown: string,
  choice: DeleteRef,
  is: { free: (record: T) => boolean; held: (record: T) => boolean },
) => {
  if ('live' in choice || 'any' in choice) return resolveRef(live, deleted, unknown, choice);
  const among = live.filter('free' in choice ? is.free : is.held);
  return resolveRef(among.length > 0 ? among : live, deleted, unknown, { live: 'free' in choice ? choice.free : choice.held });
};

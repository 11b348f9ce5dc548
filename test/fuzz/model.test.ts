import fc from 'fast-check';
import { expect, test } from 'vitest';
import { createScalingMock, type ScalingMock } from '../../mocks/index.js';
import {
  type Layer,
  type LayerTarget,
  Scaling,
  ScalingAPIError,
  ScalingAuthenticationError,
  ScalingBadRequestError,
  ScalingConflictError,
  ScalingInvalidReorderError,
  ScalingInvalidTargetError,
  ScalingNotFoundError,
  ScalingValidationError,
} from '../../src/index.js';
import { FUZZ_RUNS, sdk, START } from './support.js';

/**
 * Model-based test of escalation policies and their layers: random sequences of commands, in two
 * orgs and with bad keys, go through the SDK to the mock and through a reference model made of plain
 * arrays. The model predicts each outcome (success, or the exact error class and code); after every
 * command every policy's layers must equal the model's. fast-check shrinks a failure to a minimal
 * sequence of commands, printed with the seed that replays it.
 */

const RUNS = FUZZ_RUNS ?? 200;
const MAX_COMMANDS = 30;
const MAX_LAYERS = 50;
const NO_SUCH_POLICY = 'pol_never_existed_0000';
const NO_SUCH_LAYER = 'layer_never_existed_000';
const NO_SUCH_SCHEDULE = 'sched_never_existed_000';

// ---------------------------------------------------------------------------------------------
// The world: two orgs, each with a schedule and two members, and the clients that act in it.

type OrgIndex = 0 | 1;
type OrgEnv = { id: string; key: string; scheduleId: string; userIds: readonly [string, string] };
type Env = { orgs: readonly [OrgEnv, OrgEnv] };

type Real = {
  mock: ScalingMock;
  clients: Record<OrgIndex | 'wrong', Scaling>;
  /** Requests that reached the mock: a client-side refusal must send none. */
  sent: { count: number };
};

type ModelLayer = { id: string; ackTimeoutMinutes: number; target: LayerTarget };
type ModelPolicy = { id: string; org: OrgIndex; name: string; layers: ModelLayer[] };
type Model = {
  env: Env;
  /** Live policies, in creation order (the list's order). */
  policies: ModelPolicy[];
  /** Ids that existed once: commands keep pointing at them, and must get 404. */
  deletedPolicies: string[];
  deletedLayers: string[];
  /** Every id the mock ever gave out, to prove new ones are new. */
  seen: Set<string>;
};

/** Who sends a command: the policy's own org, the other org (a valid key of the wrong tenant), or an unknown key. */
type Actor = 'owner' | 'other' | 'wrong';

const ownerOf = (policy: ModelPolicy | undefined): OrgIndex => policy?.org ?? 0;
const clientFor = (r: Real, policy: ModelPolicy | undefined, as: Actor): Scaling =>
  as === 'wrong' ? r.clients.wrong : r.clients[as === 'owner' ? ownerOf(policy) : ((1 - ownerOf(policy)) as OrgIndex)];

// ---------------------------------------------------------------------------------------------
// Outcomes: what the model predicts and what the SDK did.

type ApiErrorClass = typeof ScalingAPIError;
type Expected =
  | { kind: 'ok' }
  /** Refused by the SDK before sending (`ScalingValidationError`, no request). */
  | { kind: 'invalid' }
  | { kind: 'api'; status: number; code: string; cls: ApiErrorClass };

const OK: Expected = { kind: 'ok' };
const INVALID: Expected = { kind: 'invalid' };
const api = (status: number, code: string, cls: ApiErrorClass): Expected => ({ kind: 'api', status, code, cls });
const UNAUTHORIZED = api(401, 'invalid_api_key', ScalingAuthenticationError);
const NOT_FOUND = api(404, 'not_found', ScalingNotFoundError);

/** Which (command, outcome) pairs the runs produced: a generator that stops reaching one fails the test. */
const observed = new Set<string>();

const describeExpected = (expected: Expected) =>
  expected.kind === 'api' ? `${expected.cls.name} ${expected.status} ${expected.code}` : expected.kind;

/** Runs one SDK call, and checks its outcome against the prediction. Returns the value on success. */
const perform = async <T>(r: Real, expected: Expected, what: string, call: () => Promise<T>): Promise<T | undefined> => {
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
  observed.add(`${what.slice(0, what.indexOf('('))} ${describeExpected(expected)}`);
  const context = `${what}: expected ${describeExpected(expected)}, got ${failed ? String(error) : 'success'}`;
  switch (expected.kind) {
    case 'ok':
      expect(failed, context).toBe(false);
      expect(sent, context).toBe(1);
      return value;
    case 'invalid':
      expect(error, context).toBeInstanceOf(ScalingValidationError);
      expect(sent, `${context}: a refused input must not be sent`).toBe(0);
      return undefined;
    case 'api':
      expect(error, context).toBeInstanceOf(expected.cls);
      expect(error instanceof ScalingAPIError ? { status: error.status, code: error.code } : error, context).toEqual({
        status: expected.status,
        code: expected.code,
      });
      expect(sent, context).toBe(1);
      return undefined;
  }
};

// ---------------------------------------------------------------------------------------------
// Choices a command carries. They are resolved against the model when the command runs, so a
// command stays meaningful whatever ran before it, and shrinking keeps it meaningful too.

type TargetChoice = 'schedule' | 'user' | 'users' | 'usersReversed' | 'foreignSchedule' | 'foreignUser' | 'unknownSchedule' | 'repeatedUser';
const targetChoice = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom<TargetChoice>('schedule', 'user', 'users', 'usersReversed') },
  { weight: 1, arbitrary: fc.constantFrom<TargetChoice>('foreignSchedule', 'foreignUser', 'unknownSchedule', 'repeatedUser') },
);

/** Updates change a layer that exists, so they can afford more refused targets. */
const updateTargetChoice = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<TargetChoice>('schedule', 'user', 'users', 'usersReversed') },
  { weight: 1, arbitrary: fc.constantFrom<TargetChoice>('foreignSchedule', 'foreignUser', 'unknownSchedule', 'repeatedUser') },
);

/** The target a choice names for a policy of `org`, and what the API makes of it. */
const resolveTarget = (env: Env, org: OrgIndex, choice: TargetChoice): { target: LayerTarget; verdict: 'ok' | 'invalid' | 'foreign' } => {
  const own = env.orgs[org];
  const other = env.orgs[(1 - org) as OrgIndex];
  switch (choice) {
    case 'schedule': return { target: { type: 'schedule', scheduleId: own.scheduleId }, verdict: 'ok' };
    case 'user': return { target: { type: 'users', userIds: [own.userIds[1]] }, verdict: 'ok' };
    case 'users': return { target: { type: 'users', userIds: [own.userIds[0], own.userIds[1]] }, verdict: 'ok' };
    case 'usersReversed': return { target: { type: 'users', userIds: [own.userIds[1], own.userIds[0]] }, verdict: 'ok' };
    case 'foreignSchedule': return { target: { type: 'schedule', scheduleId: other.scheduleId }, verdict: 'foreign' };
    case 'foreignUser': return { target: { type: 'users', userIds: [own.userIds[0], other.userIds[0]] }, verdict: 'foreign' };
    case 'unknownSchedule': return { target: { type: 'schedule', scheduleId: NO_SUCH_SCHEDULE }, verdict: 'foreign' };
    case 'repeatedUser': return { target: { type: 'users', userIds: [own.userIds[0], own.userIds[0]] }, verdict: 'invalid' };
  }
};

/** 0 and 10081 are refused by the SDK; the rest is the valid range. */
const timeoutArb = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 10080 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 10081) },
);
const validTimeout = (minutes: number) => Number.isInteger(minutes) && minutes >= 1 && minutes <= 10080;

type PositionChoice = { at: number } | { past: number } | 'zero';
const positionArb: fc.Arbitrary<PositionChoice> = fc.oneof(
  { weight: 10, arbitrary: fc.nat({ max: 60 }).map((at) => ({ at })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }).map((past) => ({ past })) },
  { weight: 1, arbitrary: fc.constant<'zero'>('zero') },
);
/** A valid choice is any of 1..n+1; past the end is n+2.. ; zero is refused by the SDK. */
const resolvePosition = (choice: PositionChoice, length: number) =>
  choice === 'zero' ? 0 : 'at' in choice ? (choice.at % (length + 1)) + 1 : length + 1 + choice.past;

const actorArb = fc.oneof(
  { weight: 10, arbitrary: fc.constant<Actor>('owner') },
  { weight: 1, arbitrary: fc.constant<Actor>('other') },
  { weight: 1, arbitrary: fc.constant<Actor>('wrong') },
);

/** `live`: a live policy (if any); `any`: also deleted policies and one that never existed. */
type PolicyChoice = { live: number } | { any: number };
const resolvePolicy = (m: Model, choice: PolicyChoice): { id: string; policy: ModelPolicy | undefined } => {
  if ('live' in choice && m.policies.length > 0) {
    const policy = m.policies[choice.live % m.policies.length]!;
    return { id: policy.id, policy };
  }
  const ids = [...m.policies.map((policy) => policy.id), ...m.deletedPolicies, NO_SUCH_POLICY];
  const id = ids[('live' in choice ? choice.live : choice.any) % ids.length]!;
  return { id, policy: m.policies.find((policy) => policy.id === id) };
};

/** `own`: a layer of the policy (if it has any); `any`: also deleted layers, other policies' layers, an unknown id. */
type LayerChoice = { own: number } | { any: number };
const layerArb: fc.Arbitrary<LayerChoice> = fc.oneof(
  { weight: 8, arbitrary: fc.nat().map((own) => ({ own })) },
  { weight: 1, arbitrary: fc.nat().map((any) => ({ any })) },
);
const resolveLayer = (m: Model, policy: ModelPolicy | undefined, choice: LayerChoice): string => {
  const own = policy?.layers.map((layer) => layer.id) ?? [];
  if ('own' in choice && own.length > 0) return own[choice.own % own.length]!;
  const others = m.policies.filter((other) => other !== policy).flatMap((other) => other.layers.map((layer) => layer.id));
  const ids = [...own, ...m.deletedLayers, ...others, NO_SUCH_LAYER];
  return ids[('own' in choice ? choice.own : choice.any) % ids.length]!;
};

/** Who may touch the policy: a wrong key is 401; another org's key, or an id not live, is 404. */
const access = (policy: ModelPolicy | undefined, as: Actor): Expected | undefined => {
  if (as === 'wrong') return UNAUTHORIZED;
  if (!policy || as === 'other') return NOT_FOUND;
  return undefined;
};

const expectLayer = (actual: Layer, expected: ModelLayer, position: number, policy: ModelPolicy, env: Env, what: string) => {
  expect(
    { id: actual.id, position: actual.position, ackTimeoutMinutes: actual.ackTimeoutMinutes, target: actual.target, policyId: actual.policyId, orgId: actual.orgId },
    what,
  ).toEqual({ ...expected, position, policyId: policy.id, orgId: env.orgs[policy.org].id });
};

const fresh = (m: Model, id: string, what: string) => {
  expect(m.seen.has(id), `${what}: the new id ${id} was given out before`).toBe(false);
  m.seen.add(id);
};

// ---------------------------------------------------------------------------------------------
// The invariants, checked after every command, with raw reads (fast, and not the SDK under test).

const readJson = async <T>(r: Real, path: string, apiKey: string): Promise<T> => {
  // `mock.fetch` itself, without the hang guard of `rawFetch`: this runs a few hundred thousand times.
  const response = await r.mock.fetch(`${r.mock.baseUrl}${path}`, { headers: { authorization: `Bearer ${apiKey}` } });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${text}`);
  return (JSON.parse(text) as { data: T }).data;
};

const checkInvariants = async (m: Model, r: Real, after: string) => {
  for (const org of [0, 1] as const) {
    const { key, id: orgId } = m.env.orgs[org];
    const listed = await readJson<Array<{ id: string; name: string; orgId: string }>>(r, '/escalation/policies', key);
    expect(
      listed.map(({ id, name, orgId: owner }) => ({ id, name, orgId: owner })),
      `after ${after}: the policies of org ${org}`,
    ).toEqual(m.policies.filter((policy) => policy.org === org).map(({ id, name }) => ({ id, name, orgId })));
  }
  for (const policy of m.policies) {
    const actual = await readJson<{ layers: Layer[] }>(r, `/escalation/policies/${policy.id}`, m.env.orgs[policy.org].key);
    const what = `after ${after}: the layers of ${policy.id}`;
    expect(actual.layers.length, what).toBeLessThanOrEqual(MAX_LAYERS);
    expect(actual.layers.map((layer) => layer.position), `${what}: positions`).toEqual(actual.layers.map((_, index) => index + 1));
    expect(new Set(actual.layers.map((layer) => layer.id)).size, `${what}: unique ids`).toBe(actual.layers.length);
    expect(
      actual.layers.map(({ id, ackTimeoutMinutes, target, policyId, orgId }) => ({ id, ackTimeoutMinutes, target, policyId, orgId })),
      what,
    ).toEqual(policy.layers.map((layer) => ({ ...layer, policyId: policy.id, orgId: m.env.orgs[policy.org].id })));
  }
};

// ---------------------------------------------------------------------------------------------
// The commands.

type Cmd = fc.AsyncCommand<Model, Real>;

/** Every command runs, then the invariants are checked. */
abstract class Step implements Cmd {
  check(): boolean {
    return true;
  }
  async run(m: Model, r: Real): Promise<void> {
    await this.apply(m, r);
    await checkInvariants(m, r, this.toString());
  }
  abstract apply(m: Model, r: Real): Promise<void>;
  abstract toString(): string;
}

class CreatePolicy extends Step {
  constructor(readonly as: OrgIndex | 'wrong', readonly name: number) {
    super();
  }
  async apply(m: Model, r: Real) {
    const name = `Policy ${this.name}`;
    const client = this.as === 'wrong' ? r.clients.wrong : r.clients[this.as];
    const org = this.as;
    const expected =
      org === 'wrong' ? UNAUTHORIZED
      : m.policies.some((policy) => policy.org === org && policy.name === name) ? api(409, 'name_conflict', ScalingConflictError)
      : OK;
    const created = await perform(r, expected, this.toString(), () => client.policies.create({ name }));
    if (created && org !== 'wrong') {
      expect({ name: created.name, orgId: created.orgId }, this.toString()).toEqual({ name, orgId: m.env.orgs[org].id });
      fresh(m, created.id, this.toString());
      m.policies.push({ id: created.id, org, name, layers: [] });
    }
  }
  toString() {
    return `CreatePolicy(as ${this.as}, "Policy ${this.name}")`;
  }
}

class DeletePolicy extends Step {
  constructor(readonly policy: PolicyChoice, readonly as: Actor) {
    super();
  }
  async apply(m: Model, r: Real) {
    const { id, policy } = resolvePolicy(m, this.policy);
    const expected = access(policy, this.as) ?? OK;
    await perform(r, expected, `${this} on ${id}`, () => clientFor(r, policy, this.as).policies.delete(id));
    if (expected.kind === 'ok' && policy) {
      m.policies.splice(m.policies.indexOf(policy), 1);
      m.deletedPolicies.push(id);
      m.deletedLayers.push(...policy.layers.map((layer) => layer.id));
    }
  }
  toString() {
    return `DeletePolicy(policy ${JSON.stringify(this.policy)}, as ${this.as})`;
  }
}

/** The rules of `POST …/layers`, in the order the SDK and the mock apply them. */
const predictCreate = (m: Model, policy: ModelPolicy | undefined, as: Actor, position: number, minutes: number, verdict: string): Expected => {
  if (position < 1 || !validTimeout(minutes) || verdict === 'invalid') return INVALID;
  const denied = access(policy, as);
  if (denied || !policy) return denied ?? NOT_FOUND;
  if (policy.layers.length >= MAX_LAYERS) return api(400, 'layer_limit_reached', ScalingBadRequestError);
  if (position > policy.layers.length + 1) return api(400, 'invalid_position', ScalingBadRequestError);
  if (verdict === 'foreign') return api(400, 'invalid_target', ScalingInvalidTargetError);
  return OK;
};

const createLayer = async (m: Model, r: Real, what: string, policyId: string, policy: ModelPolicy | undefined, as: Actor, position: number, minutes: number, choice: TargetChoice) => {
  const { target, verdict } = resolveTarget(m.env, ownerOf(policy), choice);
  const expected = predictCreate(m, policy, as, position, minutes, verdict);
  const label = `${what} on ${policyId} at ${position}`;
  const layer = await perform(r, expected, label, () =>
    clientFor(r, policy, as).policies.layers.create(policyId, { position, ackTimeoutMinutes: minutes, target }),
  );
  if (layer && policy) {
    fresh(m, layer.id, label);
    const added: ModelLayer = { id: layer.id, ackTimeoutMinutes: minutes, target };
    expectLayer(layer, added, position, policy, m.env, label);
    policy.layers.splice(position - 1, 0, added);
  }
};

class CreateLayer extends Step {
  constructor(readonly policy: PolicyChoice, readonly as: Actor, readonly position: PositionChoice, readonly minutes: number, readonly target: TargetChoice) {
    super();
  }
  async apply(m: Model, r: Real) {
    const { id, policy } = resolvePolicy(m, this.policy);
    const position = resolvePosition(this.position, policy?.layers.length ?? 0);
    await createLayer(m, r, this.toString(), id, policy, this.as, position, this.minutes, this.target);
  }
  toString() {
    return `CreateLayer(policy ${JSON.stringify(this.policy)}, as ${this.as}, position ${JSON.stringify(this.position)}, ${this.minutes} min, ${this.target})`;
  }
}

/** Many creates in a row, by the owner, at chosen positions: the way to reach the 50-layer cap. */
class FillLayers extends Step {
  constructor(readonly policy: PolicyChoice, readonly positions: readonly number[], readonly minutes: number, readonly target: TargetChoice) {
    super();
  }
  async apply(m: Model, r: Real) {
    const { id, policy } = resolvePolicy(m, this.policy);
    for (const at of this.positions) {
      const position = resolvePosition({ at }, policy?.layers.length ?? 0);
      await createLayer(m, r, this.toString(), id, policy, 'owner', position, this.minutes, this.target);
    }
  }
  toString() {
    return `FillLayers(policy ${JSON.stringify(this.policy)}, ${this.positions.length} creates at ${JSON.stringify(this.positions)}, ${this.minutes} min, ${this.target})`;
  }
}

class UpdateLayer extends Step {
  constructor(readonly policy: PolicyChoice, readonly layer: LayerChoice, readonly as: Actor, readonly minutes: number | undefined, readonly target: TargetChoice | undefined) {
    super();
  }
  async apply(m: Model, r: Real) {
    const { id, policy } = resolvePolicy(m, this.policy);
    const layerId = resolveLayer(m, policy, this.layer);
    const resolved = this.target === undefined ? undefined : resolveTarget(m.env, ownerOf(policy), this.target);
    const existing = policy?.layers.find((layer) => layer.id === layerId);
    const expected: Expected = (() => {
      if (this.minutes === undefined && resolved === undefined) return INVALID;
      if (this.minutes !== undefined && !validTimeout(this.minutes)) return INVALID;
      if (resolved?.verdict === 'invalid') return INVALID;
      const denied = access(policy, this.as);
      if (denied) return denied;
      if (!existing) return NOT_FOUND;
      if (resolved?.verdict === 'foreign') return api(400, 'invalid_target', ScalingInvalidTargetError);
      return OK;
    })();
    const label = `${this} on ${id}/${layerId}`;
    const params = {
      ...(this.minutes === undefined ? {} : { ackTimeoutMinutes: this.minutes }),
      ...(resolved === undefined ? {} : { target: resolved.target }),
    };
    const layer = await perform(r, expected, label, () => clientFor(r, policy, this.as).policies.layers.update(id, layerId, params));
    if (layer && policy && existing) {
      if (this.minutes !== undefined) existing.ackTimeoutMinutes = this.minutes;
      if (resolved) existing.target = resolved.target;
      expectLayer(layer, existing, policy.layers.indexOf(existing) + 1, policy, m.env, label);
    }
  }
  toString() {
    return `UpdateLayer(policy ${JSON.stringify(this.policy)}, layer ${JSON.stringify(this.layer)}, as ${this.as}, minutes ${this.minutes ?? '-'}, target ${this.target ?? '-'})`;
  }
}

class DeleteLayer extends Step {
  constructor(readonly policy: PolicyChoice, readonly layer: LayerChoice, readonly as: Actor) {
    super();
  }
  async apply(m: Model, r: Real) {
    const { id, policy } = resolvePolicy(m, this.policy);
    const layerId = resolveLayer(m, policy, this.layer);
    const index = policy?.layers.findIndex((layer) => layer.id === layerId) ?? -1;
    const expected = access(policy, this.as) ?? (index === -1 ? NOT_FOUND : OK);
    await perform(r, expected, `${this} on ${id}/${layerId}`, () => clientFor(r, policy, this.as).policies.layers.delete(id, layerId));
    if (expected.kind === 'ok' && policy) {
      policy.layers.splice(index, 1);
      m.deletedLayers.push(layerId);
    }
  }
  toString() {
    return `DeleteLayer(policy ${JSON.stringify(this.policy)}, layer ${JSON.stringify(this.layer)}, as ${this.as})`;
  }
}

type ReorderShape = 'permutation' | 'partial' | 'extra' | 'unknown' | 'repeated' | 'foreign' | 'empty';
const reorderShape = fc.oneof(
  { weight: 6, arbitrary: fc.constant<ReorderShape>('permutation') },
  { weight: 1, arbitrary: fc.constantFrom<ReorderShape>('partial', 'extra', 'unknown', 'repeated', 'foreign', 'empty') },
);

class Reorder extends Step {
  constructor(readonly policy: PolicyChoice, readonly as: Actor, readonly shape: ReorderShape, readonly keys: readonly number[]) {
    super();
  }
  /** The list sent: a permutation of the policy's layers by `keys`, then bent into `shape`. */
  layerIds(m: Model, policy: ModelPolicy | undefined): string[] {
    const current = policy?.layers.map((layer) => layer.id) ?? [];
    const permutation = current
      .map((id, index) => ({ id, key: this.keys[index % Math.max(1, this.keys.length)] ?? 0, index }))
      .sort((a, b) => a.key - b.key || a.index - b.index)
      .map(({ id }) => id);
    const stranger = m.deletedLayers[0] ?? NO_SUCH_LAYER;
    const foreign = m.policies.find((other) => other !== policy && other.layers.length > 0)?.layers[0]?.id ?? NO_SUCH_LAYER;
    switch (this.shape) {
      case 'permutation': return permutation;
      case 'partial': return permutation.slice(0, -1);
      case 'extra': return [...permutation, stranger];
      case 'unknown': return [NO_SUCH_LAYER, ...permutation.slice(1)];
      case 'repeated': return permutation.length === 0 ? [NO_SUCH_LAYER, NO_SUCH_LAYER] : [...permutation, permutation[0]!];
      case 'foreign': return [foreign, ...permutation.slice(1)];
      case 'empty': return [];
    }
  }
  async apply(m: Model, r: Real) {
    const { id, policy } = resolvePolicy(m, this.policy);
    const layerIds = this.layerIds(m, policy);
    const expected: Expected = (() => {
      if (layerIds.length === 0 || layerIds.length > MAX_LAYERS || new Set(layerIds).size !== layerIds.length) return INVALID;
      const denied = access(policy, this.as);
      if (denied || !policy) return denied ?? NOT_FOUND;
      const current = new Set(policy.layers.map((layer) => layer.id));
      const same = layerIds.length === current.size && layerIds.every((layerId) => current.has(layerId));
      return same ? OK : api(400, 'invalid_reorder', ScalingInvalidReorderError);
    })();
    const label = `${this} on ${id}: [${layerIds.join(', ')}]`;
    const layers = await perform(r, expected, label, () => clientFor(r, policy, this.as).policies.layers.reorder(id, { layerIds }));
    if (layers && policy) {
      const byId = new Map(policy.layers.map((layer) => [layer.id, layer]));
      policy.layers = layerIds.map((layerId) => byId.get(layerId)!);
      layers.forEach((layer, index) => expectLayer(layer, policy.layers[index]!, index + 1, policy, m.env, label));
      expect(layers.length, label).toBe(policy.layers.length);
    }
  }
  toString() {
    return `Reorder(policy ${JSON.stringify(this.policy)}, as ${this.as}, ${this.shape}, keys ${JSON.stringify(this.keys)})`;
  }
}

/** Mostly the first live policies; sometimes anything, deleted and unknown ids included. */
const policyRef: fc.Arbitrary<PolicyChoice> = fc.oneof(
  { weight: 8, arbitrary: fc.nat({ max: 3 }).map((live) => ({ live })) },
  { weight: 1, arbitrary: fc.nat({ max: 20 }).map((any) => ({ any })) },
);
const layerRef = layerArb;

/** Layer commands are listed more than once: `fc.commands` picks an entry uniformly. */
const commandArbs: Array<fc.Arbitrary<Cmd>> = [
  fc.tuple(fc.constantFrom<OrgIndex | 'wrong'>(0, 0, 1, 'wrong'), fc.nat({ max: 3 })).map(([as, name]) => new CreatePolicy(as, name)),
  fc.tuple(policyRef, actorArb).map(([policy, as]) => new DeletePolicy(policy, as)),
  ...Array.from({ length: 3 }, () =>
    fc.tuple(policyRef, actorArb, positionArb, timeoutArb, targetChoice).map(([policy, as, position, minutes, target]) =>
      new CreateLayer(policy, as, position, minutes, target)),
  ),
  fc.tuple(
    policyRef,
    // Mostly a few creates; sometimes enough to reach the 50-layer cap and go past it. Cross-shrinking
    // lets a failure found with a long fill shrink to a short one.
    fc.oneof(
      { withCrossShrink: true },
      { weight: 3, arbitrary: fc.array(fc.nat({ max: 60 }), { minLength: 1, maxLength: 10 }) },
      { weight: 1, arbitrary: fc.array(fc.nat({ max: 60 }), { minLength: 45, maxLength: 52 }) },
    ),
    fc.integer({ min: 1, max: 10080 }),
    fc.constantFrom<TargetChoice>('schedule', 'user', 'users'),
  ).map(([policy, positions, minutes, target]) => new FillLayers(policy, positions, minutes, target)),
  ...Array.from({ length: 2 }, () =>
    fc.tuple(policyRef, layerRef, actorArb, fc.option(timeoutArb, { nil: undefined }), fc.option(updateTargetChoice, { nil: undefined })).map(
      ([policy, layer, as, minutes, target]) => new UpdateLayer(policy, layer, as, minutes, target)),
  ),
  ...Array.from({ length: 2 }, () =>
    fc.tuple(policyRef, layerRef, actorArb).map(([policy, layer, as]) => new DeleteLayer(policy, layer, as))),
  ...Array.from({ length: 2 }, () =>
    fc.tuple(policyRef, actorArb, reorderShape, fc.array(fc.nat({ max: 100 }), { maxLength: 50 })).map(([policy, as, shape, keys]) =>
      new Reorder(policy, as, shape, keys)),
  ),
];

const MUST_OBSERVE = [
  'CreatePolicy ok',
  'CreatePolicy ScalingConflictError 409 name_conflict',
  'CreatePolicy ScalingAuthenticationError 401 invalid_api_key',
  'DeletePolicy ok',
  'DeletePolicy ScalingNotFoundError 404 not_found',
  'CreateLayer ok',
  'CreateLayer invalid',
  'CreateLayer ScalingNotFoundError 404 not_found',
  'CreateLayer ScalingAuthenticationError 401 invalid_api_key',
  'CreateLayer ScalingBadRequestError 400 invalid_position',
  'CreateLayer ScalingBadRequestError 400 layer_limit_reached',
  'CreateLayer ScalingInvalidTargetError 400 invalid_target',
  'FillLayers ok',
  'FillLayers ScalingBadRequestError 400 layer_limit_reached',
  'UpdateLayer ok',
  'UpdateLayer invalid',
  'UpdateLayer ScalingNotFoundError 404 not_found',
  'UpdateLayer ScalingInvalidTargetError 400 invalid_target',
  'DeleteLayer ok',
  'DeleteLayer ScalingNotFoundError 404 not_found',
  'Reorder ok',
  'Reorder invalid',
  'Reorder ScalingInvalidReorderError 400 invalid_reorder',
  'Reorder ScalingNotFoundError 404 not_found',
  'Reorder ScalingAuthenticationError 401 invalid_api_key',
];

// ---------------------------------------------------------------------------------------------
// Each run starts from the same state: one mock per test, reset, and the same two orgs.

const newWorld = (mock: ScalingMock) => async (): Promise<{ model: Model; real: Real }> => {
  mock.reset();
  const orgB = mock.createOrg({ name: 'Org B' });
  const envOf = (orgId: string, key: string, adminId: string): OrgEnv => ({
    id: orgId,
    key,
    scheduleId: mock.createSchedule({ orgId, name: 'Primary' }).id,
    userIds: [adminId, mock.createUser({ orgId }).id],
  });
  const env: Env = { orgs: [envOf(mock.orgId, mock.apiKey, mock.userId), envOf(orgB.id, orgB.apiKey, orgB.adminUserId)] };
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
  };
  const model: Model = { env, policies: [], deletedPolicies: [], deletedLayers: [], seen: new Set() };
  // One policy per org to start with, both named "Policy 0": names are unique per org only.
  for (const org of [0, 1] as const) {
    const policy = await real.clients[org].policies.create({ name: 'Policy 0' });
    model.seen.add(policy.id);
    model.policies.push({ id: policy.id, org, name: 'Policy 0', layers: [] });
  }
  return { model, real };
};

test(
  `random sequences of policy and layer commands, in two orgs and with bad keys, agree with the model (${RUNS} runs of up to ${MAX_COMMANDS} commands)`,
  // About 15 ms a run here; the margin keeps a slow machine from failing a correct mock.
  { timeout: 60_000 + RUNS * 100 },
  async () => {
    const mock = createScalingMock({ now: START, seed: 42 });
    const setup = newWorld(mock);
    let commands = 0;
    await fc.assert(
      fc.asyncProperty(fc.commands(commandArbs, { maxCommands: MAX_COMMANDS, size: 'max' }), async (cmds) => {
        commands += [...cmds].length;
        await fc.asyncModelRun(setup, cmds);
      }),
      { numRuns: RUNS },
    );
    // The runs must have reached every outcome the model knows, or they prove less than they seem to.
    expect(commands / RUNS, 'commands per run').toBeGreaterThan(MAX_COMMANDS / 3);
    if (RUNS >= 100) expect([...observed].sort()).toEqual(expect.arrayContaining(MUST_OBSERVE));
  },
);

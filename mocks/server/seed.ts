import * as z from 'zod/mini';
import { Scaling } from '../../src/client.js';
import { safeParse, toValidationIssues, type ValidationIssue } from '../../src/core/issues.js';
import { uniqueIds } from '../../src/schemas/common.js';
import { PolicyCreateParams } from '../../src/schemas/policies.js';
import { LayerCreateParams, MAX_LAYERS_PER_POLICY } from '../../src/schemas/policy-layers.js';
import {
  MAX_LAYERS_PER_SCHEDULE,
  MAX_PARTICIPANTS_PER_LAYER,
  ScheduleCreateParams,
  ScheduleLayerCreateParams,
} from '../../src/schemas/schedules.js';
import { OrgFields, UserFields } from '../fixtures.js';
import { internalFetchOf } from '../mock.js';
import type { ScalingMock } from '../types.js';
import {
  applyRouting,
  checkRouting,
  claimRoutingRefs,
  type RoutingRefs,
  type RoutingRegistries,
  type RoutingSummary,
  SeedComponent,
  SeedInboundIntegration,
  SeedRoutingPolicy,
} from './seed-routing.js';

/**
 * The standalone server's seed file: orgs, keys, users, schedules, policies, components, routing
 * policies and inbound integrations, made through the
 * mock's helpers and its own API (never by writing state), so a seeded mock is one a test could have built.
 *
 * The seed checks only what is its own: its format, its refs and its keys. Every other rule (unique
 * names and emails, rotation lengths, dates…) is the API's, applied by the helpers and the API as the
 * seed is applied; a refusal then names the entry and field it came from.
 */

const Ref = z.string().check(z.minLength(1, 'must be a non-empty name'), z.maxLength(100, 'must be at most 100 characters'));
const layerShape = ScheduleLayerCreateParams.shape;
const { orgId: _orgId, ...userFields } = UserFields.shape;

const SeedUser = z.strictObject({ ref: z.optional(Ref), ...userFields });

const SeedScheduleLayer = z.strictObject({
  name: z.optional(layerShape.name),
  rotationType: z.optional(layerShape.rotationType),
  rotationLengthDays: z.optional(layerShape.rotationLengthDays),
  handoffTime: z.optional(layerShape.handoffTime),
  effectiveFrom: z.optional(layerShape.effectiveFrom),
  effectiveUntil: layerShape.effectiveUntil,
  /** User refs, in rotation order. */
  participants: uniqueIds('participants', 1, MAX_PARTICIPANTS_PER_LAYER),
});

const SeedSchedule = z.strictObject({
  ref: z.optional(Ref),
  name: z.optional(ScheduleCreateParams.shape.name),
  description: ScheduleCreateParams.shape.description,
  timezone: z.optional(ScheduleCreateParams.shape.timezone),
  layers: z.optional(z.array(SeedScheduleLayer).check(z.maxLength(MAX_LAYERS_PER_SCHEDULE, `must list at most ${MAX_LAYERS_PER_SCHEDULE} layers`))),
});

/** `{ "schedule": "<schedule ref>" }` or `{ "users": ["<user ref>", …] }`: refs, not ids, hence not the API's shape. */
const SeedTarget = z
  .strictObject({ schedule: z.optional(Ref), users: z.optional(uniqueIds('users', 1)) })
  .check(z.refine((target) => (target.schedule === undefined) !== (target.users === undefined), 'must have exactly one of schedule, users'));

const SeedPolicy = z.strictObject({
  ref: z.optional(Ref),
  name: PolicyCreateParams.shape.name,
  description: PolicyCreateParams.shape.description,
  /** In position order: the first is position 1. */
  layers: z.optional(
    z.array(z.strictObject({ ackTimeoutMinutes: LayerCreateParams.shape.ackTimeoutMinutes, target: SeedTarget })).check(
      z.maxLength(MAX_LAYERS_PER_POLICY, `must list at most ${MAX_LAYERS_PER_POLICY} layers`),
    ),
  ),
});

const SeedOrg = z.strictObject({
  /** Only on `orgs[0]`: this entry fills the mock's default org instead of making a new one. */
  default: z.optional(z.boolean()),
  name: OrgFields.shape.name,
  /** The key of the org's admin user. */
  apiKey: OrgFields.shape.apiKey,
  /** A ref for the org's admin user, to use them as a participant or target. */
  adminRef: z.optional(Ref),
  users: z.optional(z.array(SeedUser)),
  schedules: z.optional(z.array(SeedSchedule)),
  policies: z.optional(z.array(SeedPolicy)),
  components: z.optional(z.array(SeedComponent)),
  routingPolicies: z.optional(z.array(SeedRoutingPolicy)),
  /** Made with `mock.createInboundIntegration()`: the API has no way to create one. */
  inboundIntegrations: z.optional(z.array(SeedInboundIntegration)),
});

export const SeedFile = z.strictObject({ orgs: z.array(SeedOrg) });
export type SeedInput = z.input<typeof SeedFile>;
export type Seed = z.output<typeof SeedFile>;

/** What a seed made, ids and keys included: printed at start and served by `GET /__mock/seed`. */
export type SeedSummary = {
  orgs: Array<{
    id: string;
    name: string;
    default: boolean;
    apiKey: string;
    adminUserId: string;
    users: Array<{ ref: string | null; id: string; email: string; role: string; apiKey: string }>;
    schedules: Array<{ ref: string | null; id: string; name: string; layerIds: string[] }>;
    policies: Array<{ ref: string | null; id: string; name: string; layerIds: string[] }>;
  } & RoutingSummary>;
  /** Every ref, to its id. */
  refs: { users: Record<string, string>; schedules: Record<string, string>; policies: Record<string, string> } & RoutingRefs;
};

/** A seed that cannot be applied; `issues` name the fields (`orgs[0].users[2].email`). */
export class SeedError extends Error {
  override readonly name = 'SeedError';
  constructor(readonly issues: ValidationIssue[]) {
    super(`Invalid seed: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
  }
}

/** The default org's key, when the seed sets it: the mock must be created with it. */
export const seedDefaultKey = (seed: Seed): string | undefined => (seed.orgs[0]?.default ? seed.orgs[0].apiKey : undefined);

/** `apiKey`: the default org's key, if given apart from the seed (`--api-key`). */
export type SeedContext = { apiKey?: string | undefined };

type RefOwner = { org: number; path: string };

/** The seed's own rules that span fields: unique refs and keys, refs that resolve inside their org, one default org. */
const crossCheck = (seed: Seed, context: SeedContext): ValidationIssue[] => {
  const issues: ValidationIssue[] = [];
  const refuse = (path: string, message: string) => issues.push({ path, message });
  const keys = new Map<string, string>();
  const users = new Map<string, RefOwner>();
  const schedules = new Map<string, RefOwner>();
  const policies = new Map<string, RefOwner>();
  const components = new Map<string, RefOwner>();
  const routingPolicies = new Map<string, RefOwner>();
  const integrations = new Map<string, RefOwner>();
  const claim = (registry: Map<string, RefOwner>, ref: string | undefined, owner: RefOwner, what: string) => {
    if (ref === undefined) return;
    const taken = registry.get(ref);
    if (taken) refuse(owner.path, `"${ref}" is already the ${what} ref at ${taken.path}`);
    else registry.set(ref, owner);
  };
  const claimKey = (key: string | undefined, path: string) => {
    if (key === undefined) return;
    const holder = keys.get(key);
    if (holder) refuse(path, `is already the key of ${holder}`);
    else keys.set(key, path);
  };
  const resolve = (registry: Map<string, RefOwner>, ref: string, org: number, path: string, what: string) => {
    const owner = registry.get(ref);
    if (!owner) refuse(path, `no ${what} with ref "${ref}" in this seed`);
    else if (owner.org !== org) refuse(path, `"${ref}" is a ${what} of orgs[${owner.org}], not of orgs[${org}]`);
  };

  const registry = (map: Map<string, RefOwner>, org: number, what: string) => ({
    claim: (ref: string | undefined, path: string) => claim(map, ref, { org, path }, what),
    resolve: (ref: string, path: string) => resolve(map, ref, org, path, what),
  });
  const routingRegistries = (org: number): RoutingRegistries => ({
    components: registry(components, org, 'component'),
    routingPolicies: registry(routingPolicies, org, 'routing policy'),
    integrations: registry(integrations, org, 'inbound integration'),
    policies: registry(policies, org, 'policy'),
  });

  const [first] = seed.orgs;
  if (first?.default && first.apiKey !== undefined && context.apiKey !== undefined && first.apiKey !== context.apiKey) {
    refuse('orgs[0].apiKey', 'differs from the apiKey option (--api-key); set the default key in one place');
  }
  if (context.apiKey !== undefined && !(first?.default && first.apiKey === context.apiKey)) keys.set(context.apiKey, 'the default org (--api-key)');

  // Refs first, everywhere: a schedule may name a user listed in a later entry of its org.
  seed.orgs.forEach((org, o) => {
    const at = `orgs[${o}]`;
    if (org.default && o > 0) refuse(`${at}.default`, 'only orgs[0] can be the default org');
    if (org.default && org.name !== undefined) refuse(`${at}.name`, 'the default org keeps its name; remove name (or default)');
    claimKey(org.apiKey, `${at}.apiKey`);
    claim(users, org.adminRef, { org: o, path: `${at}.adminRef` }, 'user');
    org.users?.forEach((user, u) => {
      claim(users, user.ref, { org: o, path: `${at}.users[${u}].ref` }, 'user');
      claimKey(user.apiKey, `${at}.users[${u}].apiKey`);
    });
    org.schedules?.forEach((schedule, s) => claim(schedules, schedule.ref, { org: o, path: `${at}.schedules[${s}].ref` }, 'schedule'));
    org.policies?.forEach((policy, p) => claim(policies, policy.ref, { org: o, path: `${at}.policies[${p}].ref` }, 'policy'));
    claimRoutingRefs(org, at, routingRegistries(o));
  });

  seed.orgs.forEach((org, o) => {
    const at = `orgs[${o}]`;
    org.schedules?.forEach((schedule, s) => {
      schedule.layers?.forEach((layer, l) => {
        const lp = `${at}.schedules[${s}].layers[${l}]`;
        layer.participants.forEach((ref, i) => resolve(users, ref, o, `${lp}.participants[${i}]`, 'user'));
      });
    });
    org.policies?.forEach((policy, p) => {
      const path = `${at}.policies[${p}]`;
      policy.layers?.forEach(({ target }, l) => {
        const tp = `${path}.layers[${l}].target`;
        if (target.schedule !== undefined) resolve(schedules, target.schedule, o, `${tp}.schedule`, 'schedule');
        target.users?.forEach((ref, i) => resolve(users, ref, o, `${tp}.users[${i}]`, 'user'));
      });
    });
    checkRouting(org, at, routingRegistries(o), refuse);
  });
  return issues;
};

/**
 * Checks a seed (parsed JSON) against its format, refs and keys. The API's own rules are applied
 * by `applySeed`, which refuses with a `SeedError` just the same.
 */
export const parseSeed = (input: unknown, context: SeedContext = {}): Seed => {
  const parsed = safeParse(SeedFile, input);
  if (!parsed.success) throw new SeedError(toValidationIssues(parsed.error.issues).map((issue) => ({ ...issue, path: issue.path || 'seed' })));
  const issues = crossCheck(parsed.data, context);
  if (issues.length > 0) throw new SeedError(issues);
  return parsed.data;
};

/**
 * Runs one step of the seed; whatever refuses it is reported at `path`, or at the field under it
 * that a helper's message names (`mock.createSchedule: layers[0].name: …` → `<path>.layers[0].name`).
 */
const step = async <T>(path: string, work: () => T | Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/^mock\.\w+: /, '') : String(error);
    const [, field, rest] = /^([\w.[\]]+): (.*)$/s.exec(message) ?? [];
    throw new SeedError([field === undefined ? { path, message } : { path: `${path}.${field}`, message: rest! }]);
  }
};

/** Applies a checked seed to a fresh mock: helpers for orgs, users and schedules; the API for policies. */
export const applySeed = async (mock: ScalingMock, seed: Seed): Promise<SeedSummary> => {
  // The helpers take an explicit key at run time; their public type does not list it yet.
  const { createOrg, createUser } = mock;
  const refs: SeedSummary['refs'] = { users: {}, schedules: {}, policies: {}, components: {}, routingPolicies: {}, inboundIntegrations: {} };
  const summary: SeedSummary = { orgs: [], refs };

  for (const [o, entry] of seed.orgs.entries()) {
    const at = `orgs[${o}]`;
    const org = entry.default
      ? { id: mock.orgId, name: 'Default organization', apiKey: mock.apiKey, adminUserId: mock.userId }
      : await step(at, () => createOrg({ name: entry.name, apiKey: entry.apiKey }));
    if (entry.adminRef !== undefined) refs.users[entry.adminRef] = org.adminUserId;
    const users = [];
    for (const [u, { ref, ...fields }] of (entry.users ?? []).entries()) {
      const user = await step(`${at}.users[${u}]`, () => createUser({ orgId: org.id, ...fields }));
      if (ref !== undefined) refs.users[ref] = user.id;
      users.push({ ref: ref ?? null, id: user.id, email: user.email, role: user.role, apiKey: user.apiKey });
    }
    const userId = (ref: string) => refs.users[ref] ?? ref;

    const schedules = [];
    for (const [s, { ref, layers = [], ...fields }] of (entry.schedules ?? []).entries()) {
      const schedule = await step(`${at}.schedules[${s}]`, () =>
        mock.createSchedule({
          orgId: org.id,
          ...fields,
          layers: layers.map(({ participants, ...layer }) => ({ ...layer, participantIds: participants.map(userId) })),
        }),
      );
      if (ref !== undefined) refs.schedules[ref] = schedule.id;
      schedules.push({ ref: ref ?? null, id: schedule.id, name: schedule.name, layerIds: schedule.layers.map((layer) => layer.id) });
    }

    // No helper makes policies: they go through the API, as the org's admin (unlogged, and past any fault rule).
    const scaling = new Scaling({ apiKey: org.apiKey, baseUrl: mock.baseUrl, fetch: internalFetchOf(mock), maxRetries: 0 });
    const policies = [];
    for (const [p, { ref, name, description, layers = [] }] of (entry.policies ?? []).entries()) {
      const path = `${at}.policies[${p}]`;
      const policy = await step(path, () => scaling.policies.create({ name, ...(description === undefined ? {} : { description }) }));
      const layerIds: string[] = [];
      for (const [l, { ackTimeoutMinutes, target }] of layers.entries()) {
        const layer = await step(`${path}.layers[${l}]`, () =>
          scaling.policies.layers.create(policy.id, {
            position: l + 1,
            ackTimeoutMinutes,
            target:
              target.schedule !== undefined
                ? { type: 'schedule', scheduleId: refs.schedules[target.schedule] ?? target.schedule }
                : { type: 'users', userIds: (target.users ?? []).map(userId) },
          }),
        );
        layerIds.push(layer.id);
      }
      if (ref !== undefined) refs.policies[ref] = policy.id;
      policies.push({ ref: ref ?? null, id: policy.id, name: policy.name, layerIds });
    }
    const routing = await applyRouting({ mock, scaling, orgId: org.id, at, step, policyRefs: refs.policies, refs }, entry);
    summary.orgs.push({ ...org, default: entry.default === true, users, schedules, policies, ...routing });
  }
  return summary;
};

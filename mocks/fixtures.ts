import * as z from 'zod/mini';
import { describeIssues, safeParse, toValidationIssues } from '../src/core/issues.js';
import { uniqueIds } from '../src/schemas/common.js';
import { MAX_LAYERS_PER_SCHEDULE, ScheduleLayerCreateParams, TimeZone } from '../src/schemas/schedules.js';
import type { MockContext } from './handlers/route.js';
import { addStatusPage } from './store/components.js';
import { addInboundIntegration } from './store/routing.js';
import { inboundIntegrationView } from './store/routing-views.js';
import { addUser, createOrgRecord, getOrg, issueApiKey } from './store/orgs.js';
import { scheduleLayersView } from './store/schedule-views.js';
import { addSchedule, createScheduleLayer } from './store/schedules.js';
import type { MockState } from './store/state.js';
import { iso } from './store/views.js';
import type { ScalingMock } from './types.js';

/**
 * The mock's test-facing helpers: they make what a test needs (tenants, members, schedules, status
 * pages) without going through the API, and check their input as strictly as the API would.
 */

const Text = z.string().check(z.minLength(1));
/**
 * An explicit API key for `createOrg`/`createUser` (the standalone server's seed file uses it, so suites
 * in any language can hard-code keys): it travels in `Authorization: Bearer …`, hence visible ASCII only.
 */
export const MockApiKey = z.string().check(
  z.regex(/^[\x21-\x7E]{1,256}$/, 'must be 1 to 256 visible ASCII characters, without spaces'),
);
const OrgInput = z.optional(z.strictObject({ name: z.optional(Text), apiKey: z.optional(MockApiKey) }));
const UserInput = z.optional(
  z.strictObject({
    orgId: z.optional(Text),
    firstName: z.optional(Text),
    lastName: z.optional(Text),
    email: z.optional(z.email()),
    role: z.optional(z.enum(['org:admin', 'org:member'])),
    apiKey: z.optional(MockApiKey),
  }),
);
const ScheduleInput = z.optional(
  z.strictObject({
    orgId: z.optional(Text),
    name: z.optional(z.string().check(z.minLength(1), z.maxLength(255))),
    description: z.optional(z.nullable(z.string())),
    timezone: z.optional(TimeZone),
    // Each layer arrives here with its defaults filled in (`withLayerDefaults`), so the API's own schema checks it.
    layers: z.optional(z.array(ScheduleLayerCreateParams).check(z.maxLength(MAX_LAYERS_PER_SCHEDULE))),
  }),
);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The length a `daily` or `weekly` layer must have; a `custom` one must say. */
const ROTATION_LENGTHS: Record<string, number> = { daily: 1, weekly: 7 };

/** Fills in the defaults of `createSchedule`'s layers; anything malformed is left for the schema to name. */
const withLayerDefaults = (input: unknown, now: string): unknown => {
  if (!isRecord(input) || !Array.isArray(input.layers)) return input;
  const layers = input.layers.map((layer: unknown, index) => {
    if (!isRecord(layer)) return layer;
    const rotationType = layer.rotationType ?? 'weekly';
    return {
      name: `Layer ${index + 1}`,
      rotationType,
      rotationLengthDays: typeof rotationType === 'string' ? ROTATION_LENGTHS[rotationType] : undefined,
      handoffTime: '09:00',
      effectiveFrom: now,
      effectiveUntil: null,
      ...layer,
    };
  });
  return { ...input, layers };
};

const InboundIntegrationInput = z.strictObject({
  orgId: z.optional(Text),
  name: z.optional(z.string().check(z.minLength(1), z.maxLength(255))),
  componentId: Text,
  routingPolicyId: z.optional(z.nullable(Text)),
});

const StatusPageInput = z.strictObject({
  orgId: z.optional(Text),
  componentIds: uniqueIds('component ids', 0),
  published: z.optional(z.boolean()),
});

/** Test-facing inputs are checked too: a typo in a test should fail loudly, naming the field. */
const check = <T extends z.core.$ZodType>(method: string, schema: T, input: unknown): z.output<T> => {
  const result = safeParse(schema, input);
  if (!result.success) throw new TypeError(`mock.${method}: ${describeIssues(toValidationIssues(result.error.issues))}`);
  return result.data;
};

const orgOf = (state: MockState, method: string, orgId: string) => {
  try {
    return getOrg(state, orgId);
  } catch {
    throw new RangeError(`mock.${method}: no organization ${orgId} in this mock`);
  }
};

/** A key another org or user already holds would make requests act as someone else: refused. */
const freeKey = (state: MockState, method: string, key: string | undefined) => {
  if (key !== undefined && state.apiKeys.has(key)) throw new TypeError(`mock.${method}: apiKey: is already in use`);
  return key;
};

export type Fixtures = Pick<ScalingMock, 'createOrg' | 'createUser' | 'createSchedule' | 'createStatusPage' | 'createInboundIntegration'>;

/** `defaultOrgId` is where helpers put things when the test names no `orgId`. */
export const createFixtures = (ctx: MockContext, defaultOrgId: string): Fixtures => {
  const { clock } = ctx;
  const createOrg: ScalingMock['createOrg'] = (input) => {
    const { name, apiKey } = check('createOrg', OrgInput, input) ?? {};
    const { state } = ctx;
    const key = freeKey(state, 'createOrg', apiKey);
    const org = createOrgRecord(state, name ?? `Organization ${state.orgs.size + 1}`, clock.nowMs());
    const admin = addUser(state, org, { role: 'org:admin' }, clock.nowMs());
    return { id: org.id, name: org.name, apiKey: issueApiKey(state, { orgId: org.id, userId: admin.id }, key), adminUserId: admin.id };
  };

  const createUser: ScalingMock['createUser'] = (input) => {
    const { orgId = defaultOrgId, apiKey, ...fields } = check('createUser', UserInput, input) ?? {};
    const { state } = ctx;
    const org = orgOf(state, 'createUser', orgId);
    const key = freeKey(state, 'createUser', apiKey);
    const user = addUser(state, org, fields, clock.nowMs());
    const { joinedAt: _, ...rest } = user;
    return { ...rest, apiKey: issueApiKey(state, { orgId, userId: user.id }, key) };
  };

  const createSchedule: ScalingMock['createSchedule'] = (input) => {
    const now = clock.nowMs();
    const { orgId = defaultOrgId, layers = [], ...fields } = check('createSchedule', ScheduleInput, withLayerDefaults(input, iso(now))) ?? {};
    const { state } = ctx;
    const org = orgOf(state, 'createSchedule', orgId);
    // Every rule the API would apply is checked before anything is added: no half-made schedule.
    const refuse = (field: string, message: string) => new TypeError(`mock.createSchedule: ${field}: ${message}`);
    if (fields.name !== undefined && [...org.schedules.values()].some((schedule) => schedule.name === fields.name)) {
      throw refuse('name', `a schedule named "${fields.name}" already exists in organization ${orgId}`);
    }
    layers.forEach((layer, index) => {
      const twin = layers.findIndex((other) => other.name === layer.name);
      if (twin !== index) throw refuse(`layers[${index}].name`, `"${layer.name}" is already the name of layers[${twin}]`);
      const strangers = layer.participantIds.filter((id) => !org.users.has(id));
      if (strangers.length > 0) {
        throw refuse(`layers[${index}].participantIds`, `not members of organization ${orgId}: ${strangers.join(', ')}`);
      }
    });
    const admin = [...org.users.values()].find((user) => user.role === 'org:admin')!;
    const schedule = addSchedule(state, org, { orgId, userId: admin.id }, fields, now);
    for (const layer of layers) createScheduleLayer(state, org, schedule.id, layer, now);
    return {
      id: schedule.id,
      orgId,
      name: schedule.name,
      description: schedule.description,
      timezone: schedule.timezone,
      createdAt: iso(schedule.createdAt),
      layers: scheduleLayersView(schedule),
    };
  };

  const createStatusPage: ScalingMock['createStatusPage'] = (input) => {
    const { orgId = defaultOrgId, componentIds, published = true } = check('createStatusPage', StatusPageInput, input);
    const { state } = ctx;
    const org = orgOf(state, 'createStatusPage', orgId);
    const stranger = componentIds.find((id) => !org.components.has(id));
    if (stranger !== undefined) throw new RangeError(`mock.createStatusPage: no component ${stranger} in organization ${orgId}`);
    const page = addStatusPage(state, org, { componentIds, published });
    return { id: page.id, orgId, componentIds: [...page.componentIds], published: page.published };
  };

  const createInboundIntegration: ScalingMock['createInboundIntegration'] = (input) => {
    const { orgId = defaultOrgId, name, componentId, routingPolicyId = null } = check('createInboundIntegration', InboundIntegrationInput, input);
    const { state } = ctx;
    const org = orgOf(state, 'createInboundIntegration', orgId);
    const refuse = (field: string, message: string) => new RangeError(`mock.createInboundIntegration: ${field}: ${message}`);
    if (!org.components.has(componentId)) throw refuse('componentId', `no component ${componentId} in organization ${orgId}`);
    if (routingPolicyId !== null && !org.routingPolicies.has(routingPolicyId)) {
      throw refuse('routingPolicyId', `no routing policy ${routingPolicyId} in organization ${orgId}`);
    }
    // Names are unique per org: the provider's data source looks integrations up by name.
    const names = new Set([...org.inboundIntegrations.values()].map((integration) => integration.name));
    if (name !== undefined && names.has(name)) throw refuse('name', `an integration named "${name}" already exists in organization ${orgId}`);
    let n = org.inboundIntegrations.size + 1;
    while (name === undefined && names.has(`Integration ${n}`)) n++;
    const integration = addInboundIntegration(state, org, { name: name ?? `Integration ${n}`, componentId, routingPolicyId }, clock.nowMs());
    return inboundIntegrationView(integration);
  };

  return { createOrg, createUser, createSchedule, createStatusPage, createInboundIntegration };
};

import * as z from 'zod/mini';
import { describeIssues, safeParse, toValidationIssues } from '../src/core/issues.js';
import { uniqueIds } from '../src/schemas/common.js';
import {
  effectiveUntilProblem,
  FIXED_ROTATION_LENGTH_DAYS,
  MAX_LAYERS_PER_SCHEDULE,
  ScheduleCreateParams,
  ScheduleLayerCreateParams,
} from '../src/schemas/schedules.js';
import { EmailAddress, MemberRole } from '../src/schemas/team.js';
import type { MockContext } from './handlers/route.js';
import { addStatusPage } from './store/components.js';
import { MockApiError } from './store/errors.js';
import { addInboundIntegration } from './store/routing.js';
import { inboundIntegrationView } from './store/routing-views.js';
import { addUser, createOrgRecord, getOrg, issueApiKey } from './store/orgs.js';
import { scheduleLayersView } from './store/schedule-views.js';
import { addSchedule } from './store/schedules.js';
import { assertNotMember } from './store/team.js';
import type { MockState } from './store/state.js';
import { iso } from './store/views.js';
import type { ScalingMock } from './types.js';

/**
 * The mock's test-facing helpers: they make what a test needs (tenants, members, schedules, status
 * pages) without going through the API, and check their input with the API's own schemas and store
 * rules, so a helper (or the seed, which uses them) never makes what the API would refuse.
 */

const Text = z.string().check(z.minLength(1, 'must not be empty'));
/**
 * An explicit API key for `createOrg`/`createUser` (the standalone server's seed file uses it, so suites
 * in any language can hard-code keys): it travels in `Authorization: Bearer …`, hence visible ASCII only.
 */
export const MockApiKey = z.string().check(
  z.regex(/^[\x21-\x7E]{1,256}$/, 'must be 1 to 256 visible ASCII characters, without spaces'),
);
/** `createOrg`'s fields; the seed's org entries are built on them. */
export const OrgFields = z.strictObject({ name: z.optional(Text), apiKey: z.optional(MockApiKey) });
/** `createUser`'s fields; the seed's user entries are built on them. */
export const UserFields = z.strictObject({
  orgId: z.optional(Text),
  firstName: z.optional(Text),
  lastName: z.optional(Text),
  email: z.optional(EmailAddress),
  role: z.optional(MemberRole),
  apiKey: z.optional(MockApiKey),
});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const fixedLength = (rotationType: unknown) =>
  typeof rotationType === 'string' && Object.hasOwn(FIXED_ROTATION_LENGTH_DAYS, rotationType)
    ? FIXED_ROTATION_LENGTH_DAYS[rotationType as keyof typeof FIXED_ROTATION_LENGTH_DAYS]
    : undefined;
const isDateTime = (value: unknown) => safeParse(ScheduleLayerCreateParams.shape.effectiveFrom, value).success;

/**
 * The defaults of `createSchedule`'s layers (see `MockScheduleLayerInput`), filled in so that the API's
 * own layer schema checks the result. The two refusals here are about the defaults themselves; anything
 * else malformed is left for the schema to name.
 */
const withLayerDefaults = (now: string) =>
  z.transform((layers: unknown, ctx) => {
    if (!Array.isArray(layers)) return layers;
    return layers.map((layer: unknown, index) => {
      if (!isRecord(layer)) return layer;
      const rotationType = layer.rotationType ?? 'weekly';
      const rotationLengthDays = layer.rotationLengthDays ?? fixedLength(rotationType);
      const refuse = (field: string, message: string) =>
        ctx.issues.push({ code: 'custom', message, path: [index, field], input: layer[field] });
      if (rotationType === 'custom' && rotationLengthDays === undefined) refuse('rotationLengthDays', 'is required for a custom rotation');
      const untilProblem = layer.effectiveFrom === undefined && isDateTime(layer.effectiveUntil)
        ? effectiveUntilProblem(now, layer.effectiveUntil as string)
        : undefined;
      if (untilProblem) refuse('effectiveUntil', `${untilProblem} (default: the mock clock's now)`);
      const defaults = { name: `Layer ${index + 1}`, handoffTime: '09:00', effectiveFrom: now, effectiveUntil: null };
      return { ...defaults, ...layer, rotationType, rotationLengthDays };
    });
  });

const ScheduleLayers = z.array(ScheduleLayerCreateParams).check(
  z.maxLength(MAX_LAYERS_PER_SCHEDULE, `must list at most ${MAX_LAYERS_PER_SCHEDULE} layers`),
);
const scheduleInput = (now: string) =>
  z.optional(
    z.strictObject({
      orgId: z.optional(Text),
      name: z.optional(ScheduleCreateParams.shape.name),
      description: ScheduleCreateParams.shape.description,
      timezone: z.optional(ScheduleCreateParams.shape.timezone),
      layers: z.optional(z.pipe(withLayerDefaults(now), ScheduleLayers)),
    }),
  );

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

/**
 * A store rule's refusal as the helper's `TypeError`, at `field` (the store's, or the helper's name for
 * it). Store messages that name their field start with it for API callers (`participantIds: …`); the
 * helper's path replaces that.
 */
const withHelperErrors = <T>(method: string, work: () => T, field?: string): T => {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof MockApiError)) throw error;
    const at = field ?? error.field;
    const message = error.message.replace(/^[\w.[\]]+: /, '');
    throw new TypeError(`mock.${method}: ${at === undefined ? '' : `${at}: `}${message}`);
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
    const { name, apiKey } = check('createOrg', z.optional(OrgFields), input) ?? {};
    const { state } = ctx;
    const key = freeKey(state, 'createOrg', apiKey);
    const org = createOrgRecord(state, name ?? `Organization ${state.orgs.size + 1}`, clock.nowMs());
    const admin = addUser(state, org, { role: 'org:admin' }, clock.nowMs());
    return { id: org.id, name: org.name, apiKey: issueApiKey(state, { orgId: org.id, userId: admin.id }, key), adminUserId: admin.id };
  };

  const createUser: ScalingMock['createUser'] = (input) => {
    const { orgId = defaultOrgId, apiKey, ...fields } = check('createUser', z.optional(UserFields), input) ?? {};
    const { state } = ctx;
    const org = orgOf(state, 'createUser', orgId);
    const key = freeKey(state, 'createUser', apiKey);
    const { email } = fields;
    if (email !== undefined) withHelperErrors('createUser', () => assertNotMember(org, email), 'email');
    const user = addUser(state, org, fields, clock.nowMs());
    const { joinedAt: _, ...rest } = user;
    return { ...rest, apiKey: issueApiKey(state, { orgId, userId: user.id }, key) };
  };

  const createSchedule: ScalingMock['createSchedule'] = (input) => {
    const now = clock.nowMs();
    const { orgId = defaultOrgId, layers = [], ...fields } = check('createSchedule', scheduleInput(iso(now)), input) ?? {};
    const { state } = ctx;
    const org = orgOf(state, 'createSchedule', orgId);
    const admin = [...org.users.values()].find((user) => user.role === 'org:admin')!;
    const schedule = withHelperErrors('createSchedule', () => addSchedule(state, org, { orgId, userId: admin.id }, fields, layers, now));
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

import type { HttpHandler } from 'msw';
import * as z from 'zod/mini';
import { DEFAULT_BASE_URL } from '../src/core/constants.js';
import { describeIssues, safeParse, toValidationIssues } from '../src/core/issues.js';
import { MAX_LAYERS_PER_SCHEDULE, ScheduleLayerCreateParams, TimeZone, type RotationType } from '../src/schemas/schedules.js';
import { uniqueIds } from '../src/schemas/common.js';
import { createClock, toMillis, type Instant, type VirtualClock } from './engine/clock.js';
import { createHandlers } from './handlers/index.js';
import type { MockContext } from './handlers/route.js';
import { addStatusPage } from './store/components.js';
import { addUser, createOrgRecord, getOrg, issueApiKey } from './store/orgs.js';
import { addSchedule, createScheduleLayer } from './store/schedules.js';
import { scheduleLayersView } from './store/schedule-views.js';
import { createState, type MemberRole, type MockState } from './store/state.js';
import { iso } from './store/views.js';

export type ScalingMockOptions = {
  /** Where the mock answers. Default: the real API's URL, so a client with default settings is intercepted. */
  baseUrl?: string;
  /** The virtual clock's start. Default: the wall time when the mock is created. */
  now?: Instant;
  /** The default org's API key. Default: a generated `scl_mock_…` key. */
  apiKey?: string;
  /** Seeds ids and keys: the same seed gives the same ids in the same order. Default 1. */
  seed?: number;
};

export type MockOrg = { id: string; name: string; apiKey: string; adminUserId: string };
export type MockUser = {
  id: string;
  orgId: string;
  apiKey: string;
  email: string;
  firstName: string;
  lastName: string;
  role: MemberRole;
};
/** A rotation layer for `createSchedule({ layers })`: `participantIds` is required, the rest has defaults. */
export type MockScheduleLayerInput = {
  participantIds: string[];
  /** Default `Layer N` (N = index + 1). */
  name?: string;
  /** Default `weekly`. */
  rotationType?: RotationType;
  /** Default 1 for `daily`, 7 for `weekly`; required for `custom`. */
  rotationLengthDays?: number;
  /** `HH:MM` in the schedule's zone. Default `09:00`. */
  handoffTime?: string;
  /** ISO 8601 datetime. Default: the mock clock's now. */
  effectiveFrom?: string;
  /** ISO 8601 datetime or `null` (default: open-ended). */
  effectiveUntil?: string | null;
};
export type MockSchedule = {
  id: string;
  orgId: string;
  name: string;
  description: string | null;
  timezone: string;
  createdAt: string;
  /** The layers, as `GET /oncall/schedules/{id}` shows them (position 0-based). */
  layers: Array<{
    id: string;
    scheduleId: string;
    orgId: string;
    name: string;
    position: number;
    rotationType: RotationType;
    rotationLengthDays: number;
    handoffTime: string;
    effectiveFrom: string;
    effectiveUntil: string | null;
    participantIds: string[];
    createdAt: string;
    updatedAt: string;
  }>;
};

/** A status page: it has no API, and only decides whether public incident updates are seen. */
export type MockStatusPage = { id: string; orgId: string; componentIds: string[]; published: boolean };

export type ScalingMock = {
  /** MSW request handlers for every endpoint: `setupServer(...mock.handlers)`. */
  readonly handlers: HttpHandler[];
  /** The default org's API key, owned by its admin user. */
  readonly apiKey: string;
  readonly baseUrl: string;
  /** The default org. */
  readonly orgId: string;
  /** The default org's admin, who owns `apiKey`. */
  readonly userId: string;
  /** The virtual clock that stamps every timestamp. Time never moves on its own. */
  readonly clock: VirtualClock;
  /** A new org with an admin user who owns the returned key. */
  createOrg(input?: { name?: string }): MockOrg;
  /** A member of the default org (or of `orgId`) with a key of their own: requests with it act as them. */
  createUser(input?: { orgId?: string; firstName?: string; lastName?: string; email?: string; role?: MemberRole }): MockUser;
  /**
   * An on-call schedule of the default org (or of `orgId`), usable as a layer target, with the
   * rotation `layers` given (in position order; participants must be members of that org).
   */
  createSchedule(input?: {
    orgId?: string;
    name?: string;
    description?: string | null;
    timezone?: string;
    layers?: MockScheduleLayerInput[];
  }): MockSchedule;
  /**
   * A status page of the default org (or of `orgId`) showing `componentIds`, which must be that
   * org's components. Published unless `published: false`.
   */
  createStatusPage(input: { orgId?: string; componentIds: string[]; published?: boolean }): MockStatusPage;
  /** Back to the state right after creation: same org, user and key; everything else gone; clock at its start. */
  reset(): void;
};

const Text = z.string().check(z.minLength(1));
const OrgInput = z.optional(z.strictObject({ name: z.optional(Text) }));
const UserInput = z.optional(
  z.strictObject({
    orgId: z.optional(Text),
    firstName: z.optional(Text),
    lastName: z.optional(Text),
    email: z.optional(z.email()),
    role: z.optional(z.enum(['org:admin', 'org:member'])),
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
 * An in-memory Scaling API. Every call makes a new, isolated one.
 *
 * ```ts
 * const mock = createScalingMock();
 * const server = setupServer(...mock.handlers);
 * const scaling = new Scaling({ apiKey: mock.apiKey, baseUrl: mock.baseUrl });
 * ```
 */
export const createScalingMock = (options: ScalingMockOptions = {}): ScalingMock => {
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const start = options.now === undefined ? Date.now() : toMillis(options.now, 'options.now');
  const seed = options.seed ?? 1;
  const clock = createClock(start);

  const boot = () => {
    const state = createState(seed);
    const org = createOrgRecord(state, 'Default organization');
    const admin = addUser(state, org, { firstName: 'Ada', lastName: 'Admin', role: 'org:admin' }, start);
    const apiKey = issueApiKey(state, { orgId: org.id, userId: admin.id }, options.apiKey);
    return { state, org, admin, apiKey };
  };
  const first = boot();
  const ctx: MockContext = { state: first.state, clock, baseUrl };

  const createOrg: ScalingMock['createOrg'] = (input) => {
    const { name } = check('createOrg', OrgInput, input) ?? {};
    const { state } = ctx;
    const org = createOrgRecord(state, name ?? `Organization ${state.orgs.size + 1}`);
    const admin = addUser(state, org, { role: 'org:admin' }, clock.nowMs());
    return { id: org.id, name: org.name, apiKey: issueApiKey(state, { orgId: org.id, userId: admin.id }), adminUserId: admin.id };
  };

  const createUser: ScalingMock['createUser'] = (input) => {
    const { orgId = first.org.id, ...fields } = check('createUser', UserInput, input) ?? {};
    const { state } = ctx;
    const user = addUser(state, orgOf(state, 'createUser', orgId), fields, clock.nowMs());
    const { joinedAt: _, ...rest } = user;
    return { ...rest, apiKey: issueApiKey(state, { orgId, userId: user.id }) };
  };

  const createSchedule: ScalingMock['createSchedule'] = (input) => {
    const now = clock.nowMs();
    const { orgId = first.org.id, layers = [], ...fields } = check('createSchedule', ScheduleInput, withLayerDefaults(input, iso(now))) ?? {};
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
    const { orgId = first.org.id, componentIds, published = true } = check('createStatusPage', StatusPageInput, input);
    const { state } = ctx;
    const org = orgOf(state, 'createStatusPage', orgId);
    const stranger = componentIds.find((id) => !org.components.has(id));
    if (stranger !== undefined) throw new RangeError(`mock.createStatusPage: no component ${stranger} in organization ${orgId}`);
    const page = addStatusPage(state, org, { componentIds, published });
    return { id: page.id, orgId, componentIds: [...page.componentIds], published: page.published };
  };

  return {
    handlers: createHandlers(ctx),
    apiKey: first.apiKey,
    baseUrl,
    orgId: first.org.id,
    userId: first.admin.id,
    clock: { now: clock.now, advance: clock.advance, set: clock.set },
    createOrg,
    createUser,
    createSchedule,
    createStatusPage,
    reset: () => {
      clock.reset(start);
      ctx.state = boot().state;
    },
  };
};

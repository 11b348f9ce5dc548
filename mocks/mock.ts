import type { HttpHandler } from 'msw';
import * as z from 'zod/mini';
import { DEFAULT_BASE_URL } from '../src/core/constants.js';
import { describeIssues, safeParse, toValidationIssues } from '../src/core/issues.js';
import { createClock, toMillis, type Instant, type VirtualClock } from './engine/clock.js';
import { createHandlers } from './handlers/index.js';
import type { MockContext } from './handlers/route.js';
import { addUser, createOrgRecord, getOrg, issueApiKey } from './store/orgs.js';
import { addSchedule } from './store/schedules.js';
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
export type MockSchedule = {
  id: string;
  orgId: string;
  name: string;
  description: string | null;
  timezone: string;
  createdAt: string;
};

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
  /** An on-call schedule of the default org (or of `orgId`), usable as a layer target. */
  createSchedule(input?: { orgId?: string; name?: string; description?: string | null; timezone?: string }): MockSchedule;
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
    timezone: z.optional(Text),
  }),
);

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
    const { orgId = first.org.id, ...fields } = check('createSchedule', ScheduleInput, input) ?? {};
    const { state } = ctx;
    const org = orgOf(state, 'createSchedule', orgId);
    const admin = [...org.users.values()].find((user) => user.role === 'org:admin')!;
    const schedule = addSchedule(state, org, { orgId, userId: admin.id }, fields, clock.nowMs());
    return {
      id: schedule.id,
      orgId,
      name: schedule.name,
      description: schedule.description,
      timezone: schedule.timezone,
      createdAt: iso(schedule.createdAt),
    };
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
    reset: () => {
      clock.reset(start);
      ctx.state = boot().state;
    },
  };
};

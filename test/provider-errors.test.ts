import { describe, expect, test } from 'vitest';
import { buildOpenApiDocument } from '../src/openapi/document.js';
import {
  Scaling,
  ScalingAuthenticationError,
  ScalingBadRequestError,
  ScalingConflictError,
  ScalingInvalidTargetError,
  ScalingNotFoundError,
  type RoutingPolicyCreateParams,
  type ScheduleLayerCreateParams,
  type StepParams,
} from '../src/index.js';
import { useMock } from './helpers.js';

/**
 * The errors of the methods issue 12 added, table by table, through the SDK against the mock: every
 * method under a bad key, every method with an id under another org's key, every reference to
 * another org's object inside a body, every business-rule conflict. After each refusal the whole
 * org reads as before. `docs/provider-test-matrix.md` maps each method and outcome to its test.
 */

const t = useMock();

const OFFICE = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
const RULES: RoutingPolicyCreateParams['rules'] = [
  { severity: 'critical', outcome: 'incident', escalationPolicyId: null },
  { severity: 'high', outcome: 'incident', escalationPolicyId: null },
  { severity: 'medium', outcome: 'notification', escalationPolicyId: null },
  { severity: 'low', outcome: 'drop', escalationPolicyId: null },
];
const rulesNaming = (escalationPolicyId: string): RoutingPolicyCreateParams['rules'] =>
  RULES.map((rule, index) => (index === 0 ? { ...rule, escalationPolicyId } : rule));
const step = (targetId: string, workingHoursId: string | null = null): StepParams => ({
  position: 1, targetType: 'schedule', targetId, escalateAfterSeconds: 300,
  condition: workingHoursId === null ? null : { workingHoursId, when: 'during' },
});
const rotation = (name: string, participantIds: string[]): ScheduleLayerCreateParams => ({
  name, rotationType: 'weekly', rotationLengthDays: 7, handoffTime: '09:00', effectiveFrom: '2026-04-06T09:00:00Z', participantIds,
});

/** One of each thing the new methods act on, in an org whose admin key `scaling` holds. */
const populate = async (scaling: Scaling, orgId: string, userId: string) => {
  const schedule = await scaling.schedules.create({ name: 'Primary', timezone: 'Europe/London' });
  const spareSchedule = await scaling.schedules.create({ name: 'Secondary', timezone: 'UTC' });
  const scheduleLayer = await scaling.schedules.layers.create(schedule.id, rotation('Week', [userId]));
  const backupLayer = await scaling.schedules.layers.create(schedule.id, rotation('Backup', [userId]));
  const hours = await scaling.workingHours.create({ name: 'Office', timezone: 'Europe/London', windows: [OFFICE] });
  const spareHours = await scaling.workingHours.create({ name: 'Spare hours', timezone: 'UTC', windows: [OFFICE] });
  const policy = await scaling.policies.create({ name: 'Platform', steps: [step(schedule.id, hours.id)] });
  const sparePolicy = await scaling.policies.create({ name: 'Spare policy' });
  const routing = await scaling.routingPolicies.create({ name: 'Paging', rules: rulesNaming(policy.id) });
  const spareRouting = await scaling.routingPolicies.create({ name: 'Spare routing', rules: RULES });
  const defaultRouting = (await scaling.routingPolicies.list()).find((candidate) => candidate.isDefault)!;
  const component = await scaling.components.create({ name: 'API', aliases: ['api'] });
  const integration = t.mock.createInboundIntegration({ orgId, name: 'Datadog', componentId: component.id, routingPolicyId: routing.id });
  return {
    userId, schedule, spareSchedule, scheduleLayer, backupLayer, hours, spareHours, policy, sparePolicy, routing, spareRouting, defaultRouting, component, integration,
    layerId: policy.layers![0]!.id,
  };
};
type World = Awaited<ReturnType<typeof populate>>;

const ours = () => populate(t.scaling, t.mock.orgId, t.mock.userId);
const theirs = async () => {
  const org = t.mock.createOrg();
  const scaling = t.client({ apiKey: org.apiKey });
  return { scaling, world: await populate(scaling, org.id, org.adminUserId) };
};

/** Everything the org shows through the API, in one string: equal strings mean nothing changed. */
const snapshot = async (scaling = t.scaling) => {
  const [hours, routing, integrations, policies, schedules, components] = await Promise.all([
    scaling.workingHours.list(),
    scaling.routingPolicies.list(),
    scaling.integrations.inbound.list(),
    scaling.policies.list(),
    scaling.schedules.list(),
    scaling.components.list({ limit: 100 }),
  ]);
  return JSON.stringify({
    hours,
    integrations,
    components,
    routing: await Promise.all(routing.map((policy) => scaling.routingPolicies.get(policy.id))),
    policies: await Promise.all(policies.map((policy) => scaling.policies.get(policy.id))),
    schedules: await Promise.all(schedules.map((schedule) => scaling.schedules.get(schedule.id))),
  });
};

const drain = async <T>(items: AsyncIterable<T>) => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};

/**
 * Every new SDK method: ids in the path from `path`, ids in the body from `body`, with a body that
 * `body`'s org would accept. Deletes act on spare objects that nothing names.
 */
type Call = (scaling: Scaling, path: World, body: World) => Promise<unknown>;
const EVERY_METHOD: Array<[string, Call]> = [
  ['workingHours.list', (s) => s.workingHours.list()],
  ['workingHours.get', (s, p) => s.workingHours.get(p.hours.id)],
  ['workingHours.create', (s) => s.workingHours.create({ name: 'Nights', timezone: 'UTC', windows: [OFFICE] })],
  ['workingHours.update', (s, p) => s.workingHours.update(p.hours.id, { windows: [{ ...OFFICE, end: '18:00' }] })],
  ['workingHours.delete', (s, p) => s.workingHours.delete(p.spareHours.id)],
  ['routingPolicies.list', (s) => s.routingPolicies.list()],
  ['routingPolicies.get', (s, p) => s.routingPolicies.get(p.routing.id)],
  ['routingPolicies.create', (s, _, b) => s.routingPolicies.create({ name: 'New routing', rules: rulesNaming(b.policy.id) })],
  ['routingPolicies.replace', (s, p, b) => s.routingPolicies.replace(p.routing.id, { name: 'Paging', rules: rulesNaming(b.sparePolicy.id) })],
  ['routingPolicies.delete', (s, p) => s.routingPolicies.delete(p.spareRouting.id)],
  ['integrations.inbound.list', (s) => s.integrations.inbound.list()],
  ['integrations.inbound.get', (s, p) => s.integrations.inbound.get(p.integration.id)],
  ['integrations.inbound.setSelectors', (s, p, b) =>
    s.integrations.inbound.setSelectors(p.integration.id, { selectors: [{ matchers: [{ key: 'env', value: 'prod' }], routingPolicyId: b.defaultRouting.id }] })],
  ['policies.create', (s, _, b) => s.policies.create({ name: 'New policy', steps: [step(b.schedule.id, b.hours.id)] })],
  ['policies.replace', (s, p, b) => s.policies.replace(p.policy.id, { name: 'Platform', description: 'replaced', steps: [step(b.schedule.id, b.hours.id)] })],
  ['schedules.replace', (s, p) => s.schedules.replace(p.schedule.id, { name: 'Primary', timezone: 'UTC' })],
  ['schedules.layers.replace', (s, p, b) => s.schedules.layers.replace(p.schedule.id, p.scheduleLayer.id, rotation('Week', [b.userId]))],
  ['components.list', (s) => s.components.list()],
  ['components.listAll', (s) => drain(s.components.listAll({ limit: 1 }))],
  ['policies.layers.create (condition)', (s, p, b) =>
    s.policies.layers.create(p.policy.id, {
      position: 2, ackTimeoutMinutes: 5, target: { type: 'schedule', scheduleId: b.schedule.id }, condition: { workingHoursId: b.hours.id, when: 'outside' },
    })],
  ['policies.layers.update (condition)', (s, p, b) =>
    s.policies.layers.update(p.policy.id, p.layerId, { target: { type: 'schedule', scheduleId: b.schedule.id }, condition: { workingHoursId: b.hours.id, when: 'outside' } })],
];

/** The methods that take an id in the path. */
const WITH_AN_ID = EVERY_METHOD.filter(([name]) => !/\.(list|listAll|create)$/.test(name));

describe('401: a key the mock does not know', () => {
  test.each(EVERY_METHOD)('%s is ScalingAuthenticationError 401 invalid_api_key, and changes nothing', async (_, call) => {
    const w = await ours();
    const before = await snapshot();
    const error = await call(t.client({ apiKey: 'scl_live_not_a_key' }), w, w).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingAuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'invalid_api_key', type: 'not_authorized_error' });
    expect(await snapshot()).toBe(before);
  });
});

describe('no admin gate: no 401 not_authorized (nor 403) applies to these methods', () => {
  test('each call, in turn, succeeds with an org:member key', async () => {
    const w = await ours();
    const member = t.client({ apiKey: t.mock.createUser({ role: 'org:member' }).apiKey });
    for (const [name, call] of EVERY_METHOD) await expect(call(member, w, w), name).resolves.not.toBeInstanceOf(Error);
  });
});

describe('404: another org’s ids in the path', () => {
  test('the table holds every method with an id', () => {
    expect(WITH_AN_ID.map(([name]) => name).sort()).toEqual([
      'integrations.inbound.get', 'integrations.inbound.setSelectors', 'policies.layers.create (condition)', 'policies.layers.update (condition)',
      'policies.replace', 'routingPolicies.delete', 'routingPolicies.get', 'routingPolicies.replace', 'schedules.layers.replace',
      'schedules.replace', 'workingHours.delete', 'workingHours.get', 'workingHours.update',
    ]);
  });

  // The body names the caller's own objects (schedule, working hours, policies, user), which its own
  // org would accept: only the path's tenant can refuse the call.
  test.each(WITH_AN_ID)('%s is ScalingNotFoundError 404 not_found; neither org changes', async (_, call) => {
    const w = await ours();
    const stranger = await theirs();
    const [before, theirsBefore] = [await snapshot(), await snapshot(stranger.scaling)];
    const error = await call(stranger.scaling, w, stranger.world).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingNotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'not_found', type: 'invalid_request_error' });
    expect(await snapshot()).toBe(before);
    expect(await snapshot(stranger.scaling)).toBe(theirsBefore);
  });

  test('the same calls with the stranger’s own ids succeed: the tables above test the tenant, not the body', async () => {
    const stranger = await theirs();
    const before = await snapshot(stranger.scaling);
    for (const [name, call] of WITH_AN_ID) await expect(call(stranger.scaling, stranger.world, stranger.world), name).resolves.not.toBeInstanceOf(Error);
    // And the snapshot the 404 table compares does see what these calls change.
    expect(await snapshot(stranger.scaling)).not.toBe(before);
  });

  test('lists show only the caller’s own: another org’s objects never appear', async () => {
    const w = await ours();
    const stranger = await theirs();
    const ids = (items: Array<{ id: string }>) => items.map((item) => item.id);
    const mine = [w.hours.id, w.spareHours.id, w.routing.id, w.spareRouting.id, w.defaultRouting.id, w.integration.id, w.component.id];
    const seen = [
      ...ids(await stranger.scaling.workingHours.list()),
      ...ids(await stranger.scaling.routingPolicies.list()),
      ...ids(await stranger.scaling.integrations.inbound.list()),
      ...ids(await drain(stranger.scaling.components.listAll())),
    ];
    // Their own: two sets of hours, three routing policies, one integration, one component.
    expect(seen).toHaveLength(7);
    expect(seen.filter((id) => mine.includes(id))).toEqual([]);
  });
});

type Ref = 'schedule' | 'user' | 'hours' | 'policy' | 'routing';
/** Ids that name no object of the caller's org: another org's, one that never existed, and one of the caller's of another kind. */
const foreignIds = (ref: Ref, w: World, stranger: World): Array<[string, string]> => {
  const ids: Record<Ref, [string, string]> = {
    schedule: [stranger.schedule.id, 'sched_00000000000000000000'],
    user: [stranger.userId, 'user_00000000000000000000'],
    hours: [stranger.hours.id, 'wh_00000000000000000000'],
    policy: [stranger.policy.id, 'pol_00000000000000000000'],
    routing: [stranger.routing.id, 'rp_00000000000000000000'],
  };
  const [theirs, never] = ids[ref];
  return [['another org’s', theirs], ['an unknown', never], ['our component’s', w.component.id]];
};

const BODY_REFERENCES: Array<[string, Ref, (s: Scaling, w: World, id: string) => Promise<unknown>, string, string, typeof ScalingBadRequestError]> = [
  ['policies.create steps[].targetId', 'schedule', (s, w, id) => s.policies.create({ name: 'New', steps: [step(w.schedule.id), { ...step(id), position: 2 }] }),
    'invalid_target', 'steps[1].targetId', ScalingInvalidTargetError],
  ['policies.create steps[].condition', 'hours', (s, w, id) => s.policies.create({ name: 'New', steps: [step(w.schedule.id, id)] }),
    'invalid_working_hours', 'steps[0].condition.workingHoursId', ScalingBadRequestError],
  ['policies.replace steps[].targetId', 'schedule', (s, w, id) => s.policies.replace(w.policy.id, { name: 'Renamed', description: null, steps: [step(id)] }),
    'invalid_target', 'steps[0].targetId', ScalingInvalidTargetError],
  ['policies.replace steps[].condition', 'hours', (s, w, id) => s.policies.replace(w.policy.id, { name: 'Renamed', description: null, steps: [step(w.schedule.id, id)] }),
    'invalid_working_hours', 'steps[0].condition.workingHoursId', ScalingBadRequestError],
  ['policies.layers.create target (schedule)', 'schedule', (s, w, id) => s.policies.layers.create(w.policy.id, { position: 1, ackTimeoutMinutes: 5, target: { type: 'schedule', scheduleId: id } }),
    'invalid_target', 'target.scheduleId', ScalingInvalidTargetError],
  ['policies.layers.create target (users)', 'user', (s, w, id) => s.policies.layers.create(w.policy.id, { position: 1, ackTimeoutMinutes: 5, target: { type: 'users', userIds: [w.userId, id] } }),
    'invalid_target', 'target.userIds', ScalingInvalidTargetError],
  ['policies.layers.create condition', 'hours', (s, w, id) =>
    s.policies.layers.create(w.policy.id, { position: 1, ackTimeoutMinutes: 5, target: { type: 'schedule', scheduleId: w.schedule.id }, condition: { workingHoursId: id, when: 'during' } }),
    'invalid_working_hours', 'condition.workingHoursId', ScalingBadRequestError],
  ['policies.layers.update target', 'schedule', (s, w, id) => s.policies.layers.update(w.policy.id, w.layerId, { ackTimeoutMinutes: 9, target: { type: 'schedule', scheduleId: id } }),
    'invalid_target', 'target.scheduleId', ScalingInvalidTargetError],
  ['policies.layers.update condition', 'hours', (s, w, id) => s.policies.layers.update(w.policy.id, w.layerId, { ackTimeoutMinutes: 9, condition: { workingHoursId: id, when: 'outside' } }),
    'invalid_working_hours', 'condition.workingHoursId', ScalingBadRequestError],
  ['routingPolicies.create rules[].escalationPolicyId', 'policy', (s, _, id) => s.routingPolicies.create({ name: 'New', rules: rulesNaming(id) }),
    'invalid_escalation_policy', 'rules[0].escalationPolicyId', ScalingBadRequestError],
  ['routingPolicies.replace rules[].escalationPolicyId', 'policy', (s, w, id) => s.routingPolicies.replace(w.spareRouting.id, { name: 'Renamed', rules: rulesNaming(id) }),
    'invalid_escalation_policy', 'rules[0].escalationPolicyId', ScalingBadRequestError],
  ['integrations.inbound.setSelectors selectors[].routingPolicyId', 'routing', (s, w, id) =>
    s.integrations.inbound.setSelectors(w.integration.id, { selectors: [{ matchers: [{ key: 'env', value: 'prod' }], routingPolicyId: w.spareRouting.id }, { matchers: [{ key: 'env', value: 'dev' }], routingPolicyId: id }] }),
    'invalid_routing_policy', 'selectors[1].routingPolicyId', ScalingBadRequestError],
  ['schedules.layers.replace participantIds', 'user', (s, w, id) => s.schedules.layers.replace(w.schedule.id, w.backupLayer.id, rotation('Nights', [w.userId, id])),
    'invalid_participant', 'participantIds', ScalingBadRequestError],
];

describe('400: a body naming what is not the caller’s (the layer-target rule: the path is 404, a reference in the body 400)', () => {
  test.each(BODY_REFERENCES)('%s (%s): 400 %s naming %s; nothing changes', async (_, ref, call, code, field, errorClass) => {
    const w = await ours();
    const stranger = await theirs();
    const before = await snapshot();
    for (const [whose, id] of foreignIds(ref, w, stranger.world)) {
      const error = await call(t.scaling, w, id).catch((caught: unknown) => caught);
      expect(error, whose).toBeInstanceOf(errorClass);
      expect(error, whose).toMatchObject({ status: 400, code, type: 'invalid_request_error', message: expect.stringContaining(field) });
      expect((error as Error).message, whose).toContain(id);
    }
    expect(await snapshot()).toBe(before);
  });
});

const CONFLICTS: Array<[string, string, (s: Scaling, w: World) => Promise<unknown>]> = [
  ['workingHours.create with a taken name', 'name_conflict', (s) => s.workingHours.create({ name: 'Office', timezone: 'UTC', windows: [OFFICE] })],
  ['workingHours.update to a taken name (with windows)', 'name_conflict', (s, w) => s.workingHours.update(w.spareHours.id, { name: 'Office', windows: [{ days: [7], start: '00:00', end: '00:00' }] })],
  ['workingHours.delete of a set a step is gated on', 'working_hours_in_use', (s, w) => s.workingHours.delete(w.hours.id)],
  ['routingPolicies.create with a taken name', 'name_conflict', (s) => s.routingPolicies.create({ name: 'Paging', rules: RULES })],
  ['routingPolicies.create with the default’s name', 'name_conflict', (s) => s.routingPolicies.create({ name: 'Default', rules: RULES })],
  ['routingPolicies.replace to a taken name', 'name_conflict', (s, w) => s.routingPolicies.replace(w.spareRouting.id, { name: 'Paging', rules: rulesNaming(w.sparePolicy.id) })],
  ['routingPolicies.delete of the default', 'default_routing_policy', (s, w) => s.routingPolicies.delete(w.defaultRouting.id)],
  ['routingPolicies.delete of one an integration names', 'routing_policy_in_use', (s, w) => s.routingPolicies.delete(w.routing.id)],
  ['policies.create (with steps) with a taken name', 'name_conflict', (s, w) => s.policies.create({ name: 'Platform', steps: [step(w.schedule.id)] })],
  ['policies.replace to a taken name', 'name_conflict', (s, w) => s.policies.replace(w.sparePolicy.id, { name: 'Platform', description: 'x', steps: [step(w.schedule.id)] })],
  ['policies.delete of one a routing rule names', 'escalation_policy_in_use', (s, w) => s.policies.delete(w.policy.id)],
  ['schedules.replace to a taken name', 'name_conflict', (s, w) => s.schedules.replace(w.spareSchedule.id, { name: 'Primary', timezone: 'Asia/Tokyo' })],
  ['schedules.delete of one a step targets', 'schedule_in_use', (s, w) => s.schedules.delete(w.schedule.id)],
  ['schedules.layers.replace to a sibling’s name', 'name_conflict', (s, w) => s.schedules.layers.replace(w.schedule.id, w.backupLayer.id, { ...rotation('Week', [w.userId]), handoffTime: '10:00' })],
  ['components.delete of one an integration resolves to', 'component_in_use', (s, w) => s.components.delete(w.component.id)],
];

describe('409: the business rules, each refusal all or nothing', () => {
  test.each(CONFLICTS)('%s is ScalingConflictError 409 %s; nothing changes', async (_, code, call) => {
    const w = await ours();
    const before = await snapshot();
    const error = await call(t.scaling, w).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingConflictError);
    expect(error).toMatchObject({ status: 409, code, type: 'invalid_request_error' });
    expect(await snapshot()).toBe(before);
  });
});

/**
 * The codes the mock sends for each of these operations beyond the ones every operation may get
 * (401, 404 `not_found`, 422 `validation_error`, 400 `invalid_json`, 413, 415). The document has no
 * per-operation error list (every operation answers `4XX` with the one error body), so each code is
 * named in the operation's description, which the OpenAPI document and the method reference show.
 */
const OPERATION_CODES: Record<string, string[]> = {
  'workingHours.create': ['name_conflict', 'invalid_timezone'],
  'workingHours.update': ['name_conflict', 'invalid_timezone'],
  'workingHours.delete': ['working_hours_in_use'],
  'routingPolicies.create': ['name_conflict', 'invalid_escalation_policy'],
  'routingPolicies.replace': ['name_conflict', 'invalid_escalation_policy'],
  'routingPolicies.delete': ['default_routing_policy', 'routing_policy_in_use'],
  'integrations.inbound.setSelectors': ['invalid_routing_policy'],
  'policies.create': ['name_conflict', 'invalid_target', 'invalid_working_hours'],
  'policies.replace': ['name_conflict', 'invalid_target', 'invalid_working_hours'],
  'policies.delete': ['escalation_policy_in_use'],
  'policies.layers.create': ['invalid_position', 'layer_limit_reached', 'invalid_target', 'invalid_working_hours'],
  'policies.layers.update': ['invalid_target', 'invalid_working_hours'],
  'schedules.replace': ['invalid_timezone', 'name_conflict'],
  'schedules.delete': ['schedule_in_use'],
  'schedules.layers.replace': ['invalid_participant', 'name_conflict'],
  'components.list': ['invalid_cursor'],
  'components.delete': ['component_in_use'],
};

test('the OpenAPI document names, in each operation’s description, every code the mock sends for it', () => {
  const operations = Object.values(buildOpenApiDocument().paths).flatMap((byMethod) => Object.values(byMethod));
  const missing = Object.entries(OPERATION_CODES).flatMap(([name, codes]) => {
    const operation = operations.find((candidate) => candidate.operationId === name);
    if (!operation) return [`${name}: no such operation`];
    return codes.filter((code) => !operation.description?.includes(`\`${code}\``)).map((code) => `${name}: ${code}`);
  });
  expect(missing).toEqual([]);
});

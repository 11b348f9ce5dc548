import { beforeAll, describe, expect, test } from 'vitest';
import { createScalingMock, type ScalingMock } from '../../mocks/index.js';
import {
  expectDocumented4xx,
  expectUnchanged,
  type OrgFixture,
  populateOrg,
  rawFetch,
  rawJson,
  snapshotOrg,
  START,
} from './support.js';

/**
 * Tenant isolation, route by route. The routes come from the mock's own handlers, so an endpoint
 * added later is tested here without anyone remembering to: each path parameter is filled with a
 * real id of org A of the right kind (a parameter name this file does not know fails the test), and
 * org B's admin key must get 404 `not_found` and change nothing. Routes without ids have their own
 * rule (their list is B's own, or what they create lands in B), and a route without one fails too.
 */

type Kind = 'policy' | 'policyLayer' | 'incident' | 'update' | 'schedule' | 'scheduleLayer' | 'component' | 'member' | 'invitation' | 'workingHours' | 'routingPolicy' | 'integration';

/** Which kind of id a path parameter names. `layerId` depends on the parent in the path. */
const PARAM_KINDS: Readonly<Record<string, (path: string) => Kind>> = {
  policyId: () => 'policy',
  layerId: (path) => {
    if (path.includes(':scheduleId')) return 'scheduleLayer';
    if (path.includes(':policyId')) return 'policyLayer';
    throw new Error(`${path}: a :layerId under neither a policy nor a schedule`);
  },
  incidentId: () => 'incident',
  updateId: () => 'update',
  scheduleId: () => 'schedule',
  componentId: () => 'component',
  userId: () => 'member',
  invitationId: () => 'invitation',
  workingHoursId: () => 'workingHours',
  routingPolicyId: () => 'routingPolicy',
  integrationId: () => 'integration',
};

const kindOf = (name: string, path: string): Kind => {
  const kind = PARAM_KINDS[name];
  if (!kind) throw new Error(`${path}: no id kind for :${name}; add it to PARAM_KINDS in test/fuzz/isolation.test.ts`);
  return kind(path);
};

const idOf = (org: OrgFixture, kind: Kind): string => {
  switch (kind) {
    case 'policy': return org.policyId;
    case 'policyLayer': return org.policyLayerIds[0]!;
    case 'incident': return org.incidentId;
    case 'update': return org.updateId;
    case 'schedule': return org.scheduleId;
    case 'scheduleLayer': return org.scheduleLayerIds[0]!;
    case 'component': return org.componentIds[0]!;
    case 'member': return org.memberId;
    case 'invitation': return org.invitationId;
    case 'workingHours': return org.workingHoursIds[0]!;
    case 'routingPolicy': return org.routingPolicyId;
    case 'integration': return org.integrationId;
  }
};

/**
 * A body the route would accept from org A's own admin, so that only the tenant decides the answer.
 * `null`: the route takes no body. Every POST, PUT and PATCH route must be listed.
 */
const BODIES: Readonly<Record<string, (a: OrgFixture) => unknown>> = {
  'PATCH /escalation/policies/:policyId': () => ({ name: 'Renamed' }),
  'PUT /escalation/policies/:policyId': (a) => ({
    name: 'Replaced',
    description: null,
    steps: [{ position: 1, targetType: 'schedule', targetId: a.scheduleId, escalateAfterSeconds: 120, condition: { workingHoursId: a.workingHoursIds[0]!, when: 'outside' } }],
  }),
  'PUT /routing/policies/:routingPolicyId': () => ({
    name: 'Replaced',
    rules: (['critical', 'high', 'medium', 'low'] as const).map((severity) => ({ severity, outcome: 'drop', escalationPolicyId: null })),
  }),
  'PUT /integrations/inbound/:integrationId/selectors': (a) => ({ selectors: [{ matchers: [{ key: 'env', value: 'prod' }], routingPolicyId: a.routingPolicyId }] }),
  'POST /escalation/policies/:policyId/layers': (a) => ({ position: 1, ackTimeoutMinutes: 5, target: { type: 'schedule', scheduleId: a.scheduleId } }),
  'PUT /escalation/policies/:policyId/layers/order': (a) => ({ layerIds: [...a.policyLayerIds].reverse() }),
  'PATCH /escalation/policies/:policyId/layers/:layerId': () => ({ ackTimeoutMinutes: 7 }),
  'PATCH /incidents/:incidentId/status': () => ({ status: 'identified' }),
  'POST /incidents/:incidentId/updates': () => ({ body: 'Still looking', visibility: 'internal' }),
  'POST /incidents/:incidentId/updates/:updateId/redact': () => null,
  'POST /incidents/:incidentId/acknowledge': () => null,
  'POST /incidents/:incidentId/handoff': (a) => ({ targetUserId: a.memberId }),
  'PUT /incidents/:incidentId/components': (a) => ({ componentIds: a.componentIds }),
  'PATCH /oncall/schedules/:scheduleId': () => ({ name: 'Renamed' }),
  'POST /oncall/schedules/:scheduleId/layers': (a) => ({
    name: 'New layer', rotationType: 'weekly', rotationLengthDays: 7, handoffTime: '09:00',
    effectiveFrom: '2026-04-07T09:00:00Z', participantIds: [a.memberId],
  }),
  'PUT /oncall/schedules/:scheduleId/layers/order': (a) => ({ layerIds: [...a.scheduleLayerIds].reverse() }),
  'PATCH /oncall/schedules/:scheduleId/layers/:layerId': () => ({ name: 'Renamed layer' }),
  'PUT /oncall/schedules/:scheduleId': () => ({ name: 'Replaced', description: '', timezone: 'UTC' }),
  'PUT /oncall/schedules/:scheduleId/layers/:layerId': (a) => ({
    name: 'Replaced layer', rotationType: 'daily', rotationLengthDays: 1, handoffTime: '08:00',
    effectiveFrom: '2026-04-07T08:00:00Z', effectiveUntil: null, participantIds: [a.memberId],
  }),
  'PATCH /team/members/:userId/role': () => ({ role: 'org:admin' }),
  'PATCH /components/:componentId': () => ({ name: 'Renamed' }),
  'PATCH /working-hours/:workingHoursId': () => ({ windows: [{ days: [6, 7], start: '10:00', end: '14:00' }] }),
};

const bodyFor = (route: Route, a: OrgFixture): unknown => {
  const make = BODIES[route.key];
  if (make) return make(a);
  if (route.method === 'GET' || route.method === 'DELETE') return null;
  throw new Error(`${route.key}: no plausible body; add one (or null) to BODIES in test/fuzz/isolation.test.ts`);
};

type Route = { method: string; path: string; key: string; params: string[] };

/** Every route of the mock, from its handlers, without the catch-all fallback. */
const routesOf = (mock: ScalingMock): Route[] => {
  const routes = mock.handlers.flatMap((handler) => {
    const { method, path } = handler.info;
    if (typeof path !== 'string' || typeof method !== 'string') {
      if (String(path) === `${mock.baseUrl}/*`) return []; // the fallback: 404/405 for what no route takes
      if (path instanceof RegExp && path.source.startsWith('^(?=.{8193})')) return []; // the guard: 414 for a URL too long to match
      if (handler === mock.handlers[0]) return []; // the front: fault rules and `mock.use()` overrides, then on to the routes
      throw new Error(`a handler without a plain method and path: ${String(method)} ${String(path)}`);
    }
    if (!path.startsWith(mock.baseUrl)) throw new Error(`a handler outside the base URL: ${path}`);
    const relative = path.slice(mock.baseUrl.length);
    const params = [...relative.matchAll(/:(\w+)/g)].map((match) => match[1]!);
    return [{ method: method.toUpperCase(), path: relative, key: `${method.toUpperCase()} ${relative}`, params }];
  });
  expect(mock.handlers.length - routes.length, 'exactly three handlers are not routes (the front, the 414 guard and the fallback)').toBe(3);
  return routes;
};

const fill = (route: Route, ids: Record<string, string>) =>
  route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(ids[name] ?? ''));

const send = (mock: ScalingMock, route: Route, path: string, body: unknown, apiKey: string | null) =>
  body === null ? rawFetch(mock, path, { method: route.method, apiKey }) : rawJson(mock, route.method, path, body, apiKey);

// ---------------------------------------------------------------------------------------------

let mock: ScalingMock;
let a: OrgFixture;
let b: OrgFixture;
/** An org with nothing in it but its admin, for the routes without ids. */
let c: { orgId: string; apiKey: string; adminId: string };
let routes: Route[];

beforeAll(async () => {
  mock = createScalingMock({ now: START, seed: 11 });
  a = await populateOrg(mock, { orgId: mock.orgId, apiKey: mock.apiKey, adminId: mock.userId, tag: 'A' });
  const orgB = mock.createOrg({ name: 'B' });
  b = await populateOrg(mock, { orgId: orgB.id, apiKey: orgB.apiKey, adminId: orgB.adminUserId, tag: 'B' });
  const orgC = mock.createOrg({ name: 'C' });
  c = { orgId: orgC.id, apiKey: orgC.apiKey, adminId: orgC.adminUserId };
  routes = routesOf(mock);
});

/**
 * Each way to point a route at org A while B holds the key: every id A's, and for nested routes each
 * mix of B's parent with A's child (and the reverse), so a child is looked up under its own parent.
 */
const combinations = (route: Route): Array<{ label: string; ids: Record<string, string> }> => {
  const kinds = route.params.map((name) => [name, kindOf(name, route.path)] as const);
  const masks = Array.from({ length: 2 ** kinds.length - 1 }, (_, i) => i + 1);
  return masks.map((mask) => {
    const ids = Object.fromEntries(kinds.map(([name, kind], bit) => [name, idOf((mask >> bit) & 1 ? a : b, kind)]));
    const label = kinds.map(([name], bit) => `${name} of ${(mask >> bit) & 1 ? 'A' : 'B'}`).join(', ');
    return { label, ids };
  });
};

describe('org B’s admin key on org A’s resources', () => {
  test('every route with ids answers 404 not_found and changes nothing, in A or in B', async () => {
    const withIds = routes.filter((route) => route.params.length > 0);
    expect(withIds.length).toBeGreaterThanOrEqual(28);
    // A body for a route that is gone is a table out of date.
    expect(Object.keys(BODIES).filter((key) => !withIds.some((route) => route.key === key))).toEqual([]);
    const beforeA = await snapshotOrg(mock, a.apiKey);
    const beforeB = await snapshotOrg(mock, b.apiKey);
    let cases = 0;
    for (const route of withIds) {
      for (const { label, ids } of combinations(route)) {
        const what = `${route.key} (${label}) with B's key`;
        const response = await send(mock, route, fill(route, ids), bodyFor(route, a), b.apiKey);
        const error = await expectDocumented4xx(response, what);
        expect({ status: response.status, code: error.code }, what).toEqual({ status: 404, code: 'not_found' });
        expectUnchanged(beforeA, await snapshotOrg(mock, a.apiKey), `${what}: org A`);
        expectUnchanged(beforeB, await snapshotOrg(mock, b.apiKey), `${what}: org B`);
        cases += 1;
      }
    }
    expect(cases).toBeGreaterThan(withIds.length);
  });

  /**
   * Routes without ids cannot answer 404: a list shows the caller's own org (here C, which has
   * nothing), and what a create makes lands in the caller's org, never in A, whatever A's names or
   * ids the body carries.
   */
  const ID_LESS: Readonly<Record<string, (route: Route) => Promise<void>>> = {
    'GET /escalation/policies': (route) => expectOwnList(route, '', []),
    'GET /oncall/schedules': (route) => expectOwnList(route, '', []),
    'GET /components': (route) => expectOwnList(route, '', { components: [], nextCursor: null }),
    'GET /working-hours': (route) => expectOwnList(route, '', []),
    // Every org has its own default routing policy, and only that to begin with.
    'GET /routing/policies': (route) => expectOwnList(route, '', [expect.objectContaining({ orgId: c.orgId, isDefault: true })]),
    'GET /integrations/inbound': (route) => expectOwnList(route, '', { integrations: [] }),
    'POST /routing/policies': async (route) => {
      const rules = (escalationPolicyId: string | null) =>
        (['critical', 'high', 'medium', 'low'] as const).map((severity) => ({ severity, outcome: 'incident', escalationPolicyId }));
      // A's escalation policy is unknown to C: the rule is refused, as any id outside the org.
      const error = await expectDocumented4xx(await rawJson(mock, route.method, route.path, { name: 'Borrowed', rules: rules(a.policyId) }, c.apiKey), route.key);
      expect(error.code).toBe('invalid_escalation_policy');
      await expectCreatedInC(route, { name: a.routingPolicyName, rules: rules(null) });
    },
    'GET /incidents': async (route) => {
      await expectOwnList(route, '', { incidents: [], nextCursor: null });
      // A's cursor names a place in A's list; in C's it is only a place, and C has nothing there.
      await expectOwnList(route, `?cursor=${encodeURIComponent(a.cursor)}`, { incidents: [], nextCursor: null });
    },
    'GET /team/members': (route) => expectOwnList(route, '', { members: [expect.objectContaining({ id: c.adminId })], invitations: [] }),
    'GET /users': (route) => expectOwnList(route, '', { users: [expect.objectContaining({ id: c.adminId })] }),
    // A's names are free in C: names are unique per org.
    'POST /escalation/policies': (route) => expectCreatedInC(route, { name: a.policyName }),
    'POST /oncall/schedules': (route) => expectCreatedInC(route, { name: a.scheduleName, timezone: 'UTC' }),
    'POST /components': (route) => expectCreatedInC(route, { name: a.componentName }),
    'POST /working-hours': (route) => expectCreatedInC(route, { name: a.workingHoursName, timezone: 'UTC', windows: [{ days: [1], start: '09:00', end: '17:00' }] }),
    // A's member is not C's: inviting them to C is a new invitation.
    'POST /team/members/invite': async (route) => {
      const response = await rawJson(mock, route.method, route.path, { emailAddress: a.memberEmail, role: 'org:member' }, c.apiKey);
      expect(response.status, route.key).toBe(201);
      expect(((await response.json()) as { data: { emailAddress: string } }).data.emailAddress).toBe(a.memberEmail);
    },
    // A's policy and schedule in the body are unknown to C: 404, as for a path id.
    'POST /incidents': async (route) => {
      for (const body of [
        { title: 'Borrowed policy', severity: 'high', escalationPolicyId: a.policyId },
        { title: 'Borrowed schedule', severity: 'high', ownerScheduleId: a.scheduleId },
      ]) {
        const error = await expectDocumented4xx(await rawJson(mock, route.method, route.path, body, c.apiKey), `${route.key} ${body.title}`);
        expect(error.code).toBe('not_found');
      }
      const strangers = [
        { body: { title: 'Borrowed owner', severity: 'high', ownerId: a.memberId }, code: 'invalid_owner' },
        { body: { title: 'Borrowed component', severity: 'high', ownerId: c.adminId, componentIds: [a.componentIds[0]] }, code: 'invalid_component_id' },
      ];
      for (const { body, code } of strangers) {
        const error = await expectDocumented4xx(await rawJson(mock, route.method, route.path, body, c.apiKey), `${route.key} ${body.title}`);
        expect(error.code).toBe(code);
      }
    },
  };

  /** C (empty) sees exactly `expected`; B, which has one of everything, sees no id of A's. */
  const expectOwnList = async (route: Route, query: string, expected: unknown) => {
    const response = await rawFetch(mock, `${route.path}${query}`, { method: route.method, apiKey: c.apiKey });
    expect(response.status, route.key).toBe(200);
    expect(((await response.json()) as { data: unknown }).data, route.key).toEqual(expected);
    const seenByB = await rawFetch(mock, `${route.path}${query}`, { method: route.method, apiKey: b.apiKey });
    expect(seenByB.status, route.key).toBe(200);
    const text = await seenByB.text();
    const idsOfA = [a.orgId, a.adminId, a.memberId, a.policyId, a.incidentId, a.resolvedIncidentId, a.scheduleId, a.spareScheduleId, a.invitationId, ...a.componentIds, ...a.workingHoursIds];
    expect(idsOfA.filter((id) => text.includes(id)), `${route.key}${query} with B's key`).toEqual([]);
  };

  const expectCreatedInC = async (route: Route, body: unknown) => {
    const response = await rawJson(mock, route.method, route.path, body, c.apiKey);
    expect(response.status, route.key).toBe(201);
    expect(((await response.json()) as { data: { orgId: string } }).data.orgId, route.key).toBe(c.orgId);
  };

  test('every route without ids shows or changes only the caller’s own org', async () => {
    const idLess = routes.filter((route) => route.params.length === 0);
    const beforeA = await snapshotOrg(mock, a.apiKey);
    for (const route of idLess) {
      const check = ID_LESS[route.key];
      if (!check) throw new Error(`${route.key}: no isolation rule for a route without ids; add one to ID_LESS in test/fuzz/isolation.test.ts`);
      await check(route);
      expectUnchanged(beforeA, await snapshotOrg(mock, a.apiKey), `${route.key} with C's key: org A`);
    }
    expect(idLess.map((route) => route.key).sort()).toEqual(Object.keys(ID_LESS).sort());
  });

  test('every route answers an unknown key, or none, with 401 and changes nothing', async () => {
    const beforeA = await snapshotOrg(mock, a.apiKey);
    for (const route of routes) {
      const path = fill(route, Object.fromEntries(route.params.map((name) => [name, idOf(a, kindOf(name, route.path))])));
      const body = route.params.length > 0 ? bodyFor(route, a) : route.method === 'GET' ? null : {};
      for (const [apiKey, code] of [['scl_mock_unknown_key_0000000000000', 'invalid_api_key'], [null, 'missing_authorization_header']] as const) {
        const what = `${route.key} with ${apiKey ?? 'no key'}`;
        const error = await expectDocumented4xx(await send(mock, route, path, body, apiKey), what);
        expect(error.code, what).toBe(code);
      }
    }
    expectUnchanged(beforeA, await snapshotOrg(mock, a.apiKey), 'unknown keys: org A');
  });
});

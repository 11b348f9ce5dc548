import { getResponse, HttpHandler } from 'msw';
import { expect } from 'vitest';
import type { ScalingMock } from '../../mocks/index.js';
import { Scaling } from '../../src/index.js';

/**
 * Shared by the fuzz tests: how many runs, raw requests through `mock.fetch` (no MSW server, no
 * client to clean the input up), the documented error codes, and a byte-for-byte snapshot of an org.
 */

/** `FUZZ_RUNS` scales every property test; `npm run test:fuzz` sets 10,000. */
export const FUZZ_RUNS = (() => {
  const value = Number(process.env.FUZZ_RUNS ?? '');
  return Number.isInteger(value) && value > 0 ? value : undefined;
})();

export const START = '2026-04-07T10:00:00.000Z';

/** A client that answers from the mock's own handlers: no interception, so files run in parallel. */
export const sdk = (mock: ScalingMock, apiKey: string, fetch: typeof globalThis.fetch = mock.fetch) =>
  new Scaling({ apiKey, baseUrl: mock.baseUrl, fetch, maxRetries: 0 });

/** A request that never settles is a bug too: it fails here instead of timing the test out. */
export const within = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no response within ${ms} ms (a hang)`)), ms);
  });
  return Promise.race([promise, hang]).finally(() => clearTimeout(timer));
};

export type RawInit = { method?: string; apiKey?: string | null; headers?: Record<string, string>; body?: BodyInit };

/** A raw request through `mock.fetch`: the path is used as given (already encoded), the body as given. */
export const rawFetch = async (mock: ScalingMock, path: string, init: RawInit = {}): Promise<Response> => {
  const { method = 'GET', apiKey = mock.apiKey, headers = {}, body } = init;
  const what = `${method} ${path.slice(0, 120)}`;
  const response = await within(
    mock.fetch(`${mock.baseUrl}${path}`, {
      method,
      headers: { ...(apiKey === null ? {} : { authorization: `Bearer ${apiKey}` }), ...headers },
      ...(body === undefined ? {} : { body }),
    }),
    5000,
    what,
  );
  // The body is read here, under the same deadline: a body that never ends is a hang too.
  const bytes = await within(response.arrayBuffer(), 5000, `${what} (body)`);
  return new Response(bytes, { status: response.status, headers: response.headers });
};

/** A raw JSON request. */
export const rawJson = (mock: ScalingMock, method: string, path: string, json: unknown, apiKey: string | null = mock.apiKey) =>
  rawFetch(mock, path, { method, apiKey, headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) });

/**
 * Every error code the README documents, with its status. An answer outside this table is not a
 * documented 4xx, whatever its status.
 */
export const DOCUMENTED: Readonly<Record<string, number>> = {
  validation_error: 422,
  invalid_json: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  // Not in the README yet: a path longer than MSW can match (8,192 characters) is refused (issue 6).
  uri_too_long: 414,
  not_found: 404,
  route_not_found: 404,
  method_not_allowed: 405,
  missing_authorization_header: 401,
  invalid_api_key: 401,
  not_authorized: 401,
  invalid_request_error: 400,
  invalid_target: 400,
  invalid_reorder: 400,
  invalid_position: 400,
  layer_limit_reached: 400,
  owner_required: 400,
  invalid_owner: 400,
  invalid_status_transition: 400,
  incident_resolved: 400,
  no_public_surface: 400,
  invalid_target_user: 400,
  invalid_component_id: 400,
  duplicate_component_id: 400,
  invalid_cursor: 400,
  invalid_timezone: 400,
  invalid_participant: 400,
  cannot_change_own_role: 400,
  cannot_remove_self: 400,
  redaction_not_permitted: 403,
  invalid_escalation_policy: 400,
  invalid_routing_policy: 400,
  invalid_working_hours: 400,
  name_conflict: 409,
  default_routing_policy: 409,
  routing_policy_in_use: 409,
  escalation_policy_in_use: 409,
  component_in_use: 409,
  schedule_in_use: 409,
  working_hours_in_use: 409,
  already_member: 409,
  invitation_exists: 409,
};

export type ErrorBody = { statusCode: number; type: string; code: string; message: string; requestId: string };

/**
 * The one error body, for a documented 4xx: `{ statusCode, type, code, message, requestId }`, the
 * same `requestId` in `x-request-id`, and a status the README gives that code. Returns the body.
 */
export const expectDocumented4xx = async (response: Response, what: string): Promise<ErrorBody> => {
  const text = await response.text();
  const context = `${what} → ${response.status} ${text.slice(0, 300)}`;
  expect(response.status, context).toBeGreaterThanOrEqual(400);
  expect(response.status, context).toBeLessThan(500);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${context}: the error body is not JSON`);
  }
  const requestId = response.headers.get('x-request-id');
  expect(requestId, context).toMatch(/^[0-9a-f-]{36}$/);
  expect(body, context).toEqual({
    statusCode: response.status,
    type: expect.any(String),
    code: expect.any(String),
    message: expect.any(String),
    requestId,
  });
  const { code } = body as ErrorBody;
  expect(DOCUMENTED[code], `${context}: undocumented code`).toBe(response.status);
  return body as ErrorBody;
};

/**
 * Reads through the one GET handler of `route` (found among `mock.handlers`), so a snapshot does not
 * walk the whole handler list for each of its reads. The handler is the mock's own: key, lookup, view.
 */
const reader = (mock: ScalingMock, apiKey: string) => {
  const handlers = new Map<string, HttpHandler>();
  for (const handler of mock.handlers) {
    if (handler instanceof HttpHandler && handler.info.method === 'GET') handlers.set(String(handler.info.path), handler);
  }
  return async (route: string, path: string): Promise<string> => {
    const handler = handlers.get(`${mock.baseUrl}${route}`);
    if (!handler) throw new Error(`snapshot: no GET ${route} among the mock's handlers`);
    const request = new Request(`${mock.baseUrl}${path}`, { headers: { authorization: `Bearer ${apiKey}` } });
    const response = await within(getResponse([handler], request), 5000, `GET ${path}`);
    const text = (await response?.text()) ?? '';
    if (response?.status !== 200) throw new Error(`snapshot: GET ${path} answered ${response?.status}: ${text}`);
    return text;
  };
};

const dataOf = <T>(text: string): T => (JSON.parse(text) as { data: T }).data;

/**
 * Everything an org's admin can read, as the mock sends it (every list, every get, every page of
 * incidents), plus the page log and the clock: two equal snapshots mean nothing changed.
 */
export const snapshotOrg = async (mock: ScalingMock, apiKey: string): Promise<string> => {
  const get = reader(mock, apiKey);
  const parts: string[] = [];
  const read = async (route: string, path = route) => {
    const text = await get(route, path);
    parts.push(`${path}\n${text}`);
    return text;
  };
  const each = async (route: string, list: string) => {
    for (const { id } of dataOf<Array<{ id: string }>>(await read(list))) await read(route, route.replace(/:\w+/, encodeURIComponent(id)));
  };
  // The policies with their layers (`GET …/layers` reads the same records).
  await each('/escalation/policies/:policyId', '/escalation/policies');
  let cursor: string | null = null;
  do {
    const page: { incidents: Array<{ id: string }>; nextCursor: string | null } = dataOf(
      await read('/incidents', `/incidents?limit=100${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`),
    );
    for (const { id } of page.incidents) {
      await read('/incidents/:incidentId', `/incidents/${encodeURIComponent(id)}`);
      await read('/incidents/:incidentId/updates', `/incidents/${encodeURIComponent(id)}/updates`);
    }
    cursor = page.nextCursor;
  } while (cursor !== null);
  await each('/oncall/schedules/:scheduleId', '/oncall/schedules');
  // Components are cursor-paginated like incidents: every page, then each component.
  let componentCursor: string | null = null;
  do {
    const page: { components: Array<{ id: string }>; nextCursor: string | null } = dataOf(
      await read('/components', `/components?limit=100${componentCursor === null ? '' : `&cursor=${encodeURIComponent(componentCursor)}`}`),
    );
    for (const { id } of page.components) await read('/components/:componentId', `/components/${encodeURIComponent(id)}`);
    componentCursor = page.nextCursor;
  } while (componentCursor !== null);
  await each('/working-hours/:workingHoursId', '/working-hours');
  await each('/routing/policies/:routingPolicyId', '/routing/policies');
  const { integrations } = dataOf<{ integrations: Array<{ id: string }> }>(await read('/integrations/inbound'));
  for (const { id } of integrations) await read('/integrations/inbound/:integrationId', `/integrations/inbound/${encodeURIComponent(id)}`);
  await read('/team/members');
  await read('/users');
  parts.push(`pages\n${JSON.stringify(mock.pages())}`, `clock\n${mock.clock.now().toISOString()}`);
  return parts.join('\n\n');
};

/** The first line where two snapshots differ, for a readable failure. */
export const firstDifference = (before: string, after: string): string => {
  const a = before.split('\n');
  const b = after.split('\n');
  const index = a.findIndex((line, i) => line !== b[i]);
  const at = index === -1 ? a.length : index;
  return `line ${at}:\n- ${(a[at] ?? '').slice(0, 400)}\n+ ${(b[at] ?? '').slice(0, 400)}`;
};

export const expectUnchanged = (before: string, after: string, what: string) => {
  if (before !== after) throw new Error(`${what} changed the mock's state: ${firstDifference(before, after)}`);
};

/** One org's resources of every kind, made through the API (and the mock's helpers where it has none). */
export type OrgFixture = {
  orgId: string;
  apiKey: string;
  adminId: string;
  memberId: string;
  memberEmail: string;
  /** Targeted by the policy's first layer. */
  scheduleId: string;
  scheduleName: string;
  scheduleLayerIds: string[];
  /** Targeted by nothing: it may be deleted. */
  spareScheduleId: string;
  spareScheduleLayerIds: string[];
  policyId: string;
  policyName: string;
  policyLayerIds: string[];
  /** A second policy, without layers. */
  backupPolicyName: string;
  componentIds: string[];
  componentName: string;
  /** Two working-hours sets; the first's name is taken. */
  workingHoursIds: string[];
  workingHoursName: string;
  /** The org's default routing policy; one a selector names; one nothing names (it may be deleted). */
  defaultRoutingPolicyId: string;
  routingPolicyId: string;
  routingPolicyName: string;
  spareRoutingPolicyId: string;
  /** An inbound integration on `componentIds[0]` whose one selector names `routingPolicyId`. */
  integrationId: string;
  /** An open incident under the policy, with one internal update, and a resolved one. */
  incidentId: string;
  updateId: string;
  resolvedIncidentId: string;
  invitationId: string;
  /** A cursor the incident list gave out (there are two incidents, listed one per page). */
  cursor: string;
  /** With `full`: a policy and a schedule at the 50-layer cap. */
  fullPolicyId?: string;
  fullScheduleId?: string;
};

export const populateOrg = async (
  mock: ScalingMock,
  org: { orgId: string; apiKey: string; adminId: string; tag: string; full?: boolean },
): Promise<OrgFixture> => {
  const { orgId, apiKey, adminId, tag } = org;
  const scaling = sdk(mock, apiKey);
  const memberEmail = `member-${tag.toLowerCase()}@example.com`;
  const memberId = mock.createUser({ orgId, email: memberEmail }).id;
  const scheduleName = `Schedule ${tag}`;
  const schedule = mock.createSchedule({
    orgId,
    name: scheduleName,
    layers: [{ participantIds: [adminId, memberId] }, { participantIds: [memberId], rotationType: 'daily' }],
  });
  const spare = mock.createSchedule({
    orgId,
    name: `Spare ${tag}`,
    timezone: 'America/New_York',
    layers: [{ name: 'Days', participantIds: [memberId] }, { name: 'Nights', participantIds: [adminId], handoffTime: '21:00' }],
  });
  const policyName = `Policy ${tag}`;
  const policy = await scaling.policies.create({ name: policyName, description: `Escalation of ${tag}` });
  const first = await scaling.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 5, target: { type: 'schedule', scheduleId: schedule.id } });
  const second = await scaling.policies.layers.create(policy.id, { position: 2, ackTimeoutMinutes: 15, target: { type: 'users', userIds: [adminId, memberId] } });
  const backupPolicyName = `Backup ${tag}`;
  const backup = await scaling.policies.create({ name: backupPolicyName });
  const componentName = `API ${tag}`;
  const componentIds = [
    (await scaling.components.create({ name: componentName, groupLabel: 'Core' })).id,
    (await scaling.components.create({ name: `Web ${tag}` })).id,
  ];
  mock.createStatusPage({ orgId, componentIds: [componentIds[0]!] });
  const workingHoursName = `Office ${tag}`;
  const workingHoursIds = [
    (await scaling.workingHours.create({ name: workingHoursName, timezone: 'Europe/London', windows: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }] })).id,
    (await scaling.workingHours.create({ name: `Nights ${tag}`, timezone: 'Asia/Tokyo', windows: [{ days: [7], start: '22:00', end: '06:00' }] })).id,
  ];
  const routingRules = (['critical', 'high', 'medium', 'low'] as const).map((severity) => ({ severity, outcome: 'incident' as const, escalationPolicyId: backup.id }));
  const routingPolicyName = `Routing ${tag}`;
  const routingPolicy = await scaling.routingPolicies.create({ name: routingPolicyName, description: '', rules: routingRules });
  const spareRouting = await scaling.routingPolicies.create({ name: `Spare routing ${tag}`, rules: routingRules });
  const defaultRouting = (await scaling.routingPolicies.list()).find((policy) => policy.isDefault)!;
  const integration = mock.createInboundIntegration({ orgId, name: `Datadog ${tag}`, componentId: componentIds[0]! });
  await scaling.integrations.inbound.setSelectors(integration.id, { selectors: [{ matchers: [{ key: 'env', value: 'prod' }], routingPolicyId: routingPolicy.id }] });
  const resolved = await scaling.incidents.create({ title: `Old outage ${tag}`, severity: 'low', ownerId: memberId });
  for (const status of ['identified', 'monitoring', 'resolved'] as const) await scaling.incidents.updateStatus(resolved.id, { status });
  const incident = await scaling.incidents.create({ title: `Outage ${tag}`, severity: 'high', escalationPolicyId: policy.id, componentIds: [componentIds[0]!] });
  const update = await scaling.incidents.updates.create(incident.id, { body: 'Looking into it', visibility: 'internal' });
  const invitation = await scaling.team.members.invite({ emailAddress: `invited-${tag.toLowerCase()}@example.com`, role: 'org:member' });
  const { nextCursor } = await scaling.incidents.list({ limit: 1 });
  if (nextCursor === null) throw new Error('populateOrg: expected a second page');
  const fixture: OrgFixture = {
    orgId, apiKey, adminId, memberId, memberEmail,
    scheduleId: schedule.id, scheduleName, scheduleLayerIds: schedule.layers.map((layer) => layer.id),
    spareScheduleId: spare.id, spareScheduleLayerIds: spare.layers.map((layer) => layer.id),
    policyId: policy.id, policyName, policyLayerIds: [first.id, second.id], backupPolicyName,
    componentIds, componentName, workingHoursIds, workingHoursName,
    defaultRoutingPolicyId: defaultRouting.id, routingPolicyId: routingPolicy.id, routingPolicyName, spareRoutingPolicyId: spareRouting.id,
    integrationId: integration.id,
    incidentId: incident.id, updateId: update.id, resolvedIncidentId: resolved.id,
    invitationId: invitation.id, cursor: nextCursor,
  };
  if (org.full) {
    const full = await scaling.policies.create({ name: `Full ${tag}` });
    for (let i = 0; i < 50; i++) {
      await scaling.policies.layers.create(full.id, { position: i + 1, ackTimeoutMinutes: 5, target: { type: 'users', userIds: [adminId] } });
    }
    const fullSchedule = mock.createSchedule({
      orgId,
      name: `Full schedule ${tag}`,
      layers: Array.from({ length: 50 }, () => ({ participantIds: [memberId] })),
    });
    fixture.fullPolicyId = full.id;
    fixture.fullScheduleId = fullSchedule.id;
  }
  return fixture;
};

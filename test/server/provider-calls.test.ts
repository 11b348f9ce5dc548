import { expect, test } from 'vitest';
import * as z from 'zod/mini';
import { useMockServer } from './support.js';

/**
 * The Terraform provider's own HTTP client, call by call (docs/provider-contract.md §1: 32 calls),
 * against the standalone mock over real HTTP: the same verbs, paths (`/v1/…`, ids unescaped) and
 * bodies, and each answer decoded as its Go models decode it (unknown fields ignored, a `*string`
 * may be null, every other field must have its type). What Terraform also needs, the values it
 * planned coming back exactly (ids by position, `escalateAfterSeconds`, order of rules, selectors
 * and days), is asserted beside each call.
 */

const ctx = useMockServer({ now: '2026-04-07T10:00:00.000Z' });

// The Go models, as encoding/json reads them: a missing non-pointer field would decode to a zero
// value the provider then writes to state, so every field it reads must be present here.
const Str = z.string();
const NullableStr = z.nullable(z.string());
const Base = { id: Str, orgId: Str, createdAt: Str, updatedAt: Str };
const WorkingHours = z.looseObject({
  ...Base,
  name: Str,
  timezone: Str,
  windows: z.array(z.looseObject({ days: z.array(z.int()), start: Str, end: Str })),
});
const Condition = z.nullable(z.looseObject({ workingHoursId: Str, when: z.enum(['during', 'outside']) }));
const Step = z.looseObject({
  id: Str, position: z.int(), targetType: Str, targetId: Str, escalateAfterSeconds: z.int(), condition: Condition, createdAt: Str, updatedAt: Str,
});
const EscalationPolicy = z.looseObject({ ...Base, name: Str, description: NullableStr });
const EscalationPolicyWithSteps = z.looseObject({ ...EscalationPolicy.shape, steps: z.array(Step) });
const RoutingRule = z.looseObject({ severity: Str, outcome: Str, escalationPolicyId: NullableStr });
const RoutingPolicy = z.looseObject({ ...Base, name: Str, description: NullableStr, isDefault: z.boolean() });
const RoutingPolicyWithRules = z.looseObject({ ...RoutingPolicy.shape, rules: z.array(RoutingRule) });
const Selector = z.looseObject({ matchers: z.array(z.looseObject({ key: Str, value: Str })), routingPolicyId: Str });
const InboundIntegration = z.looseObject({ ...Base, name: Str, componentId: Str, routingPolicyId: NullableStr, selectors: z.array(Selector) });
const OncallSchedule = z.looseObject({ ...Base, name: Str, description: NullableStr, timezone: Str });
const OncallLayer = z.looseObject({
  id: Str, scheduleId: Str, name: Str, rotationType: Str, rotationLengthDays: z.int(), handoffTime: Str,
  effectiveFrom: Str, effectiveUntil: NullableStr, participantIds: z.array(Str), createdAt: Str, updatedAt: Str,
});
const OncallScheduleWithLayers = z.looseObject({ ...OncallSchedule.shape, layers: z.array(OncallLayer) });
const Component = z.looseObject({
  ...Base, name: Str, description: NullableStr, aliases: z.array(Str), operationalStatus: Str,
  maintenanceWindow: z.nullable(z.looseObject({ startedAt: Str, endsAt: NullableStr })),
});
const User = z.looseObject({ id: Str, firstName: NullableStr, lastName: NullableStr, email: NullableStr });
const ApiError = z.looseObject({ statusCode: z.int(), type: Str, code: Str, requestId: Str });

type Call = { method: string; path: string; body?: unknown };

/** One call as `doRequest` makes it: `{ data: T }` decoded for a status < 400, a 204 is "no body". */
const call = async <T extends z.core.$ZodType>({ method, path, body }: Call, model: T | null, expected: number[]): Promise<z.output<T>> => {
  const { server } = ctx;
  const response = await fetch(`${server.origin}/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${server.apiKey}`,
      'user-agent': 'terraform-provider-scaling-cloud/0.1.0',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  expect(expected, `${method} ${path} answered ${response.status}: ${text}`).toContain(response.status);
  if (response.status === 204 || model === null) {
    // A 200 must still be JSON: the provider decodes it, and an empty body fails there.
    if (response.status !== 204) expect(() => JSON.parse(text), `${method} ${path}: a 200 with a non-JSON body`).not.toThrow();
    return undefined as z.output<T>;
  }
  const parsed = z.looseObject({ data: model }).safeParse(JSON.parse(text));
  expect(parsed.success ? [] : parsed.error.issues, `${method} ${path}: the answer does not decode into the provider's model`).toEqual([]);
  return (parsed.data as { data: z.output<T> }).data;
};

/** `IsNotFound`: the provider reads the error body's `statusCode`, not the HTTP status. */
const expectNotFound = async (path: string) => {
  const response = await fetch(`${ctx.server.origin}/v1${path}`, { headers: { authorization: `Bearer ${ctx.server.apiKey}` } });
  expect(response.status).toBe(404);
  expect(ApiError.parse(await response.json()).statusCode).toBe(404);
};

const CREATED = [201];
const OK = [200];
const DELETED = [200, 204];

test('every call of the provider’s client succeeds against the standalone mock, with the models it decodes', async () => {
  const { server } = ctx;
  const users = await call({ method: 'GET', path: '/users' }, z.looseObject({ users: z.array(User) }), OK); // ListUsers
  const [admin] = users.users;
  expect(admin).toBeDefined();

  // Working hours: create, list, get, update (PATCH with the full body; `days` echoed as sent).
  const office = { name: 'Office', timezone: 'Europe/London', windows: [{ days: [5, 1, 2], start: '09:00', end: '17:00' }] };
  const hours = await call({ method: 'POST', path: '/working-hours', body: office }, WorkingHours, CREATED);
  expect(hours.windows).toEqual(office.windows);
  expect(await call({ method: 'GET', path: '/working-hours' }, z.array(WorkingHours), OK)).toEqual([hours]);
  expect(await call({ method: 'GET', path: `/working-hours/${hours.id}` }, WorkingHours, OK)).toEqual(hours);
  const moreHours = { ...office, windows: [...office.windows, { days: [6, 7], start: '10:00', end: '14:00' }] };
  expect((await call({ method: 'PATCH', path: `/working-hours/${hours.id}`, body: moreHours }, WorkingHours, OK)).windows).toEqual(moreHours.windows);

  // On-call schedule: POST, layers POSTed in config order, PUT the schedule, PUT a layer, GET.
  const schedule = await call({ method: 'POST', path: '/oncall/schedules', body: { name: 'Primary', description: '', timezone: 'UTC' } }, OncallSchedule, CREATED);
  const layer = (name: string) => ({
    name, rotationType: 'custom', rotationLengthDays: 2, handoffTime: '09:00', effectiveFrom: '2026-04-01T00:00:00Z', participantIds: [admin!.id],
  });
  const first = await call({ method: 'POST', path: `/oncall/schedules/${schedule.id}/layers`, body: layer('Weekdays') }, OncallLayer, CREATED);
  const second = await call({ method: 'POST', path: `/oncall/schedules/${schedule.id}/layers`, body: layer('Backup') }, OncallLayer, CREATED);
  await call({ method: 'PUT', path: `/oncall/schedules/${schedule.id}`, body: { name: 'Primary on-call', description: '', timezone: 'UTC' } }, OncallSchedule, OK);
  const replacedLayer = await call(
    { method: 'PUT', path: `/oncall/schedules/${schedule.id}/layers/${first.id}`, body: { ...layer('Weekdays'), effectiveUntil: null } },
    OncallLayer,
    OK,
  );
  expect(replacedLayer.id).toBe(first.id);
  const withLayers = await call({ method: 'GET', path: `/oncall/schedules/${schedule.id}` }, OncallScheduleWithLayers, OK);
  // The provider sorts layers by id: that order must be the order they were made in.
  expect([...withLayers.layers].sort((a, b) => (a.id < b.id ? -1 : 1)).map((entry) => entry.name)).toEqual(['Weekdays', 'Backup']);
  expect((await call({ method: 'GET', path: '/oncall/schedules' }, z.array(OncallSchedule), OK)).map((entry) => entry.id)).toContain(schedule.id);

  // Escalation policy with steps: POST, GET, list, PUT (ids kept by position, the exact seconds echoed).
  const steps = (condition: unknown) => [
    { position: 1, targetType: 'schedule', targetId: schedule.id, escalateAfterSeconds: 300, condition },
    { position: 2, targetType: 'schedule', targetId: schedule.id, escalateAfterSeconds: 900, condition: null },
  ];
  const policy = await call(
    { method: 'POST', path: '/escalation/policies', body: { name: 'Checkout', description: '', steps: steps({ workingHoursId: hours.id, when: 'during' }) } },
    EscalationPolicyWithSteps,
    CREATED,
  );
  expect(policy.steps.map((step) => [step.position, step.escalateAfterSeconds, step.condition])).toEqual([
    [1, 300, { workingHoursId: hours.id, when: 'during' }],
    [2, 900, null],
  ]);
  expect(await call({ method: 'GET', path: `/escalation/policies/${policy.id}` }, EscalationPolicyWithSteps, OK)).toMatchObject({ steps: policy.steps });
  expect((await call({ method: 'GET', path: '/escalation/policies' }, z.array(EscalationPolicy), OK)).map((entry) => entry.id)).toContain(policy.id);
  const replaced = await call(
    { method: 'PUT', path: `/escalation/policies/${policy.id}`, body: { name: 'Checkout', description: null, steps: steps(null) } },
    EscalationPolicyWithSteps,
    OK,
  );
  expect(replaced.steps.map((step) => step.id)).toEqual(policy.steps.map((step) => step.id));
  expect(replaced.steps[0]!.condition).toBeNull();

  // Routing policy: POST, list (no rules), GET, PUT; rules come back in the order sent, a null policy stays null.
  const rules = [
    { severity: 'critical', outcome: 'incident', escalationPolicyId: policy.id },
    { severity: 'high', outcome: 'provisional_page', escalationPolicyId: null },
    { severity: 'medium', outcome: 'notification', escalationPolicyId: null },
    { severity: 'low', outcome: 'drop', escalationPolicyId: null },
  ];
  const routing = await call({ method: 'POST', path: '/routing/policies', body: { name: 'Payments', description: '', rules } }, RoutingPolicyWithRules, CREATED);
  expect(routing.rules).toEqual(rules);
  expect(routing.isDefault).toBe(false);
  const listed = await call({ method: 'GET', path: '/routing/policies' }, z.array(RoutingPolicy), OK);
  expect(listed.filter((entry) => entry.isDefault)).toHaveLength(1);
  expect(await call({ method: 'GET', path: `/routing/policies/${routing.id}` }, RoutingPolicyWithRules, OK)).toMatchObject({ rules });
  const reversed = [...rules].reverse();
  expect((await call({ method: 'PUT', path: `/routing/policies/${routing.id}`, body: { name: 'Payments', description: '', rules: reversed } }, RoutingPolicyWithRules, OK)).rules).toEqual(reversed);

  // Component: POST (aliases), list (cursor-paginated, limit=100), GET, PATCH with the full body.
  const component = await call({ method: 'POST', path: '/components', body: { name: 'Payments API', description: '', aliases: ['checkout', 'payments'] } }, Component, CREATED);
  expect(component).toMatchObject({ aliases: ['checkout', 'payments'], operationalStatus: 'operational', maintenanceWindow: null });
  const page = await call({ method: 'GET', path: '/components?limit=100' }, z.looseObject({ components: z.array(Component), nextCursor: NullableStr }), OK);
  expect(page.components.map((entry) => entry.id)).toContain(component.id);
  expect(page.nextCursor).toBeNull();
  expect(await call({ method: 'GET', path: `/components/${component.id}` }, Component, OK)).toEqual(component);
  expect((await call({ method: 'PATCH', path: `/components/${component.id}`, body: { name: 'Renamed', description: null, aliases: [] } }, Component, OK)).aliases).toEqual([]);

  // Inbound integration (provisioned outside the API): list, get, PUT selectors, then clear them as Delete does.
  const integration = server.mock.createInboundIntegration({ name: 'Datadog', componentId: component.id });
  const integrations = await call({ method: 'GET', path: '/integrations/inbound' }, z.looseObject({ integrations: z.array(InboundIntegration) }), OK);
  expect(integrations.integrations.map((entry) => entry.id)).toEqual([integration.id]);
  expect(await call({ method: 'GET', path: `/integrations/inbound/${integration.id}` }, InboundIntegration, OK)).toMatchObject({ componentId: component.id, routingPolicyId: null });
  const selectors = [
    { matchers: [{ key: 'service', value: 'Payments' }, { key: 'env', value: 'prod' }], routingPolicyId: routing.id },
    { matchers: [{ key: 'env', value: 'staging' }], routingPolicyId: routing.id },
  ];
  expect((await call({ method: 'PUT', path: `/integrations/inbound/${integration.id}/selectors`, body: { selectors } }, InboundIntegration, OK)).selectors).toEqual(selectors);
  expect((await call({ method: 'PUT', path: `/integrations/inbound/${integration.id}/selectors`, body: { selectors: [] } }, InboundIntegration, OK)).selectors).toEqual([]);

  // Deletes, in the order Terraform destroys dependents first; each is gone afterwards (IsNotFound).
  await call({ method: 'DELETE', path: `/oncall/schedules/${schedule.id}/layers/${second.id}` }, null, DELETED);
  await call({ method: 'DELETE', path: `/routing/policies/${routing.id}` }, null, DELETED);
  await expectNotFound(`/routing/policies/${routing.id}`);
  await call({ method: 'DELETE', path: `/escalation/policies/${policy.id}` }, null, DELETED);
  await expectNotFound(`/escalation/policies/${policy.id}`);
  await call({ method: 'DELETE', path: `/working-hours/${hours.id}` }, null, DELETED);
  await expectNotFound(`/working-hours/${hours.id}`);
  await call({ method: 'DELETE', path: `/oncall/schedules/${schedule.id}` }, null, DELETED);
  await expectNotFound(`/oncall/schedules/${schedule.id}`);
  // The component still resolves the integration's alerts, so it stays (409 component_in_use); that is the API's rule, not a failed call.
  const refused = await fetch(`${server.origin}/v1/components/${component.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${server.apiKey}` } });
  expect(ApiError.parse(await refused.json())).toMatchObject({ statusCode: 409, code: 'component_in_use' });
});

test('a component with no integration deletes, and is gone for the provider', async () => {
  const component = await call({ method: 'POST', path: '/components', body: { name: 'Spare', description: '', aliases: [] } }, Component, CREATED);
  await call({ method: 'DELETE', path: `/components/${component.id}` }, null, DELETED);
  await expectNotFound(`/components/${component.id}`);
});

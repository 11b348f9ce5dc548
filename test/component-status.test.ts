import { describe, expect, test } from 'vitest';
import {
  ScalingAuthenticationError,
  ScalingBadRequestError,
  ScalingValidationError,
  type Component,
  type ComponentCreateParams,
  type ComponentUpdateParams,
  type Severity,
} from '../src/index.js';
import { countingFetch, expectError, raw, useMock } from './helpers.js';

const t = useMock();

const open = (severity: Severity, componentIds: string[]) =>
  t.scaling.incidents.create({ title: `${severity} trouble`, severity, ownerId: t.mock.userId, componentIds });

const statusOf = async (componentId: string) => (await t.scaling.components.get(componentId)).operationalStatus;

describe('aliases', () => {
  test('are echoed exactly as sent (order, case), default to [], and are replaced wholesale by update', async () => {
    const aliases = ['payments', 'Checkout', 'pay-api'];
    const created = await t.scaling.components.create({ name: 'Payments API', aliases });
    expect(created.aliases).toEqual(aliases);
    expect((await t.scaling.components.create({ name: 'Bare' })).aliases).toEqual([]);

    const renamed = await t.scaling.components.update(created.id, { name: 'Payments' });
    expect(renamed.aliases).toEqual(aliases);
    const replaced = await t.scaling.components.update(created.id, { aliases: ['billing'] });
    expect(replaced.aliases).toEqual(['billing']);
    const cleared = await t.scaling.components.update(created.id, { aliases: [] });
    expect(cleared.aliases).toEqual([]);
    expect(await t.scaling.components.get(created.id)).toEqual(cleared);
  });

  test('the limits are inclusive: 50 aliases of 255 characters', async () => {
    const aliases = Array.from({ length: 50 }, (_, i) => `${i}`.padStart(255, 'a'));
    expect((await t.scaling.components.create({ name: 'Many', aliases })).aliases).toEqual(aliases);
  });

  test('aliases are not unique across components', async () => {
    await t.scaling.components.create({ name: 'One', aliases: ['shared'] });
    await expect(t.scaling.components.create({ name: 'Two', aliases: ['shared'] })).resolves.toMatchObject({ aliases: ['shared'] });
  });

  const badAliases: Array<[string, unknown]> = [
    ['51 aliases', Array.from({ length: 51 }, (_, i) => `alias-${i}`)],
    ['an empty alias', ['ok', '']],
    ['an alias of 256 characters', ['x'.repeat(256)]],
    ['a number', [5]],
    ['a string instead of a list', 'payments'],
    ['null', null],
  ];
  test.each(badAliases)('%s: refused by the client before sending and by the mock with 422, naming aliases; nothing changes', async (_, aliases) => {
    const component = await t.scaling.components.create({ name: 'API', aliases: ['kept'] });
    const spy = countingFetch();
    const scaling = t.client({ fetch: spy.fetch });
    for (const call of [
      scaling.components.create({ name: 'New', aliases } as ComponentCreateParams),
      scaling.components.update(component.id, { aliases } as ComponentUpdateParams),
    ]) {
      const error = await call.catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ScalingValidationError);
      expect((error as ScalingValidationError).field).toMatch(/^aliases/);
    }
    expect(spy.calls).toHaveLength(0);
    for (const [method, path] of [['POST', '/components'], ['PATCH', `/components/${component.id}`]] as const) {
      const body = await expectError(await raw(t.mock, path, { method, json: { name: 'New', aliases } }), 422, 'validation_error');
      expect(body.message).toContain('aliases');
    }
    expect((await t.scaling.components.list()).components).toEqual([component]);
  });
});

describe('the Terraform provider’s requests', () => {
  test('create, full-body PATCH (description "" or null, aliases [] clears) and the paginated list', async () => {
    const created = await raw(t.mock, '/components', { method: 'POST', json: { name: 'Payments API', description: '', aliases: ['checkout', 'payments'] } });
    expect(created.status).toBe(201);
    const component = (await created.json()).data as Component;
    expect(component).toMatchObject({ name: 'Payments API', description: '', aliases: ['checkout', 'payments'], operationalStatus: 'operational', maintenanceWindow: null });

    const patched = await raw(t.mock, `/components/${component.id}`, { method: 'PATCH', json: { name: 'Renamed', description: null, aliases: [] } });
    expect(patched.status).toBe(200);
    expect((await patched.json()).data).toMatchObject({ name: 'Renamed', description: null, aliases: [] });

    const listed = await raw(t.mock, '/components?limit=100');
    expect(await listed.json()).toEqual({ data: { components: [expect.objectContaining({ id: component.id, name: 'Renamed' })], nextCursor: null } });
  });
});

describe('operationalStatus from open incidents', () => {
  test('operational without incidents; critical → major_outage, high → partial_outage, medium and low → degraded', async () => {
    const expected: Array<[Severity, string]> = [['critical', 'major_outage'], ['high', 'partial_outage'], ['medium', 'degraded'], ['low', 'degraded']];
    for (const [severity, status] of expected) {
      const component = await t.scaling.components.create({ name: severity });
      expect(component.operationalStatus).toBe('operational');
      await open(severity, [component.id]);
      expect(await statusOf(component.id)).toBe(status);
    }
  });

  test('the worst open incident wins; list and get agree; an untouched component stays operational', async () => {
    const api = await t.scaling.components.create({ name: 'API' });
    const web = await t.scaling.components.create({ name: 'Web' });
    const quiet = await t.scaling.components.create({ name: 'Quiet' });
    await open('low', [api.id, web.id]);
    await open('critical', [api.id]);
    await open('medium', [web.id]);
    const statuses = (await t.scaling.components.list()).components.map((component) => [component.name, component.operationalStatus]);
    expect(statuses).toEqual([['API', 'major_outage'], ['Web', 'degraded'], ['Quiet', 'operational']]);
    expect(await statusOf(api.id)).toBe('major_outage');
    expect(await statusOf(quiet.id)).toBe('operational');
  });

  test('an incident counts until it is resolved, and stops counting when it no longer lists the component', async () => {
    const api = await t.scaling.components.create({ name: 'API' });
    const web = await t.scaling.components.create({ name: 'Web' });
    const incident = await open('high', [api.id, web.id]);
    for (const status of ['identified', 'monitoring'] as const) {
      await t.scaling.incidents.updateStatus(incident.id, { status });
      expect(await statusOf(api.id)).toBe('partial_outage');
    }
    await t.scaling.incidents.setComponents(incident.id, { componentIds: [api.id] });
    expect(await statusOf(web.id)).toBe('operational');
    await t.scaling.incidents.updateStatus(incident.id, { status: 'resolved' });
    expect(await statusOf(api.id)).toBe('operational');
  });

  test('deriving the status never moves updatedAt', async () => {
    const api = await t.scaling.components.create({ name: 'API' });
    await t.mock.clock.advance(60_000);
    await open('critical', [api.id]);
    expect((await t.scaling.components.get(api.id)).updatedAt).toBe(api.updatedAt);
  });
});

describe('maintenance windows and the admin override (mock.setComponentStatus)', () => {
  test('a window shows as maintenance only while startedAt ≤ now < endsAt', async () => {
    const api = await t.scaling.components.create({ name: 'API' });
    const window = { startedAt: '2026-04-07T11:00:00.000Z', endsAt: '2026-04-07T12:00:00.000Z' };
    expect(t.mock.setComponentStatus(api.id, { maintenanceWindow: window })).toMatchObject({ operationalStatus: 'operational', maintenanceWindow: null });
    await t.mock.clock.set('2026-04-07T11:00:00.000Z');
    expect(await t.scaling.components.get(api.id)).toMatchObject({ operationalStatus: 'maintenance', maintenanceWindow: window });
    await t.mock.clock.set('2026-04-07T11:59:59.999Z');
    expect(await statusOf(api.id)).toBe('maintenance');
    await t.mock.clock.set('2026-04-07T12:00:00.000Z');
    expect(await t.scaling.components.get(api.id)).toMatchObject({ operationalStatus: 'operational', maintenanceWindow: null });
  });

  test('an open-ended window (endsAt null or absent) lasts until cancelled with null', async () => {
    const api = await t.scaling.components.create({ name: 'API' });
    t.mock.setComponentStatus(api.id, { maintenanceWindow: { startedAt: new Date('2026-04-07T09:00:00Z') } });
    await t.mock.clock.advance(30 * 86_400_000);
    expect(await t.scaling.components.get(api.id)).toMatchObject({
      operationalStatus: 'maintenance',
      maintenanceWindow: { startedAt: '2026-04-07T09:00:00.000Z', endsAt: null },
    });
    expect(t.mock.setComponentStatus(api.id, { maintenanceWindow: null })).toMatchObject({ operationalStatus: 'operational', maintenanceWindow: null });
  });

  test('during maintenance a degrading incident shows maintenance; an outage shows the outage', async () => {
    const api = await t.scaling.components.create({ name: 'API' });
    t.mock.setComponentStatus(api.id, { maintenanceWindow: { startedAt: '2026-04-07T10:00:00Z', endsAt: null } });
    await open('low', [api.id]);
    expect(await t.scaling.components.get(api.id)).toMatchObject({ operationalStatus: 'maintenance', maintenanceWindow: { endsAt: null } });
    await open('high', [api.id]);
    // The window is still reported: it is in force, only outranked.
    expect(await t.scaling.components.get(api.id)).toMatchObject({ operationalStatus: 'partial_outage', maintenanceWindow: { endsAt: null } });
  });

  test('the override wins over incidents and maintenance until lifted with null; a field left out is unchanged', async () => {
    const api = await t.scaling.components.create({ name: 'API' });
    await open('critical', [api.id]);
    t.mock.setComponentStatus(api.id, { override: 'degraded', maintenanceWindow: { startedAt: '2026-04-07T10:00:00Z' } });
    expect(await statusOf(api.id)).toBe('degraded');
    t.mock.setComponentStatus(api.id, { override: 'operational' });
    expect(await t.scaling.components.get(api.id)).toMatchObject({ operationalStatus: 'operational', maintenanceWindow: { endsAt: null } });
    t.mock.setComponentStatus(api.id, { override: null });
    expect(await statusOf(api.id)).toBe('major_outage');
  });

  test('works for a component of any org of the mock, and leaves updatedAt alone', async () => {
    const org = t.mock.createOrg();
    const theirs = await t.client({ apiKey: org.apiKey }).components.create({ name: 'Theirs' });
    await t.mock.clock.advance(60_000);
    expect(t.mock.setComponentStatus(theirs.id, { override: 'major_outage' })).toEqual({ ...theirs, operationalStatus: 'major_outage' });
  });

  test('refuses an unknown component (RangeError) and malformed input (TypeError), naming the culprit, changing nothing', async () => {
    const api = await t.scaling.components.create({ name: 'API' });
    expect(() => t.mock.setComponentStatus('cmp_nothing', { override: 'degraded' })).toThrow(RangeError);
    expect(() => t.mock.setComponentStatus('cmp_nothing', { override: 'degraded' })).toThrow(/cmp_nothing/);
    expect(() => t.mock.setComponentStatus(api.id, { override: 'down' as never })).toThrow(/override/);
    expect(() => t.mock.setComponentStatus(api.id, { maintenanceWindow: { startedAt: 'tomorrow' } })).toThrow(/startedAt/);
    expect(() =>
      t.mock.setComponentStatus(api.id, { maintenanceWindow: { startedAt: '2026-04-07T12:00:00Z', endsAt: '2026-04-07T11:00:00Z' } }),
    ).toThrow(/endsAt/);
    expect(() => t.mock.setComponentStatus(api.id, { status: 'degraded' } as never)).toThrow(TypeError);
    expect(await t.scaling.components.get(api.id)).toEqual(api);
  });
});

describe('the list is cursor-paginated', () => {
  const createMany = async (count: number) => {
    const made: Component[] = [];
    for (let i = 0; i < count; i++) made.push(await t.scaling.components.create({ name: `C${String(i).padStart(2, '0')}` }));
    return made;
  };

  test('20 per page by default, in creation order; the cursor leads to the rest; the last page says null', async () => {
    const made = await createMany(25);
    const first = await t.scaling.components.list();
    expect(first.components).toEqual(made.slice(0, 20));
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await t.scaling.components.list({ cursor: first.nextCursor! });
    expect(second).toEqual({ components: made.slice(20), nextCursor: null });
    expect(await t.scaling.components.list({ limit: 25 })).toEqual({ components: made, nextCursor: null });
    expect((await t.scaling.components.list({ limit: 100 })).components).toHaveLength(25);
  });

  test('listAll walks every page; deleting a component seen earlier shifts nothing', async () => {
    const made = await createMany(12);
    const page = await t.scaling.components.list({ limit: 5 });
    await t.scaling.components.delete(made[0]!.id);
    const next = await t.scaling.components.list({ limit: 5, cursor: page.nextCursor! });
    expect(next.components).toEqual(made.slice(5, 10));
    const all: Component[] = [];
    for await (const component of t.scaling.components.listAll({ limit: 5 })) all.push(component);
    expect(all).toEqual(made.slice(1));
  });

  test('limit 0 or 101 is refused by the client and by the mock (422 naming limit); a bad cursor is 400 invalid_cursor', async () => {
    const spy = countingFetch();
    for (const limit of [0, 101]) {
      const error = await t.client({ fetch: spy.fetch }).components.list({ limit }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ScalingValidationError);
      expect(error).toMatchObject({ field: 'limit' });
      expect((await expectError(await raw(t.mock, `/components?limit=${limit}`), 422, 'validation_error')).message).toContain('limit');
    }
    expect(spy.calls).toHaveLength(0);
    const incidentCursor = btoa(JSON.stringify({ before: 1 }));
    const error = await t.scaling.components.list({ cursor: incidentCursor }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingBadRequestError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_cursor' });
  });

  test('listAll: a bad limit is refused before any request; a page that fails mid-walk rejects the iteration after the pages before it', async () => {
    const made = await createMany(3);
    const spy = countingFetch();
    for (const limit of [0, 101, 1.5]) {
      const error = await t.client({ fetch: spy.fetch }).components.listAll({ limit }).next().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ScalingValidationError);
      expect(error).toMatchObject({ field: 'limit' });
    }
    expect(spy.calls).toHaveLength(0);

    // A member whose key is revoked between two pages: the first page's components, then a 401.
    const member = t.mock.createUser();
    const walk = t.client({ apiKey: member.apiKey }).components.listAll({ limit: 2 });
    const seen: Component[] = [];
    const error = await (async () => {
      for await (const component of walk) {
        seen.push(component);
        if (seen.length === 2) await t.scaling.team.members.remove(member.id);
      }
    })().catch((caught: unknown) => caught);
    expect(seen).toEqual(made.slice(0, 2));
    expect(error).toBeInstanceOf(ScalingAuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'invalid_api_key' });
  });

  test('another org sees none of ours, on any page', async () => {
    await createMany(3);
    const stranger = t.client({ apiKey: t.mock.createOrg().apiKey });
    const page = await t.scaling.components.list({ limit: 1 });
    expect(await stranger.components.list()).toEqual({ components: [], nextCursor: null });
    expect(await stranger.components.list({ cursor: page.nextCursor! })).toEqual({ components: [], nextCursor: null });
  });
});

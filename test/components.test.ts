import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import { addStatusPage, createComponent, deleteComponent, hasPublicSurface } from '../mocks/store/components.js';
import { createOrgRecord } from '../mocks/store/orgs.js';
import { createState } from '../mocks/store/state.js';
import {
  ScalingConflictError,
  ScalingNotFoundError,
  ScalingValidationError,
  type ComponentCreateParams,
  type ComponentUpdateParams,
} from '../src/index.js';
import { countingFetch, expectError, raw, useMock } from './helpers.js';

const t = useMock();

const NOW = '2026-04-07T10:00:00.000Z';

/** The components of the first page: what `list()` returned before it returned pages. */
const listed = async (scaling = t.scaling) => (await scaling.components.list()).components;

/** Component bodies the client refuses (naming the field) and the mock answers with 422. */
const badCreates: Array<[string, unknown, string]> = [
  ['no name', { description: 'x' }, 'name'],
  ['an empty name', { name: '' }, 'name'],
  ['a name of 101 characters', { name: 'n'.repeat(101) }, 'name'],
  ['a description of 10 001 characters', { name: 'API', description: 'd'.repeat(10_001) }, 'description'],
  ['a numeric description', { name: 'API', description: 5 }, 'description'],
  ['an empty groupLabel', { name: 'API', groupLabel: '' }, 'groupLabel'],
  ['a groupLabel of 101 characters', { name: 'API', groupLabel: 'g'.repeat(101) }, 'groupLabel'],
  ['an unknown field', { name: 'API', operationalStatus: 'degraded' }, 'operationalStatus'],
];
const badUpdates: Array<[string, unknown, string]> = [
  ['an empty update', {}, 'name'],
  ['a null name', { name: null }, 'name'],
  ['an empty name', { name: '' }, 'name'],
  ['an empty groupLabel', { groupLabel: '' }, 'groupLabel'],
  ['an unknown field', { operationalStatus: 'degraded' }, 'operationalStatus'],
];

describe('components', () => {
  test('create answers 201 with the component, stamped by the clock; description and groupLabel default to null', async () => {
    const api = await t.scaling.components.create({ name: 'API', description: 'Public REST API', groupLabel: 'Core' });
    expect(api).toEqual({
      id: expect.stringMatching(/^cmp_/),
      orgId: t.mock.orgId,
      name: 'API',
      description: 'Public REST API',
      groupLabel: 'Core',
      aliases: [],
      operationalStatus: 'operational',
      maintenanceWindow: null,
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(await t.scaling.components.create({ name: 'Dashboard' })).toMatchObject({ description: null, groupLabel: null });
    const response = await raw(t.mock, '/components', { method: 'POST', json: { name: 'Webhooks' } });
    expect(response.status).toBe(201);
  });

  test('list is a page in creation order; get returns one', async () => {
    const a = await t.scaling.components.create({ name: 'A' });
    const b = await t.scaling.components.create({ name: 'B', groupLabel: 'Edge' });
    expect(await t.scaling.components.list()).toEqual({ components: [a, b], nextCursor: null });
    expect(await t.scaling.components.get(b.id)).toEqual(b);
  });

  test('update changes only the fields sent, null clears, and updatedAt moves to the clock', async () => {
    const api = await t.scaling.components.create({ name: 'API', description: 'keep me', groupLabel: 'Core' });
    await t.mock.clock.advance(30 * 60_000);
    const renamed = await t.scaling.components.update(api.id, { name: 'Public API' });
    expect(renamed).toEqual({ ...api, name: 'Public API', updatedAt: '2026-04-07T10:30:00.000Z' });

    await t.mock.clock.advance(60_000);
    const cleared = await t.scaling.components.update(api.id, { description: null, groupLabel: null });
    expect(cleared).toEqual({ ...renamed, description: null, groupLabel: null, updatedAt: '2026-04-07T10:31:00.000Z' });
    expect(await t.scaling.components.get(api.id)).toEqual(cleared);
  });

  test('delete removes the component; deleting it again is 404', async () => {
    const doomed = await t.scaling.components.create({ name: 'Doomed' });
    const kept = await t.scaling.components.create({ name: 'Kept' });
    await expect(t.scaling.components.delete(doomed.id)).resolves.toBeUndefined();
    await expect(t.scaling.components.get(doomed.id)).rejects.toThrow(ScalingNotFoundError);
    await expect(t.scaling.components.delete(doomed.id)).rejects.toMatchObject({ status: 404, code: 'not_found' });
    expect(await listed()).toEqual([kept]);
  });

  test('names are unique per org, compared exactly: 409 name_conflict on create and on rename', async () => {
    await t.scaling.components.create({ name: 'API' });
    const other = await t.scaling.components.create({ name: 'Other' });
    const before = JSON.stringify(await listed());

    const onCreate = await t.scaling.components.create({ name: 'API' }).catch((error: unknown) => error);
    expect(onCreate).toBeInstanceOf(ScalingConflictError);
    expect(onCreate).toMatchObject({ status: 409, code: 'name_conflict', type: 'invalid_request_error' });
    await expect(t.scaling.components.update(other.id, { name: 'API', description: 'half' })).rejects.toMatchObject({ code: 'name_conflict' });
    expect(JSON.stringify(await listed())).toBe(before);

    // Renaming to its own name is no conflict; another case is another name; another org may reuse it.
    await expect(t.scaling.components.update(other.id, { name: 'Other' })).resolves.toMatchObject({ name: 'Other' });
    await expect(t.scaling.components.create({ name: 'api' })).resolves.toMatchObject({ name: 'api' });
    const org = t.mock.createOrg();
    await expect(t.client({ apiKey: org.apiKey }).components.create({ name: 'API' })).resolves.toMatchObject({ orgId: org.id });
  });

  test('the limits are inclusive: name and groupLabel 100 characters, description 10 000', async () => {
    const params = { name: 'n'.repeat(100), description: 'd'.repeat(10_000), groupLabel: 'g'.repeat(100) };
    await expect(t.scaling.components.create(params)).resolves.toMatchObject(params);
  });

  test('any member may manage components (not only admins)', async () => {
    const member = t.client({ apiKey: t.mock.createUser().apiKey });
    const component = await member.components.create({ name: 'Made by a member' });
    await expect(member.components.update(component.id, { groupLabel: 'Core' })).resolves.toMatchObject({ groupLabel: 'Core' });
    await expect(member.components.delete(component.id)).resolves.toBeUndefined();
  });

  test('a component without groupLabel (the Terraform provider’s shape) reads as ungrouped', async () => {
    const terraformShape = {
      id: 'cmp_tf', orgId: 'org_1', name: 'API', description: null, aliases: [],
      operationalStatus: 'operational', maintenanceWindow: null, createdAt: NOW, updatedAt: NOW,
    };
    t.server.use(http.get(`${t.mock.baseUrl}/components/cmp_tf`, () => HttpResponse.json({ data: terraformShape })));
    expect(await t.scaling.components.get('cmp_tf')).toEqual({ ...terraformShape, groupLabel: null });
  });

  test('another org’s component is 404 on every endpoint with an id, and stays unchanged', async () => {
    const ours = await t.scaling.components.create({ name: 'Ours' });
    const stranger = t.client({ apiKey: t.mock.createOrg().apiKey });
    const attempts = [
      stranger.components.get(ours.id),
      stranger.components.update(ours.id, { name: 'Theirs' }),
      stranger.components.delete(ours.id),
    ];
    for (const attempt of attempts) {
      await expect(attempt).rejects.toMatchObject({ status: 404, code: 'not_found' });
    }
    expect(await listed(stranger)).toEqual([]);
    expect(await listed()).toEqual([ours]);
  });
});

describe('input is checked before anything is sent', () => {
  test.each(badCreates)('create refuses %s', async (_, params, field) => {
    const spy = countingFetch();
    const error = await t.client({ fetch: spy.fetch }).components.create(params as ComponentCreateParams).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingValidationError);
    expect(error).toMatchObject({ field });
    expect(spy.calls).toHaveLength(0);
  });

  test.each(badUpdates)('update refuses %s', async (_, params, field) => {
    const spy = countingFetch();
    const error = await t.client({ fetch: spy.fetch }).components.update('cmp_1', params as ComponentUpdateParams).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingValidationError);
    expect(error).toMatchObject({ field });
    if (field === '') expect((error as Error).message).toMatch(/name, description, groupLabel/);
    expect(spy.calls).toHaveLength(0);
  });

  test('path ids must be non-empty and cannot be . or ..', async () => {
    const spy = countingFetch();
    const scaling = t.client({ fetch: spy.fetch });
    for (const id of ['', '.', '..']) {
      await expect(scaling.components.get(id)).rejects.toMatchObject({ name: 'ScalingValidationError', field: 'componentId' });
      await expect(scaling.components.update(id, { name: 'x' })).rejects.toMatchObject({ field: 'componentId' });
      await expect(scaling.components.delete(id)).rejects.toMatchObject({ field: 'componentId' });
    }
    expect(spy.calls).toHaveLength(0);
  });
});

describe('the mock refuses what the SDK would not send', () => {
  test.each(badCreates)('create: %s is 422 validation_error', async (_, json, field) => {
    const error = await expectError(await raw(t.mock, '/components', { method: 'POST', json }), 422, 'validation_error');
    expect(error.message).toContain(field);
    expect(await listed()).toEqual([]);
  });

  test.each(badUpdates)('update: %s is 422 validation_error', async (_, json, field) => {
    const component = await t.scaling.components.create({ name: 'API', description: 'kept' });
    const error = await expectError(await raw(t.mock, `/components/${component.id}`, { method: 'PATCH', json }), 422, 'validation_error');
    expect(error.message).toContain(field || 'name, description, groupLabel');
    expect(await listed()).toEqual([component]);
  });
});

describe('a component in use', () => {
  test('cannot be deleted while any incident (even a resolved one) references it: 409 component_in_use naming it', async () => {
    const api = await t.scaling.components.create({ name: 'API' });
    const free = await t.scaling.components.create({ name: 'Free' });
    const incident = await t.scaling.incidents.create({ title: 'API down', severity: 'high', ownerId: t.mock.userId, componentIds: [api.id] });
    for (const status of ['identified', 'monitoring', 'resolved'] as const) await t.scaling.incidents.updateStatus(incident.id, { status });

    const error = await t.scaling.components.delete(api.id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingConflictError);
    expect(error).toMatchObject({ status: 409, code: 'component_in_use', type: 'invalid_request_error' });
    expect((error as Error).message).toContain(incident.id);
    expect(await listed()).toEqual([api, free]);
    await expect(t.scaling.components.delete(free.id)).resolves.toBeUndefined();
  });

  test('can be deleted once no incident references it', async () => {
    const api = await t.scaling.components.create({ name: 'API' });
    const incident = await t.scaling.incidents.create({ title: 'API down', severity: 'high', ownerId: t.mock.userId, componentIds: [api.id] });
    await t.scaling.incidents.setComponents(incident.id, { componentIds: [] });
    await expect(t.scaling.components.delete(api.id)).resolves.toBeUndefined();
    expect(await listed()).toEqual([]);
  });

  test('deleting a component takes it off the status pages that showed it (store rule)', () => {
    const state = createState(1);
    const org = createOrgRecord(state, 'Org');
    const api = createComponent(state, org, { name: 'API' }, 0);
    const page = addStatusPage(state, org, { componentIds: [api.id], published: true });
    expect(hasPublicSurface(org, [api.id])).toBe(true);
    deleteComponent(org, api.id);
    expect(page.componentIds).toEqual([]);
    expect(hasPublicSurface(org, [api.id])).toBe(false);
  });
});

describe('status pages', () => {
  test('mock.createStatusPage makes a published page of the org’s components, or an unpublished one', async () => {
    const api = await t.scaling.components.create({ name: 'API' });
    const web = await t.scaling.components.create({ name: 'Web' });
    expect(t.mock.createStatusPage({ componentIds: [api.id, web.id] })).toEqual({
      id: expect.stringMatching(/^sp_/),
      orgId: t.mock.orgId,
      componentIds: [api.id, web.id],
      published: true,
    });
    expect(t.mock.createStatusPage({ componentIds: [], published: false })).toMatchObject({ componentIds: [], published: false });

    const org = t.mock.createOrg();
    const theirs = await t.client({ apiKey: org.apiKey }).components.create({ name: 'API' });
    expect(t.mock.createStatusPage({ orgId: org.id, componentIds: [theirs.id] })).toMatchObject({ orgId: org.id, componentIds: [theirs.id] });
  });

  test('mock.createStatusPage refuses components of no or another org, and malformed input, naming the culprit', async () => {
    const api = await t.scaling.components.create({ name: 'API' });
    const org = t.mock.createOrg();
    const theirs = await t.client({ apiKey: org.apiKey }).components.create({ name: 'Theirs' });

    expect(() => t.mock.createStatusPage({ componentIds: [api.id, 'cmp_nothing'] })).toThrow(RangeError);
    expect(() => t.mock.createStatusPage({ componentIds: [api.id, 'cmp_nothing'] })).toThrow(/cmp_nothing/);
    expect(() => t.mock.createStatusPage({ componentIds: [theirs.id] })).toThrow(new RegExp(theirs.id));
    expect(() => t.mock.createStatusPage({ orgId: org.id, componentIds: [api.id] })).toThrow(RangeError);
    expect(() => t.mock.createStatusPage({ orgId: 'org_nothing', componentIds: [] })).toThrow(/org_nothing/);
    expect(() => t.mock.createStatusPage({ componentIds: [api.id, api.id] })).toThrow(TypeError);
    expect(() => t.mock.createStatusPage({ componentIds: [api.id], public: true } as never)).toThrow(/public/);
    expect(() => t.mock.createStatusPage(undefined as never)).toThrow(TypeError);
  });

  test('hasPublicSurface: some published page of the org shows at least one of the components', () => {
    const state = createState(1);
    const org = createOrgRecord(state, 'Org');
    const other = createOrgRecord(state, 'Other');
    const api = createComponent(state, org, { name: 'API' }, 0).id;
    const web = createComponent(state, org, { name: 'Web' }, 0).id;
    const db = createComponent(state, org, { name: 'DB' }, 0).id;

    expect(hasPublicSurface(org, [api, web, db])).toBe(false);
    addStatusPage(state, org, { componentIds: [api], published: false });
    expect(hasPublicSurface(org, [api])).toBe(false);
    addStatusPage(state, org, { componentIds: [web, db], published: true });
    expect(hasPublicSurface(org, [api])).toBe(false);
    expect(hasPublicSurface(org, [db])).toBe(true);
    expect(hasPublicSurface(org, [api, web])).toBe(true);
    expect(hasPublicSurface(org, [])).toBe(false);
    // Another org's published page is no surface for this one.
    addStatusPage(state, other, { componentIds: [api], published: true });
    expect(hasPublicSurface(org, [api])).toBe(false);
  });
});

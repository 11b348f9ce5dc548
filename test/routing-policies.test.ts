import { describe, expect, test } from 'vitest';
import {
  ScalingBadRequestError,
  ScalingConflictError,
  ScalingNotFoundError,
  ScalingValidationError,
  type RoutingPolicyCreateParams,
} from '../src/index.js';
import { expectError, raw, useMock } from './helpers.js';

const t = useMock();
const NOW = '2026-04-07T10:00:00.000Z';

const rules = (escalationPolicyId: string | null = null): RoutingPolicyCreateParams['rules'] => [
  { severity: 'critical', outcome: 'incident', escalationPolicyId },
  { severity: 'high', outcome: 'provisional_page', escalationPolicyId: null },
  { severity: 'medium', outcome: 'notification', escalationPolicyId: null },
  { severity: 'low', outcome: 'drop', escalationPolicyId: null },
];

const defaultPolicy = async () => {
  const list = await t.scaling.routingPolicies.list();
  return list.find((policy) => policy.isDefault)!;
};

describe('routing policies', () => {
  test('every org starts with one default policy: incident, incident, notification, notification, no escalation policy', async () => {
    const list = await t.scaling.routingPolicies.list();
    expect(list).toEqual([
      { id: expect.stringMatching(/^rp_/), orgId: t.mock.orgId, name: 'Default', description: null, isDefault: true, createdAt: NOW, updatedAt: NOW },
    ]);
    expect(list[0]).not.toHaveProperty('rules');
    const full = await t.scaling.routingPolicies.get(list[0]!.id);
    expect(full.rules).toEqual([
      { severity: 'critical', outcome: 'incident', escalationPolicyId: null },
      { severity: 'high', outcome: 'incident', escalationPolicyId: null },
      { severity: 'medium', outcome: 'notification', escalationPolicyId: null },
      { severity: 'low', outcome: 'notification', escalationPolicyId: null },
    ]);
    // Another org has its own default, which this one cannot see.
    const other = t.mock.createOrg();
    const theirs = await t.client({ apiKey: other.apiKey }).routingPolicies.list();
    expect(theirs).toHaveLength(1);
    expect(theirs[0]!.id).not.toBe(list[0]!.id);
    await expect(t.scaling.routingPolicies.get(theirs[0]!.id)).rejects.toBeInstanceOf(ScalingNotFoundError);
  });

  test('create answers 201 with the rules in request order; description "" is kept; list has no rules', async () => {
    const escalation = await t.scaling.policies.create({ name: 'Platform' });
    const reordered = [...rules(escalation.id)].reverse();
    const response = await raw(t.mock, '/routing/policies', { method: 'POST', json: { name: 'Critical only', description: '', rules: reordered } });
    expect(response.status).toBe(201);
    const created = (await response.json()).data;
    expect(created).toEqual({
      id: expect.stringMatching(/^rp_/), orgId: t.mock.orgId, name: 'Critical only', description: '', isDefault: false,
      rules: reordered, createdAt: NOW, updatedAt: NOW,
    });
    expect(await t.scaling.routingPolicies.get(created.id)).toEqual(created);
    const list = await t.scaling.routingPolicies.list();
    expect(list.map((policy) => policy.name)).toEqual(['Default', 'Critical only']);
    expect(list.every((policy) => !('rules' in policy))).toBe(true);
    // escalationPolicyId may be left out: it is null.
    const lean = await t.scaling.routingPolicies.create({
      name: 'Lean',
      rules: rules().map(({ severity, outcome }) => ({ severity, outcome })),
    });
    expect(lean.description).toBeNull();
    expect(lean.rules.map((rule) => rule.escalationPolicyId)).toEqual([null, null, null, null]);
  });

  test('replace swaps name, description and rules; an absent description becomes null; the default can be replaced but stays default', async () => {
    const escalation = await t.scaling.policies.create({ name: 'Platform' });
    const created = await t.scaling.routingPolicies.create({ name: 'A', description: 'first', rules: rules() });
    t.mock.clock.advance(5 * 60_000);
    const replaced = await t.scaling.routingPolicies.replace(created.id, { name: 'B', rules: rules(escalation.id) });
    expect(replaced).toEqual({ ...created, name: 'B', description: null, rules: rules(escalation.id), updatedAt: '2026-04-07T10:05:00.000Z' });
    const fallback = await defaultPolicy();
    const renamed = await t.scaling.routingPolicies.replace(fallback.id, { name: 'Org default', description: '', rules: rules() });
    expect(renamed).toMatchObject({ id: fallback.id, name: 'Org default', isDefault: true, rules: rules() });
  });

  test('names are unique per org (409 name_conflict), on create and on replace; another org may reuse one', async () => {
    const a = await t.scaling.routingPolicies.create({ name: 'A', rules: rules() });
    await t.scaling.routingPolicies.create({ name: 'B', rules: rules() });
    await expect(t.scaling.routingPolicies.create({ name: 'A', rules: rules() })).rejects.toMatchObject({ status: 409, code: 'name_conflict' });
    await expect(t.scaling.routingPolicies.create({ name: 'Default', rules: rules() })).rejects.toBeInstanceOf(ScalingConflictError);
    await expect(t.scaling.routingPolicies.replace(a.id, { name: 'B', rules: rules() })).rejects.toMatchObject({ code: 'name_conflict' });
    expect(await t.scaling.routingPolicies.get(a.id)).toEqual(a);
    // Its own name is not a conflict.
    await expect(t.scaling.routingPolicies.replace(a.id, { name: 'A', rules: rules() })).resolves.toMatchObject({ name: 'A' });
    const other = t.mock.createOrg();
    await expect(t.client({ apiKey: other.apiKey }).routingPolicies.create({ name: 'A', rules: rules() })).resolves.toMatchObject({ name: 'A' });
  });

  test('an escalation policy that is not the org’s is 400 invalid_escalation_policy, naming the rule; nothing is written', async () => {
    const other = t.mock.createOrg();
    const theirs = await t.client({ apiKey: other.apiKey }).policies.create({ name: 'Theirs' });
    for (const id of ['pol_00000000000000000000', theirs.id]) {
      const error = await t.scaling.routingPolicies.create({ name: 'X', rules: rules(id) }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ScalingBadRequestError);
      expect(error).toMatchObject({ status: 400, code: 'invalid_escalation_policy', message: expect.stringContaining('rules[0].escalationPolicyId') });
    }
    expect(await t.scaling.routingPolicies.list()).toHaveLength(1);
    const created = await t.scaling.routingPolicies.create({ name: 'X', rules: rules() });
    await expect(t.scaling.routingPolicies.replace(created.id, { name: 'Y', rules: rules(theirs.id) })).rejects.toMatchObject({ code: 'invalid_escalation_policy' });
    expect(await t.scaling.routingPolicies.get(created.id)).toEqual(created);
  });

  const badBodies: Array<[string, unknown, string]> = [
    ['three rules', { name: 'X', rules: rules().slice(0, 3) }, 'rules'],
    ['five rules', { name: 'X', rules: [...rules(), rules()[0]] }, 'rules'],
    ['a severity twice', { name: 'X', rules: [...rules().slice(0, 3), { severity: 'critical', outcome: 'drop', escalationPolicyId: null }] }, 'rules'],
    ['an unknown outcome', { name: 'X', rules: [{ severity: 'critical', outcome: 'page' }, ...rules().slice(1)] }, 'rules[0].outcome'],
    ['an unknown severity', { name: 'X', rules: [{ severity: 'urgent', outcome: 'drop' }, ...rules().slice(1)] }, 'rules[0].severity'],
    ['an empty escalationPolicyId', { name: 'X', rules: [{ severity: 'critical', outcome: 'drop', escalationPolicyId: '' }, ...rules().slice(1)] }, 'rules[0].escalationPolicyId'],
    ['no rules', { name: 'X' }, 'rules'],
    ['an empty name', { name: '', rules: rules() }, 'name'],
    ['a name of 256 characters', { name: 'n'.repeat(256), rules: rules() }, 'name'],
    ['isDefault', { name: 'X', rules: rules(), isDefault: true }, 'isDefault'],
  ];

  test.each(badBodies)('%s: the SDK refuses it naming the field, and the mock answers 422', async (_, body, field) => {
    const error = await t.scaling.routingPolicies.create(body as RoutingPolicyCreateParams).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingValidationError);
    expect((error as ScalingValidationError).issues.map((issue) => issue.path)).toContain(field);
    const fallback = await defaultPolicy();
    await expectError(await raw(t.mock, '/routing/policies', { method: 'POST', json: body }), 422, 'validation_error');
    await expectError(await raw(t.mock, `/routing/policies/${fallback.id}`, { method: 'PUT', json: body }), 422, 'validation_error');
    expect(await t.scaling.routingPolicies.list()).toHaveLength(1);
  });

  test('delete: 204-like success, then 404; the default is 409 default_routing_policy; another org’s id is 404', async () => {
    const created = await t.scaling.routingPolicies.create({ name: 'Temp', rules: rules() });
    await t.scaling.routingPolicies.delete(created.id);
    await expect(t.scaling.routingPolicies.get(created.id)).rejects.toBeInstanceOf(ScalingNotFoundError);
    await expect(t.scaling.routingPolicies.delete(created.id)).rejects.toBeInstanceOf(ScalingNotFoundError);
    const fallback = await defaultPolicy();
    await expectError(await raw(t.mock, `/routing/policies/${fallback.id}`, { method: 'DELETE' }), 409, 'default_routing_policy');
    expect(await t.scaling.routingPolicies.get(fallback.id)).toMatchObject({ isDefault: true });
    const other = t.mock.createOrg();
    const theirs = await t.client({ apiKey: other.apiKey }).routingPolicies.create({ name: 'Theirs', rules: rules() });
    await expect(t.scaling.routingPolicies.delete(theirs.id)).rejects.toBeInstanceOf(ScalingNotFoundError);
    await expect(t.scaling.routingPolicies.replace(theirs.id, { name: 'Mine', rules: rules() })).rejects.toBeInstanceOf(ScalingNotFoundError);
    expect(await t.client({ apiKey: other.apiKey }).routingPolicies.get(theirs.id)).toEqual(theirs);
  });

  test('an escalation policy a routing rule names cannot be deleted (409 escalation_policy_in_use) until the rule lets go', async () => {
    const escalation = await t.scaling.policies.create({ name: 'Platform' });
    const routing = await t.scaling.routingPolicies.create({ name: 'Paging', rules: rules(escalation.id) });
    const error = await t.scaling.policies.delete(escalation.id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingConflictError);
    expect(error).toMatchObject({ code: 'escalation_policy_in_use', message: expect.stringContaining(routing.id) });
    expect(await t.scaling.policies.get(escalation.id)).toMatchObject({ id: escalation.id });
    await t.scaling.routingPolicies.replace(routing.id, { name: 'Paging', rules: rules() });
    await t.scaling.policies.delete(escalation.id);
    await expect(t.scaling.policies.get(escalation.id)).rejects.toBeInstanceOf(ScalingNotFoundError);
  });
});

import { describe, expect, test } from 'vitest';
import { MAX_BODY_BYTES } from '../mocks/index.js';
import { badLayers } from './fixtures/bad-inputs.js';
import { expectError, raw, scheduleTarget, useMock } from './helpers.js';

const t = useMock();

/** A policy with one layer, and a JSON snapshot of it to prove refusals change nothing. */
const fixture = async () => {
  const policy = await t.scaling.policies.create({ name: 'Fixture' });
  const schedule = t.mock.createSchedule();
  const layer = await t.scaling.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 5, target: scheduleTarget(schedule.id) });
  const snapshot = async () => JSON.stringify(await t.scaling.policies.get(policy.id));
  return { policy, layer, before: await snapshot(), snapshot };
};


describe('the mock refuses what the SDK would not send', () => {
  test.each(badLayers)('layer create: %s', async (_, body, field, code) => {
    const { policy, before, snapshot } = await fixture();
    const response = await raw(t.mock, `/escalation/policies/${policy.id}/layers`, { method: 'POST', json: body });
    const error = await expectError(response, code === 'validation_error' ? 422 : 400, code);
    expect(error.message).toContain(field);
    expect(await snapshot()).toBe(before);
  });

  test('layer update: a malformed target is 400 invalid_target, a bad timeout 422, position is not a field', async () => {
    const { policy, layer, before, snapshot } = await fixture();
    const path = `/escalation/policies/${policy.id}/layers/${layer.id}`;
    await expectError(await raw(t.mock, path, { method: 'PATCH', json: { target: { type: 'users', userIds: [] } } }), 400, 'invalid_target');
    await expectError(await raw(t.mock, path, { method: 'PATCH', json: { ackTimeoutMinutes: 10081 } }), 422, 'validation_error');
    const moved = await expectError(await raw(t.mock, path, { method: 'PATCH', json: { position: 2 } }), 422, 'validation_error');
    expect(moved.message).toContain('position');
    await expectError(await raw(t.mock, path, { method: 'PATCH', json: {} }), 422, 'validation_error');
    expect(await snapshot()).toBe(before);
  });

  test('reorder: repeats are 400 invalid_reorder; an empty list or 51 ids is 422', async () => {
    const { policy, layer, before, snapshot } = await fixture();
    const path = `/escalation/policies/${policy.id}/layers/order`;
    await expectError(await raw(t.mock, path, { method: 'PUT', json: { layerIds: [layer.id, layer.id] } }), 400, 'invalid_reorder');
    await expectError(await raw(t.mock, path, { method: 'PUT', json: { layerIds: [] } }), 422, 'validation_error');
    const many = Array.from({ length: 51 }, (_, i) => `layer_${i}`);
    await expectError(await raw(t.mock, path, { method: 'PUT', json: { layerIds: many } }), 422, 'validation_error');
    await expectError(await raw(t.mock, path, { method: 'PUT', json: { layerIds: 'all' } }), 422, 'validation_error');
    expect(await snapshot()).toBe(before);
  });

  test('policies: name 1..255, no unknown fields, description a string or null', async () => {
    for (const json of [{ name: '' }, { name: 'x'.repeat(256) }, {}, { name: 'ok', layers: [] }, { name: 'ok', description: 5 }]) {
      await expectError(await raw(t.mock, '/escalation/policies', { method: 'POST', json }), 422, 'validation_error');
    }
    expect(await t.scaling.policies.list()).toEqual([]);
  });
});

describe('bodies that are not JSON objects', () => {
  test('malformed JSON is 400 invalid_json; an empty body 422', async () => {
    const { policy, before, snapshot } = await fixture();
    const path = `/escalation/policies/${policy.id}/layers`;
    const headers = { 'content-type': 'application/json' };
    await expectError(await raw(t.mock, path, { method: 'POST', headers, body: '{"position": 1,' }), 400, 'invalid_json');
    await expectError(await raw(t.mock, path, { method: 'POST', headers, body: '' }), 422, 'validation_error');
    await expectError(await raw(t.mock, path, { method: 'POST', headers, body: 'null' }), 422, 'validation_error');
    await expectError(await raw(t.mock, path, { method: 'POST', headers, body: '[1]' }), 422, 'validation_error');
    expect(await snapshot()).toBe(before);
  });

  test('a body that is not declared JSON is 415; one over 1 MiB is 413', async () => {
    await expectError(
      await raw(t.mock, '/escalation/policies', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"name":"x"}' }),
      415,
      'unsupported_media_type',
    );
    const huge = JSON.stringify({ name: 'x', description: 'd'.repeat(MAX_BODY_BYTES) });
    await expectError(
      await raw(t.mock, '/escalation/policies', { method: 'POST', headers: { 'content-type': 'application/json' }, body: huge }),
      413,
      'payload_too_large',
    );
    expect(await t.scaling.policies.list()).toEqual([]);
  });

  test('__proto__ and constructor keys are unknown fields, and pollute nothing', async () => {
    const body = '{"name":"ok","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}';
    await expectError(await raw(t.mock, '/escalation/policies', { method: 'POST', headers: { 'content-type': 'application/json' }, body }), 422, 'validation_error');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('routes', () => {
  test('an unknown path under the base URL is 404 route_not_found; a known path with another method 405', async () => {
    await expectError(await raw(t.mock, '/escalation/nothing'), 404, 'route_not_found');
    const response = await raw(t.mock, '/escalation/policies', { method: 'DELETE' });
    expect(response.headers.get('allow')).toBe('GET, POST');
    await expectError(response, 405, 'method_not_allowed');
  });
});

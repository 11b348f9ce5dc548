import { describe, expect, test } from 'vitest';
import { Scaling, ScalingValidationError, type LayerCreateParams } from '../src/index.js';
import { badLayers } from './fixtures/bad-inputs.js';
import { countingFetch, useMock } from './helpers.js';

const t = useMock();

describe('input is checked before anything is sent', () => {
  test.each(badLayers)('layers.create refuses %s', async (_, params, field) => {
    const spy = countingFetch();
    const scaling = t.client({ fetch: spy.fetch });
    const error = await scaling.policies.layers.create('pol_1', params as LayerCreateParams).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingValidationError);
    expect((error as ScalingValidationError).field).toBe(field);
    if (field) expect((error as Error).message).toContain(field);
    expect(spy.calls).toHaveLength(0);
  });

  test('layers.update: position is not an updatable field, and an empty update says what it needs', async () => {
    const spy = countingFetch();
    const scaling = t.client({ fetch: spy.fetch });
    const moved = await scaling.policies.layers.update('pol_1', 'layer_1', { position: 2 } as never).catch((caught: unknown) => caught);
    expect(moved).toBeInstanceOf(ScalingValidationError);
    expect((moved as Error).message).toMatch(/position/);
    const empty = await scaling.policies.layers.update('pol_1', 'layer_1', {}).catch((caught: unknown) => caught);
    expect((empty as Error).message).toMatch(/ackTimeoutMinutes, target/);
    expect(spy.calls).toHaveLength(0);
  });

  test('layers.reorder needs 1 to 50 distinct ids', async () => {
    const spy = countingFetch();
    const scaling = t.client({ fetch: spy.fetch });
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `layer_${i}`);
    for (const layerIds of [[], ids(51), ['layer_a', 'layer_a'], ['layer_a', '']]) {
      const error = await scaling.policies.layers.reorder('pol_1', { layerIds }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ScalingValidationError);
      expect((error as ScalingValidationError).field).toMatch(/^layerIds/);
    }
    expect(spy.calls).toHaveLength(0);
  });

  test('path ids must be non-empty and cannot be . or ..', async () => {
    const spy = countingFetch();
    const scaling = t.client({ fetch: spy.fetch });
    for (const id of ['', '.', '..']) {
      await expect(scaling.policies.get(id)).rejects.toMatchObject({ name: 'ScalingValidationError', field: 'policyId' });
      await expect(scaling.policies.layers.delete('pol_1', id)).rejects.toMatchObject({ field: 'layerId' });
    }
    expect(spy.calls).toHaveLength(0);
  });

  test('ids are opaque: UUIDs and prefixed ids both pass, and path ids are percent-encoded', async () => {
    const spy = countingFetch();
    const scaling = t.client({ fetch: spy.fetch });
    for (const id of ['d4e5f6a7-b8c9-0123-defa-234567890123', 'pol_01jqm5x3k8vz9e2f4g7h', 'a/b?c#d e%']) {
      await expect(scaling.policies.get(id)).rejects.toMatchObject({ status: 404 });
    }
    expect(spy.calls.map((request) => new URL(request.url).pathname)).toEqual([
      '/v1/escalation/policies/d4e5f6a7-b8c9-0123-defa-234567890123',
      '/v1/escalation/policies/pol_01jqm5x3k8vz9e2f4g7h',
      '/v1/escalation/policies/a%2Fb%3Fc%23d%20e%25',
    ]);
  });

  test('a rule over several fields names the first of them in `field`, and no request is sent', async () => {
    const spy = countingFetch();
    const scaling = t.client({ fetch: spy.fetch });
    const refused: Array<[string, Promise<unknown>]> = [
      ['name', scaling.policies.update('pol_1', {})],
      ['ackTimeoutMinutes', scaling.policies.layers.update('pol_1', 'layer_1', {})],
      ['ownerId', scaling.incidents.create({ title: 'Nobody owns it', severity: 'low' })],
      ['body', scaling.incidents.updates.create('inc_1', { visibility: 'internal' })],
      ['name', scaling.schedules.update('sch_1', {})],
      ['name', scaling.schedules.layers.update('sch_1', 'layer_1', {})],
      ['name', scaling.workingHours.update('wh_1', {})],
      ['name', scaling.components.update('cmp_1', {})],
    ];
    for (const [field, call] of refused) {
      const error = await call.catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ScalingValidationError);
      expect((error as ScalingValidationError).field).toBe(field);
      expect((error as Error).message).toMatch(new RegExp(`^Invalid request: ${field}: must contain at least one of ${field}, `));
    }
    expect(spy.calls).toHaveLength(0);
  });

  test('request options are checked too', async () => {
    await expect(t.scaling.policies.list({ timeoutMs: -1 })).rejects.toMatchObject({ field: 'options.timeoutMs' });
    await expect(t.scaling.policies.list({ maxRetries: 1.5 })).rejects.toMatchObject({ field: 'options.maxRetries' });
    expect(() => new Scaling({ apiKey: 'k', baseUrl: 'not a url' })).toThrow(/options.baseUrl/);
    expect(() => new Scaling({ apiKey: 'k', baseUrl: 'ftp://example.com' })).toThrow(ScalingValidationError);
  });
});

describe('what the client sends', () => {
  test('JSON with the bearer key, and only the validated fields', async () => {
    const spy = countingFetch();
    const scaling = t.client({ fetch: spy.fetch, headers: { 'x-team': 'payments' } });
    const policy = await scaling.policies.create({ name: 'Sent' }, { headers: { 'x-trace': 'abc' } });
    const [request] = spy.calls;
    expect(request!.method).toBe('POST');
    expect(request!.url).toBe(`${t.mock.baseUrl}/escalation/policies`);
    expect(request!.headers.get('authorization')).toBe(`Bearer ${t.mock.apiKey}`);
    expect(request!.headers.get('content-type')).toMatch(/^application\/json/);
    expect(request!.headers.get('x-team')).toBe('payments');
    expect(request!.headers.get('x-trace')).toBe('abc');
    expect(await request!.json()).toEqual({ name: 'Sent' });
    expect(policy.name).toBe('Sent');
  });

  test('a per-call Authorization header cannot replace the client’s key', async () => {
    const spy = countingFetch();
    const scaling = t.client({ fetch: spy.fetch });
    await scaling.policies.list({ headers: { authorization: 'Bearer someone-else' } });
    expect(spy.calls[0]!.headers.get('authorization')).toBe(`Bearer ${t.mock.apiKey}`);
  });
});

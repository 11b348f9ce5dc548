import { inspect } from 'node:util';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import {
  ScalingAbortError,
  ScalingAPIError,
  ScalingAuthenticationError,
  ScalingConnectionError,
  ScalingError,
  ScalingNotFoundError,
  ScalingRateLimitError,
  ScalingResponseValidationError,
  ScalingServerError,
  ScalingTimeoutError,
} from '../src/index.js';
import { scheduleTarget, useMock } from './helpers.js';

const t = useMock();

/** Answers `responses` in turn (the last one forever) and counts the attempts. */
const sequence = (method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, ...responses: Array<() => Response>) => {
  const seen = { attempts: 0 };
  t.server.use(
    http[method](`${t.mock.baseUrl}${path}`, () => {
      const respond = responses[Math.min(seen.attempts, responses.length - 1)]!;
      seen.attempts++;
      return respond();
    }),
  );
  return seen;
};

const apiError = (status: number, code: string, headers: Record<string, string> = {}) => () =>
  HttpResponse.json({ statusCode: status, type: 'internal_error', code, message: `failed with ${status}`, requestId: 'req-1' }, { status, headers });

const layerBody = { position: 1, ackTimeoutMinutes: 5, target: scheduleTarget('sched_1') };

describe('error classes', () => {
  test('one class per failure, all under ScalingAPIError and ScalingError', async () => {
    const error = await t.scaling.policies.get('pol_missing').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingNotFoundError);
    expect(error).toBeInstanceOf(ScalingAPIError);
    expect(error).toBeInstanceOf(ScalingError);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ScalingServerError);
    expect(error).toMatchObject({
      name: 'ScalingNotFoundError',
      status: 404,
      code: 'not_found',
      type: 'invalid_request_error',
      method: 'GET',
      path: '/escalation/policies/pol_missing',
      attempts: 1,
      body: { statusCode: 404, code: 'not_found' },
    });
  });

  test('the docs’ error body without message, a nested error object and an HTML page all map by status', async () => {
    sequence('get', '/escalation/policies', () =>
      HttpResponse.json({ statusCode: 401, type: 'not_authorized_error', code: 'invalid_api_key', requestId: 'r-1' }, { status: 401 }),
    );
    await expect(t.scaling.policies.list()).rejects.toMatchObject({
      name: 'ScalingAuthenticationError',
      code: 'invalid_api_key',
      requestId: 'r-1',
      message: expect.stringContaining('401 invalid_api_key'),
    });

    t.server.resetHandlers(...t.mock.handlers);
    sequence('get', '/escalation/policies', () =>
      HttpResponse.json({ error: { code: 'name_conflict', message: 'taken' } }, { status: 409, headers: { 'x-request-id': 'r-2' } }),
    );
    await expect(t.scaling.policies.list()).rejects.toMatchObject({ name: 'ScalingConflictError', code: 'name_conflict', requestId: 'r-2' });

    t.server.resetHandlers(...t.mock.handlers);
    const page = '<html><body><h1>502 Bad Gateway</h1></body></html>';
    sequence('get', '/escalation/policies', () => new HttpResponse(page, { status: 502, headers: { 'content-type': 'text/html' } }));
    const error = await t.scaling.policies.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingServerError);
    expect(error).toMatchObject({ status: 502, code: undefined, body: page });
  });
});

describe('retries', () => {
  test('a GET is retried on 5xx up to maxRetries, then fails with the attempts counted', async () => {
    const seen = sequence('get', '/escalation/policies', apiError(500, 'server_error'));
    const error = await t.client({ maxRetries: 2 }).policies.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingServerError);
    expect(error).toMatchObject({ status: 500, attempts: 3 });
    expect(seen.attempts).toBe(3);
  });

  test('a GET that fails once then succeeds resolves', async () => {
    const seen = sequence('get', '/escalation/policies', apiError(503, 'server_error', { 'retry-after': '0' }), () =>
      HttpResponse.json({ data: [] }),
    );
    await expect(t.client({ maxRetries: 2 }).policies.list()).resolves.toEqual([]);
    expect(seen.attempts).toBe(2);
  });

  test('a creating POST is not retried on 5xx: the first attempt may have created the layer', async () => {
    const seen = sequence('post', '/escalation/policies/pol_1/layers', apiError(502, 'server_error'));
    await expect(t.client({ maxRetries: 2 }).policies.layers.create('pol_1', layerBody)).rejects.toMatchObject({ status: 502, attempts: 1 });
    expect(seen.attempts).toBe(1);
  });

  test('a creating POST is retried on 429, which the API refuses before acting', async () => {
    const seen = sequence('post', '/escalation/policies', apiError(429, 'rate_limited', { 'retry-after': '0' }), () =>
      HttpResponse.json({ data: { id: 'pol_1', orgId: 'org_1', name: 'P', description: null, createdBy: 'u', createdAt: 'x', updatedAt: 'x' } }, { status: 201 }),
    );
    await expect(t.client({ maxRetries: 2 }).policies.create({ name: 'P' })).resolves.toMatchObject({ id: 'pol_1' });
    expect(seen.attempts).toBe(2);
  });

  test('Retry-After is honoured, and a 429 that persists is a ScalingRateLimitError with the hint', async () => {
    const seen = sequence('get', '/escalation/policies', apiError(429, 'rate_limited', { 'retry-after': '1' }));
    const started = performance.now();
    const error = await t.client({ maxRetries: 1 }).policies.list().catch((caught: unknown) => caught);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(error).toBeInstanceOf(ScalingRateLimitError);
    expect(error).toMatchObject({ attempts: 2, retryAfterMs: 1000 });
    expect(seen.attempts).toBe(2);
  });

  test('PUT, PATCH and DELETE are retried: setting the same state twice is harmless', async () => {
    for (const [method, call] of [
      ['put', (s: typeof t.scaling) => s.policies.layers.reorder('pol_1', { layerIds: ['layer_1'] })],
      ['patch', (s: typeof t.scaling) => s.policies.layers.update('pol_1', 'layer_1', { ackTimeoutMinutes: 9 })],
      ['delete', (s: typeof t.scaling) => s.policies.layers.delete('pol_1', 'layer_1')],
    ] as const) {
      t.server.resetHandlers(...t.mock.handlers);
      const path = method === 'put' ? '/escalation/policies/pol_1/layers/order' : '/escalation/policies/pol_1/layers/layer_1';
      const seen = sequence(method, path, apiError(503, 'server_error', { 'retry-after': '0' }));
      await expect(call(t.client({ maxRetries: 1 }))).rejects.toThrow(ScalingServerError);
      expect(seen.attempts).toBe(2);
    }
  });

  test('a DELETE whose answer was lost and whose retry finds nothing resolves: the layer is gone', async () => {
    const seen = sequence('delete', '/escalation/policies/pol_1/layers/layer_1', apiError(502, 'server_error'), apiError(404, 'not_found'));
    await expect(t.client({ maxRetries: 2 }).policies.layers.delete('pol_1', 'layer_1')).resolves.toBeUndefined();
    expect(seen.attempts).toBe(2);
  });

  test('4xx other than 408/429 is never retried', async () => {
    for (const status of [400, 401, 404, 409, 422]) {
      t.server.resetHandlers(...t.mock.handlers);
      const seen = sequence('get', '/escalation/policies', apiError(status, 'x'));
      await expect(t.client({ maxRetries: 2 }).policies.list()).rejects.toMatchObject({ status, attempts: 1 });
      expect(seen.attempts).toBe(1);
    }
  });

  test('per-call maxRetries overrides the client’s', async () => {
    const seen = sequence('get', '/escalation/policies', apiError(500, 'server_error'));
    await expect(t.client({ maxRetries: 2 }).policies.list({ maxRetries: 0 })).rejects.toMatchObject({ attempts: 1 });
    expect(seen.attempts).toBe(1);
  });
});

describe('connections, timeouts and aborts', () => {
  test('a network failure is a ScalingConnectionError after the GET’s retries; a POST is not retried', async () => {
    const seen = sequence('get', '/escalation/policies', () => HttpResponse.error());
    const error = await t.client({ maxRetries: 1 }).policies.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingConnectionError);
    expect(error).toMatchObject({ attempts: 2 });
    expect(seen.attempts).toBe(2);

    const posted = sequence('post', '/escalation/policies', () => HttpResponse.error());
    await expect(t.client({ maxRetries: 2 }).policies.create({ name: 'P' })).rejects.toMatchObject({ name: 'ScalingConnectionError', attempts: 1 });
    expect(posted.attempts).toBe(1);
  });

  test('no answer within timeoutMs is a ScalingTimeoutError, per attempt', async () => {
    const seen = sequence('get', '/escalation/policies', () => {
      throw new Error('unreachable');
    });
    t.server.use(
      http.get(`${t.mock.baseUrl}/escalation/policies`, async () => {
        seen.attempts++;
        await delay('infinite');
        return HttpResponse.json({ data: [] });
      }),
    );
    const error = await t.client({ maxRetries: 1, timeoutMs: 50 }).policies.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingTimeoutError);
    expect(error).toBeInstanceOf(ScalingConnectionError);
    expect(error).toMatchObject({ attempts: 2 });
    expect(seen.attempts).toBe(2);
  });

  test('the caller’s signal aborts, before or during the request', async () => {
    const seen = { attempts: 0 };
    t.server.use(
      http.get(`${t.mock.baseUrl}/escalation/policies`, async () => {
        seen.attempts++;
        await delay('infinite');
        return HttpResponse.json({ data: [] });
      }),
    );
    await expect(t.scaling.policies.list({ signal: AbortSignal.abort() })).rejects.toThrow(ScalingAbortError);
    const controller = new AbortController();
    const pending = t.scaling.policies.list({ signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toBeInstanceOf(ScalingAbortError);
    expect(seen.attempts).toBeLessThanOrEqual(1);
  });
});

describe('responses', () => {
  const layer = {
    id: 'layer_1',
    policyId: 'pol_1',
    orgId: 'org_1',
    position: 1,
    ackTimeoutMinutes: 5,
    target: scheduleTarget('sched_1'),
    createdAt: '2026-04-07T10:00:00.000Z',
    updatedAt: '2026-04-07T10:00:00.000Z',
  };

  test('unknown fields are kept: the API may add them', async () => {
    sequence('get', '/escalation/policies/pol_1/layers', () =>
      HttpResponse.json({ data: [{ ...layer, escalateAfterSeconds: 300, target: { ...layer.target, label: 'primary' } }], meta: 1 }),
    );
    const [got] = await t.scaling.policies.layers.list('pol_1');
    expect(got).toEqual({ ...layer, escalateAfterSeconds: 300, target: { ...layer.target, label: 'primary' } });
  });

  test('a body that breaks the schema is a ScalingResponseValidationError with the issues and the raw body', async () => {
    const broken = { data: [{ ...layer, position: 'first' }] };
    sequence('get', '/escalation/policies/pol_1/layers', () => HttpResponse.json(broken, { headers: { 'x-request-id': 'r-9' } }));
    const error = await t.scaling.policies.layers.list('pol_1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingResponseValidationError);
    expect(error).toMatchObject({
      status: 200,
      requestId: 'r-9',
      body: broken,
      issues: [{ path: 'data[0].position', message: expect.any(String) }],
    });
    expect((error as Error).message).toContain('data[0].position');
  });

  test('an unknown target type fails validation loudly rather than reaching paging code unnoticed', async () => {
    sequence('get', '/escalation/policies/pol_1/layers', () => HttpResponse.json({ data: [{ ...layer, target: { type: 'team', teamId: 't' } }] }));
    await expect(t.scaling.policies.layers.list('pol_1')).rejects.toMatchObject({
      name: 'ScalingResponseValidationError',
      issues: [{ path: 'data[0].target.type' }],
    });
  });

  test('validateResponses: false passes the body through unchecked', async () => {
    sequence('get', '/escalation/policies/pol_1/layers', () => HttpResponse.json({ data: [{ ...layer, target: { type: 'team', teamId: 't' } }] }));
    const [got] = await t.client({ validateResponses: false }).policies.layers.list('pol_1');
    expect(got?.target).toEqual({ type: 'team', teamId: 't' });
  });

  test('a 200 that is not JSON, or cut short, is a ScalingResponseValidationError holding the text', async () => {
    for (const text of ['<html>maintenance</html>', '{"data": [{"id": "lay']) {
      t.server.resetHandlers(...t.mock.handlers);
      sequence('get', '/escalation/policies/pol_1/layers', () => new HttpResponse(text, { headers: { 'content-type': 'application/json' } }));
      await expect(t.scaling.policies.layers.list('pol_1')).rejects.toMatchObject({
        name: 'ScalingResponseValidationError',
        body: text,
        message: expect.stringContaining('not valid JSON'),
      });
    }
  });

  test('a DELETE answered 204 with no body succeeds', async () => {
    sequence('delete', '/escalation/policies/pol_1/layers/layer_1', () => new HttpResponse(null, { status: 204 }));
    await expect(t.scaling.policies.layers.delete('pol_1', 'layer_1')).resolves.toBeUndefined();
  });
});

describe('the API key stays secret', () => {
  test('no error, and not the client itself, shows it in message, toString, JSON or inspect', async () => {
    const scaling = t.client({ maxRetries: 0, timeoutMs: 50 });
    const errors: unknown[] = [];
    const failures: Array<[() => Response | Promise<Response>, () => Promise<unknown>]> = [
      [apiError(500, 'server_error'), () => scaling.policies.list()],
      [() => HttpResponse.error(), () => scaling.policies.list()],
      [async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }, () => scaling.policies.list()],
      [() => HttpResponse.json({ data: 'nope' }), () => scaling.policies.list()],
    ];
    for (const [respond, call] of failures) {
      t.server.resetHandlers(...t.mock.handlers);
      t.server.use(http.get(`${t.mock.baseUrl}/escalation/policies`, respond));
      errors.push(await call().catch((caught: unknown) => caught));
    }
    t.server.resetHandlers(...t.mock.handlers);
    errors.push(await scaling.policies.get('pol_missing').catch((caught: unknown) => caught));
    errors.push(await scaling.policies.list({ signal: AbortSignal.abort() }).catch((caught: unknown) => caught));
    errors.push(await t.client({ apiKey: `${t.mock.apiKey}x` }).policies.list().catch((caught: unknown) => caught));
    expect(errors.map((error) => (error as Error).name)).toEqual([
      'ScalingServerError',
      'ScalingConnectionError',
      'ScalingTimeoutError',
      'ScalingResponseValidationError',
      'ScalingNotFoundError',
      'ScalingAbortError',
      'ScalingAuthenticationError',
    ]);
    for (const shown of [...errors, scaling]) {
      for (const text of [String(shown), JSON.stringify(shown), inspect(shown, { depth: 10, showHidden: true }), (shown as Error).stack ?? '']) {
        expect(text).not.toContain(t.mock.apiKey);
      }
    }
  });
});

test('a bad key is an authentication error, not retried', async () => {
  const error = await t.client({ apiKey: 'scl_live_wrong', maxRetries: 2 }).policies.list().catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ScalingAuthenticationError);
  expect(error).toMatchObject({ attempts: 1 });
});

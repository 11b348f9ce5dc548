import { describe, expect, test } from 'vitest';
import { Scaling, ScalingAuthenticationError, ScalingError } from '../src/index.js';
import { raw, useMock } from './helpers.js';

const t = useMock();

describe('authentication', () => {
  test('an unknown key is 401 invalid_api_key', async () => {
    const error = await t.client({ apiKey: 'scl_live_not_a_key' }).policies.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingAuthenticationError);
    expect(error).toMatchObject({ status: 401, type: 'not_authorized_error', code: 'invalid_api_key' });
  });

  test('a missing header, or one that is not Bearer, is 401 missing_authorization_header', async () => {
    for (const headers of [{ authorization: '' }, { authorization: `Basic ${t.mock.apiKey}` }, { authorization: t.mock.apiKey }]) {
      const response = await raw(t.mock, '/escalation/policies', { headers });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({
        statusCode: 401,
        type: 'not_authorized_error',
        code: 'missing_authorization_header',
      });
    }
  });

  test('the scheme is case-insensitive, as HTTP says: bearer, BEARER and Bearer all authenticate', async () => {
    for (const scheme of ['bearer', 'BEARER', 'Bearer', 'bEaReR']) {
      const response = await raw(t.mock, '/escalation/policies', { headers: { authorization: `${scheme} ${t.mock.apiKey}` } });
      expect(response.status, scheme).toBe(200);
    }
  });

  test('authentication comes before validation: a bad body with a bad key is 401', async () => {
    const response = await raw(t.mock, '/escalation/policies', {
      method: 'POST',
      json: { name: '' },
      headers: { authorization: 'Bearer nope' },
    });
    expect(response.status).toBe(401);
  });

  test('the client needs a key: from options or SCALING_API_KEY', () => {
    const saved = process.env.SCALING_API_KEY;
    try {
      delete process.env.SCALING_API_KEY;
      expect(() => new Scaling()).toThrow(ScalingError);
      expect(() => new Scaling()).toThrow(/SCALING_API_KEY/);
      process.env.SCALING_API_KEY = t.mock.apiKey;
      expect(() => new Scaling()).not.toThrow();
    } finally {
      if (saved === undefined) delete process.env.SCALING_API_KEY;
      else process.env.SCALING_API_KEY = saved;
    }
  });

  test('the key from SCALING_API_KEY is the one sent', async () => {
    const saved = process.env.SCALING_API_KEY;
    try {
      process.env.SCALING_API_KEY = t.mock.apiKey;
      await expect(new Scaling({ baseUrl: t.mock.baseUrl }).policies.list()).resolves.toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.SCALING_API_KEY;
      else process.env.SCALING_API_KEY = saved;
    }
  });
});

describe('request ids', () => {
  test('every response carries x-request-id, and an error body repeats it', async () => {
    const ok = await raw(t.mock, '/escalation/policies');
    expect(ok.headers.get('x-request-id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    const missing = await raw(t.mock, '/escalation/policies/pol_missing');
    const body = await missing.json();
    expect(body).toEqual({
      statusCode: 404,
      type: 'invalid_request_error',
      code: 'not_found',
      message: expect.any(String),
      requestId: missing.headers.get('x-request-id'),
    });
  });

  test('the SDK’s errors carry the request id', async () => {
    const error = await t.scaling.policies.get('pol_missing').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(String(error)).toContain((error as { requestId: string }).requestId);
  });
});

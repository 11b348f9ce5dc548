import { expect, test } from 'vitest';
import { ErrorBody } from '../../src/schemas/index.js';
import { api, control, useMockServer } from './support.js';

const ctx = useMockServer({ now: '2026-04-07T10:00:00.000Z' });

test.each([
  ['ms: 1e300', { ms: 1e300 }],
  ['to past the range', { to: '9999-06-01T00:00:00Z' }],
])('POST /__mock/clock/advance with %s is 400 naming the range; the clock and the API are unharmed', async (_what, body) => {
  const { server } = ctx;
  const response = await control(server, 'POST', '/clock/advance', body);
  expect(response.status).toBe(400);
  expect(ErrorBody.parse(response.body).code).toBe('invalid_request_error');
  expect(response.body.message).toContain('range');
  expect(await control(server, 'GET', '/clock')).toEqual({ status: 200, body: { now: '2026-04-07T10:00:00.000Z' } });
  const created = await api(server, '/escalation/policies', { method: 'POST', json: { name: `after ${JSON.stringify(body)}` } });
  expect(created.status).toBe(201);
});

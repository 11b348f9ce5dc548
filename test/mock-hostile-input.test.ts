import { expect, test } from 'vitest';
import { ErrorBody } from '../src/schemas/index.js';
import { raw, useMock } from './helpers.js';

const t = useMock();

test('a body whose 200,000 bad items would overflow the validator is the API’s 400 naming the field, not a 500', async () => {
  const policy = await t.scaling.policies.create({ name: 'P' });
  const userIds = Array.from({ length: 200_000 }, (_, index) => index % 10);
  const response = await raw(t.mock, `/escalation/policies/${policy.id}/layers`, { method: 'POST', json: { position: 1, ackTimeoutMinutes: 5, target: { type: 'users', userIds } } });
  expect(response.status).toBe(400);
  const body = ErrorBody.parse(await response.json());
  expect(body).toMatchObject({ statusCode: 400, code: 'invalid_target' });
  expect(body.message).toBe('target.userIds: has 200000 items, too many to check');
  expect(await t.scaling.policies.layers.list(policy.id)).toEqual([]);
});

test('a body of 10,000 bad items answers with the first ten problems and a count, not a megabyte of message', async () => {
  const policy = await t.scaling.policies.create({ name: 'P' });
  const userIds = Array.from({ length: 10_000 }, (_, index) => index);
  const response = await raw(t.mock, `/escalation/policies/${policy.id}/layers`, { method: 'POST', json: { position: 1, ackTimeoutMinutes: 5, target: { type: 'users', userIds } } });
  expect(response.status).toBe(400);
  const { message } = ErrorBody.parse(await response.json());
  expect(message).toMatch(/^target\.userIds\[0\]: expected string, received number; .*; and \d+ more$/);
  expect(message!.length).toBeLessThan(1_000);
});

/**
 * In the `slow` project: 10,005 requests through `mock.fetch` take seconds on a busy machine.
 */
import { expect, test } from 'vitest';
import { createScalingMock } from '../../mocks/index.js';

test('the request log keeps the most recent 10,000 requests, oldest first', async () => {
  const mock = createScalingMock();
  // Without a key: the first route refuses at once, the cheapest request the mock answers.
  for (let index = 0; index < 10_005; index++) await mock.fetch(`${mock.baseUrl}/escalation/policies?n=${index}`);
  const requests = mock.requests();
  expect(requests).toHaveLength(10_000);
  expect(requests[0]!.url).toBe(`${mock.baseUrl}/escalation/policies?n=5`);
  expect(requests.at(-1)!.url).toBe(`${mock.baseUrl}/escalation/policies?n=10004`);
  expect(requests.every((request, index) => request.url.endsWith(`?n=${index + 5}`) && request.status === 401)).toBe(true);
});

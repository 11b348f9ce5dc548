/** `mock.faults.add(rule)` refuses a rule that could not do what it says, naming the field to change. */
import { expect, test } from 'vitest';
import { createScalingMock, type MockFaultRule } from '../mocks/index.js';

const refusal = (rule: unknown) => {
  try {
    createScalingMock().faults.add(rule as MockFaultRule);
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    return (error as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(rule)}`);
};

test.each([
  [{}, 'mock.faults.add: a fault rule needs status, network, afterWrite or delayMs: as it is, nothing would happen'],
  [{ path: '/incidents' }, 'mock.faults.add: a fault rule needs status, network, afterWrite or delayMs: as it is, nothing would happen'],
  [{ status: 200 }, 'mock.faults.add: status: must be an error status from 400 to 599'],
  [{ status: 404 }, 'mock.faults.add: code: is required for status 404 (it defaults only for 429 and 5xx)'],
  [{ status: 500, network: 'reset' }, 'mock.faults.add: network: cannot go with status: the request gets an error answer or no answer'],
  [{ network: 'slow' }, 'mock.faults.add: network: must be reset or timeout'],
  [{ network: 'reset', code: 'x' }, 'mock.faults.add: code: needs status: it is part of an error answer'],
  [{ status: 500, retryAfter: 1 }, 'mock.faults.add: retryAfter: goes with status 429 or 503 only'],
  [{ status: 503, retryAfter: 1.5 }, 'mock.faults.add: retryAfter: expected int, received number'],
  [{ status: 500, code: 'Server Error' }, 'mock.faults.add: code: must be a snake_case error code, such as server_error'],
  [{ status: 500, times: 0 }, 'mock.faults.add: times: must be a positive integer'],
  [{ delayMs: -1 }, 'mock.faults.add: delayMs: must be milliseconds >= 0'],
  [{ method: 'FETCH', status: 500 }, 'mock.faults.add: method: must be one of GET, POST, PUT, PATCH, DELETE'],
  [{ path: 'incidents', status: 500 }, 'mock.faults.add: path: must start with / (a path below the base URL, such as /incidents/{incidentId})'],
  [{ path: '/incidents/{id}', status: 500 }, 'mock.faults.add: path: has {…} but is no path of the API; write it as the endpoint table does, e.g. /incidents/{incidentId}'],
  [{ path: 42, status: 500 }, 'mock.faults.add: path: must be a path string or a RegExp'],
  [{ status: 500, after: true }, 'mock.faults.add: after: is not a known field'],
])('%j is refused', (rule, message) => {
  expect(refusal(rule)).toBe(message);
});

test('what is accepted: every outcome, alone or with a delay; afterWrite alone is a lost 500', () => {
  const mock = createScalingMock();
  const rules: MockFaultRule[] = [
    { status: 429 },
    { status: 503, retryAfter: 0, code: 'maintenance', message: 'Back soon.' },
    { status: 404, code: 'not_found', method: 'get', path: '/incidents/{incidentId}', times: 1 },
    { network: 'reset', path: /^\/incidents/ },
    { network: 'timeout', delayMs: 10 },
    { afterWrite: true },
    { afterWrite: true, network: 'reset' },
    { afterWrite: true, status: 502, code: 'bad_gateway' },
    { delayMs: 0 },
  ];
  for (const rule of rules) expect(() => mock.faults.add(rule)).not.toThrow();
});

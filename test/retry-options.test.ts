/**
 * `retry: { baseDelayMs, maxDelayMs }`, on the client and per call, against the mock's faults through
 * `mock.fetch`. The waits are real (ky's own backoff), so this file is in the integration project.
 * Bounds are chosen so that jitter cannot fail a test by chance: each upper bound holds for any
 * random wait the settings allow, and the one lower bound comes from a base so large that the cap
 * always cuts it. The waits the settings replace (the defaults: 0–500 ms, then 0–1,000 ms, then
 * 0–2,000 ms) would pass the upper bounds only rarely (three retries under 300 ms: about 0.3 %).
 */
import { describe, expect, test } from 'vitest';
import { createScalingMock, type ScalingMock } from '../mocks/index.js';
import { Scaling, ScalingServerError, ScalingValidationError, type ClientOptions } from '../src/index.js';

const fresh = () => createScalingMock({ now: '2026-04-07T10:00:00.000Z' });
const client = (mock: ScalingMock, options: ClientOptions = {}) => new Scaling({ apiKey: mock.apiKey, fetch: mock.fetch, ...options });
const statuses = (mock: ScalingMock) => mock.requests().map((request) => `${request.method} ${request.path} ${request.status}`);

/** Runs `call` and measures it, in milliseconds of wall time. */
const timed = async <T>(call: () => Promise<T>): Promise<{ value: T; ms: number }> => {
  const started = performance.now();
  const value = await call();
  return { value, ms: performance.now() - started };
};

describe('retry delays', () => {
  test('recipe: retry: { baseDelayMs: 0 } retries a 500 at once; it succeeds on the second attempt', async () => {
    const mock = fresh();
    const scaling = client(mock, { retry: { baseDelayMs: 0 } });
    await scaling.policies.create({ name: 'Checkout' });
    mock.faults.add({ path: '/escalation/policies', method: 'GET', status: 500, times: 1 });

    const { value: policies, ms } = await timed(() => scaling.policies.list());
    expect(policies.map((policy) => policy.name)).toEqual(['Checkout']);
    expect(statuses(mock)).toEqual(['POST /escalation/policies 201', 'GET /escalation/policies 500', 'GET /escalation/policies 200']);
    expect(ms).toBeLessThan(300);
  });

  test('with baseDelayMs: 0, three 500s and maxRetries: 3 take no backoff at all (the defaults would wait up to 3.5 s)', async () => {
    const mock = fresh();
    mock.faults.add({ path: '/escalation/policies', method: 'GET', status: 500, times: 3 });
    const { value, ms } = await timed(() => client(mock, { maxRetries: 3, retry: { baseDelayMs: 0 } }).policies.list());
    expect(value).toEqual([]);
    expect(mock.requests({ path: '/escalation/policies' }).map((request) => request.status)).toEqual([500, 500, 500, 200]);
    expect(ms).toBeLessThan(300);
  });

  test('maxDelayMs caps every wait: six retries capped at 50 ms take well under a second (uncapped, up to 3.15 s)', async () => {
    const mock = fresh();
    mock.faults.add({ path: '/escalation/policies', method: 'GET', status: 500, times: 6 });
    const { ms } = await timed(() => client(mock, { maxRetries: 6, retry: { baseDelayMs: 50, maxDelayMs: 50 } }).policies.list());
    expect(mock.requests({ path: '/escalation/policies' })).toHaveLength(7);
    expect(ms).toBeLessThan(1_000);
  });

  test('per call: a field given overrides the client’s, a field left out keeps it', async () => {
    const mock = fresh();
    // The client's waits: a base of 1e9 ms, capped at the same. Any retry under them would outlast the test.
    const scaling = client(mock, { maxRetries: 3, retry: { baseDelayMs: 1e9, maxDelayMs: 1e9 } });

    mock.faults.add({ path: '/escalation/policies', method: 'GET', status: 500, times: 3 });
    const fast = await timed(() => scaling.policies.list({ retry: { baseDelayMs: 0 } }));
    expect(fast.ms).toBeLessThan(1_000);

    // Only the cap given: the client's base stays, so the wait is exactly the cap (the jitter picks
    // a time under 1e9 ms, which the cap then cuts to 300 ms unless it fell under 300 ms: one in 3 million).
    mock.faults.add({ path: '/escalation/policies', method: 'GET', status: 500, times: 1 });
    const capped = await timed(() => scaling.policies.list({ retry: { maxDelayMs: 300 } }));
    expect(capped.ms).toBeGreaterThanOrEqual(290);
    expect(capped.ms).toBeLessThan(3_000);
    expect(mock.requests({ path: '/escalation/policies' }).map((request) => request.status)).toEqual([500, 500, 500, 200, 500, 200]);
  });

  test('Retry-After still sets the wait: neither baseDelayMs: 0 nor maxDelayMs: 0 shortens a Retry-After of 1 s', async () => {
    const mock = fresh();
    mock.faults.add({ path: '/escalation/policies', method: 'GET', status: 503, retryAfter: 1, times: 1 });
    const { ms } = await timed(() => client(mock, { retry: { baseDelayMs: 0, maxDelayMs: 0 } }).policies.list());
    expect(mock.requests({ path: '/escalation/policies' }).map((request) => request.status)).toEqual([503, 200]);
    expect(ms).toBeGreaterThanOrEqual(950);
  });

  test('delays change when to retry, never what: a creating POST on 500 is still not retried, and maxRetries: 0 still means one attempt', async () => {
    const mock = fresh();
    mock.faults.add({ path: '/escalation/policies', method: 'POST', status: 500, times: 1 });
    await expect(client(mock, { retry: { baseDelayMs: 0 } }).policies.create({ name: 'Once' })).rejects.toBeInstanceOf(ScalingServerError);

    mock.faults.add({ path: '/escalation/policies', method: 'GET', status: 500, times: 1 });
    await expect(client(mock, { maxRetries: 0 }).policies.list({ retry: { baseDelayMs: 0 } })).rejects.toMatchObject({ attempts: 1 });
    expect(statuses(mock)).toEqual(['POST /escalation/policies 500', 'GET /escalation/policies 500']);
  });
});

describe('retry options are checked', () => {
  const bad: Array<[string, unknown, string]> = [
    ['a negative base', { baseDelayMs: -1 }, 'retry.baseDelayMs'],
    ['NaN', { baseDelayMs: Number.NaN }, 'retry.baseDelayMs'],
    ['Infinity', { maxDelayMs: Number.POSITIVE_INFINITY }, 'retry.maxDelayMs'],
    ['a string', { maxDelayMs: '500' }, 'retry.maxDelayMs'],
    ['more than setTimeout can wait', { maxDelayMs: 2 ** 31 }, 'retry.maxDelayMs'],
    ['a cap under the base', { baseDelayMs: 1_000, maxDelayMs: 999 }, 'retry.maxDelayMs'],
    ['a misspelt key', { baseDelay: 0 }, 'retry.baseDelay'],
    ['not an object', 0, 'retry'],
  ];

  test.each(bad)('on the client: %s', (_, retry, field) => {
    const mock = fresh();
    const error = (() => {
      try {
        client(mock, { retry: retry as ClientOptions['retry'] });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ScalingValidationError);
    expect((error as ScalingValidationError).field).toBe(`options.${field}`);
    expect((error as Error).message).toContain(`options.${field}`);
  });

  test.each(bad)('per call, before anything is sent: %s', async (_, retry, field) => {
    const mock = fresh();
    const error = await client(mock)
      .policies.list({ retry: retry as ClientOptions['retry'] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingValidationError);
    expect((error as ScalingValidationError).field).toBe(`options.${field}`);
    expect(mock.requests()).toEqual([]);
  });

  test('a cap equal to the base, zeros, and a cap alone under the default base are accepted', async () => {
    const mock = fresh();
    for (const retry of [{ baseDelayMs: 250, maxDelayMs: 250 }, { baseDelayMs: 0, maxDelayMs: 0 }, { maxDelayMs: 100 }, {}]) {
      await expect(client(mock, { retry }).policies.list({ retry })).resolves.toEqual([]);
    }
  });
});

import { expect, test } from 'vitest';
import { createScalingMock } from '../mocks/index.js';
import { Scaling } from '../src/index.js';

/**
 * The clock keeps to 1970..9999: past that, timestamps lose their four-digit year (`+010000-…`)
 * and the API's own schemas refuse them, so every later write would fail. Inputs beyond the range
 * are refused where they come in, and the mock keeps working.
 */

const START = '2026-04-07T10:00:00.000Z';

const workingAfter = async (mock: ReturnType<typeof createScalingMock>) => {
  const scaling = new Scaling({ apiKey: mock.apiKey, baseUrl: mock.baseUrl, fetch: mock.fetch, maxRetries: 0 });
  const policy = await scaling.policies.create({ name: `after ${mock.clock.now().toISOString()}` });
  expect(policy.createdAt).toBe(mock.clock.now().toISOString());
};

test.each([
  ['a huge advance', (mock: ReturnType<typeof createScalingMock>) => mock.clock.advance(1e300)],
  ['an advance just past the end', (mock: ReturnType<typeof createScalingMock>) => mock.clock.advance(Date.parse('9999-01-01T00:00:00Z') - Date.parse(START) + 1)],
  ['set past the end', (mock: ReturnType<typeof createScalingMock>) => mock.clock.set('+010000-01-01T00:00:00Z')],
  ['set to epoch ms past the end', (mock: ReturnType<typeof createScalingMock>) => mock.clock.set(8.64e15)],
])('%s is a RangeError; the clock and the API go on as before', async (_what, move) => {
  const mock = createScalingMock({ now: START });
  await expect(move(mock)).rejects.toThrow(/range/);
  expect(mock.clock.now().toISOString()).toBe(START);
  await workingAfter(mock);
});

test('the end of the range itself is reachable, and the API still answers there', async () => {
  const mock = createScalingMock({ now: START });
  await mock.clock.set('9999-01-01T00:00:00Z');
  expect(mock.clock.now().toISOString()).toBe('9999-01-01T00:00:00.000Z');
  await workingAfter(mock);
  // A schedule's default start is the clock's now: it must pass its own schema there too.
  const user = mock.createUser();
  expect(mock.createSchedule({ layers: [{ participantIds: [user.id] }] }).layers[0]!.effectiveFrom).toBe('9999-01-01T00:00:00.000Z');
});

test.each([
  ['before 1970', '1969-12-31T23:59:59Z'],
  ['after 9999-01-01', '9999-06-01T00:00:00Z'],
  ['epoch ms past Date’s end', 8.64e15 + 1],
])('a start %s is a RangeError naming options.now', (_what, now) => {
  expect(() => createScalingMock({ now })).toThrow(/options\.now must be within the mock clock's range/);
});

test.each([[1e300], [1_000_001], [Number.POSITIVE_INFINITY], [0], [-1]])('realtime speed %s is a RangeError', (speed) => {
  expect(() => createScalingMock({ realtime: { speed } })).toThrow(/speed must be a positive number, at most 1000000/);
});

test('real time at the highest speed stops at the end of the range instead of leaving it', async () => {
  const mock = createScalingMock({ now: '9998-12-31T23:59:00Z', realtime: { speed: 1_000_000 } });
  try {
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(mock.clock.now().toISOString()).toBe('9999-01-01T00:00:00.000Z');
    await workingAfter(mock);
  } finally {
    mock.close();
  }
});

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createScalingMock, type ScalingMock } from '../mocks/index.js';
import '../mocks/vitest.js';
import { Scaling } from '../src/index.js';
import { readSvg } from './timeline-svg.js';

/** The matchers print the shared text timeline, and on request attach the SVG one to the test. */

const MINUTE = 60_000;
const START = '2026-04-07T10:00:00.000Z';

let mock: ScalingMock;
let scaling: Scaling;
let incidentId: string;
let users: { primary: string; secondary: string };

beforeEach(async () => {
  mock = createScalingMock({ now: START });
  scaling = new Scaling({ apiKey: mock.apiKey, baseUrl: mock.baseUrl, fetch: mock.fetch, maxRetries: 0 });
  users = { primary: mock.createUser({ firstName: 'Alice', lastName: 'Primary' }).id, secondary: mock.createUser({ firstName: 'Carol', lastName: 'Secondary' }).id };
  const policy = await scaling.policies.create({ name: 'Platform Default' });
  await scaling.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 5, target: { type: 'users', userIds: [users.primary] } });
  await scaling.policies.layers.create(policy.id, { position: 2, ackTimeoutMinutes: 10, target: { type: 'users', userIds: [users.secondary] } });
  incidentId = (await scaling.incidents.create({ title: 'Checkout down', severity: 'critical', escalationPolicyId: policy.id })).id;
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('failure messages', () => {
  test('end with the incident’s timeline as toText() writes it', async () => {
    await mock.clock.advance(7 * MINUTE);
    expect(() => expect(mock).toHaveExhausted(incidentId)).toThrow(`Timeline:\n${mock.timeline(incidentId).toText()}`);
    expect(() => expect(mock).toHaveExhausted(incidentId)).toThrow(
      [
        `  +5m   2026-04-07T10:05:00.000Z  escalated from position 1 to 2`,
        `  +5m   2026-04-07T10:05:00.000Z  position 2: paged Carol Secondary (${users.secondary})`,
        `  next step: 2026-04-07T10:15:00.000Z (+15m), when position 2 times out`,
      ].join('\n'),
    );
    expect(() => expect(mock).toHavePaged(mock.userId, { incidentId })).toThrow(`Timeline:\nIncident ${incidentId} · Checkout down\n`);
  });

  test('an incident the mock does not know, or none named, gets the pages alone', () => {
    expect(() => expect(mock).toHavePaged(users.primary, { incidentId: 'inc_missing' })).toThrow(/Pages of incident inc_missing: none$/);
    expect(() => expect(mock).toHavePaged(mock.userId)).toThrow(/\n {2}2026-04-07T10:00:00\.000Z {2}inc_\w+ {2}position 1 {2}user_\w+ {2}escalation$/);
  });
});

describe('SCALING_TIMELINE_SVG=1', () => {
  test('a failure attaches the timeline’s SVG to the test', async ({ task }) => {
    vi.stubEnv('SCALING_TIMELINE_SVG', '1');
    await mock.clock.advance(15 * MINUTE);
    expect(() => expect(mock).not.toHaveExhausted(incidentId)).toThrow(/not to have exhausted/);
    await vi.waitFor(() => expect(task.annotations).toHaveLength(1));
    const [annotation] = task.annotations;
    expect(annotation).toMatchObject({ type: 'scaling:timeline', message: `timeline of incident ${incidentId}`, attachment: { contentType: 'image/svg+xml' } });
    const body = annotation!.attachment!.body;
    const svg = readSvg(typeof body === 'string' ? Buffer.from(body, 'base64').toString('utf8') : new TextDecoder().decode(body));
    expect(svg.svg.attributes['data-incident-id']).toBe(incidentId);
    expect(svg.marks.filter((mark) => mark.kind === 'page').map((mark) => mark.position)).toEqual(['1', '2']);
    expect(svg.marks.filter((mark) => mark.kind === 'exhausted').map((mark) => mark.at)).toEqual(['2026-04-07T10:15:00.000Z']);
  });

  test('a passing assertion attaches nothing, and nothing is attached without the variable', async ({ task }) => {
    vi.stubEnv('SCALING_TIMELINE_SVG', '1');
    expect(mock).toHavePaged(users.primary, { incidentId });
    vi.stubEnv('SCALING_TIMELINE_SVG', '');
    expect(() => expect(mock).toHaveExhausted(incidentId)).toThrow(/still active/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(task.annotations).toEqual([]);
  });
});

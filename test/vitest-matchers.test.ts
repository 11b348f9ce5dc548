import { beforeEach, describe, expect, test } from 'vitest';
import { createScalingMock, type ScalingMock } from '../mocks/index.js';
import '../mocks/vitest.js';
import { Scaling } from '../src/index.js';

const MINUTE = 60_000;
const START = '2026-04-07T10:00:00.000Z';

let mock: ScalingMock;
let scaling: Scaling;
/** The guide's policy: primary's schedule for 5 minutes, then secondary directly for 10. */
let world: { primary: string; secondary: string; policyId: string; layerIds: string[] };

beforeEach(async () => {
  mock = createScalingMock({ now: START });
  scaling = new Scaling({ apiKey: mock.apiKey, baseUrl: mock.baseUrl, fetch: mock.fetch, maxRetries: 0 });
  const primary = mock.createUser({ firstName: 'Primary' }).id;
  const secondary = mock.createUser({ firstName: 'Secondary' }).id;
  const schedule = mock.createSchedule({ layers: [{ participantIds: [primary], effectiveFrom: '2026-04-01T00:00:00Z' }] });
  const policy = await scaling.policies.create({ name: 'Platform Default' });
  const first = await scaling.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 5, target: { type: 'schedule', scheduleId: schedule.id } });
  const second = await scaling.policies.layers.create(policy.id, { position: 2, ackTimeoutMinutes: 10, target: { type: 'users', userIds: [secondary] } });
  world = { primary, secondary, policyId: policy.id, layerIds: [first.id, second.id] };
});

const open = (title = 'Checkout down') => scaling.incidents.create({ title, severity: 'critical', escalationPolicyId: world.policyId });

/** `RegExp` for a literal text, so messages can be matched as they print. */
const literal = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

describe('toHavePaged', () => {
  test('passes for a page, narrowed by incident, position and the instant as a Date, an ISO string or epoch ms', async () => {
    const incident = await open();
    await mock.clock.advance(5 * MINUTE);
    expect(mock).toHavePaged(world.primary);
    expect(mock).toHavePaged(world.primary, { incidentId: incident.id, position: 1, at: new Date(START) });
    expect(mock).toHavePaged(world.secondary, { incidentId: incident.id, position: 2, at: '2026-04-07T10:05:00Z' });
    expect(mock).toHavePaged(world.secondary, { at: Date.parse('2026-04-07T12:05:00+02:00') }); // the same instant
    expect(mock).not.toHavePaged(world.secondary, { position: 1 });
    expect(mock).not.toHavePaged(world.secondary, { at: '2026-04-07T10:05:00.001Z' }); // exactly, to the millisecond
    expect(mock).not.toHavePaged(mock.userId);
  });

  test('a failure says what was expected and prints the incident’s timeline', async () => {
    const incident = await open();
    await mock.clock.advance(5 * MINUTE);
    const failure = () => expect(mock).toHavePaged(world.secondary, { incidentId: incident.id, position: 2, at: '2026-04-07T10:06:00Z' });
    expect(failure).toThrow(
      literal(`expected the mock to have paged ${world.secondary} for incident ${incident.id} at position 2 at 2026-04-07T10:06:00.000Z, but it did not.`),
    );
    expect(failure).toThrow(
      literal(
        [
          `Pages of incident ${incident.id} (2):`,
          `  2026-04-07T10:00:00.000Z  position 1  ${world.primary}  escalation`,
          `  2026-04-07T10:05:00.000Z  position 2  ${world.secondary}  escalation`,
        ].join('\n'),
      ),
    );
  });

  test('without an incident, the timeline covers every incident, with its id; with none, it says so', async () => {
    expect(() => expect(mock).toHavePaged(world.primary)).toThrow(/but it did not\.\nPages of all incidents: none$/);
    const first = await open('First');
    await mock.clock.advance(MINUTE);
    const second = await open('Second');
    expect(() => expect(mock).toHavePaged(world.secondary)).toThrow(
      literal(
        [
          'Pages of all incidents (2):',
          `  2026-04-07T10:00:00.000Z  ${first.id}  position 1  ${world.primary}  escalation`,
          `  2026-04-07T10:01:00.000Z  ${second.id}  position 1  ${world.primary}  escalation`,
        ].join('\n'),
      ),
    );
  });

  test('.not fails with the page it found, and the timeline', async () => {
    const incident = await open();
    expect(() => expect(mock).not.toHavePaged(world.primary, { incidentId: incident.id })).toThrow(
      literal(`expected the mock not to have paged ${world.primary} for incident ${incident.id}, but it did once, first at 2026-04-07T10:00:00.000Z.\nPages of incident ${incident.id} (1):`),
    );
  });

  test('handoff pages show their reason, and a page without a layer shows position -', async () => {
    const incident = await scaling.incidents.create({ title: 'No policy', severity: 'low', ownerId: mock.userId });
    await scaling.incidents.handoff(incident.id, { targetUserId: world.secondary });
    expect(mock).toHavePaged(world.secondary, { incidentId: incident.id });
    expect(() => expect(mock).toHavePaged(world.primary, { incidentId: incident.id })).toThrow(
      literal(`  2026-04-07T10:00:00.000Z  position -  ${world.secondary}  handoff`),
    );
  });

  test('works as an asymmetric matcher and after .resolves', async () => {
    await open();
    expect({ mock }).toEqual({ mock: expect.toHavePaged(world.primary, { position: 1 }) });
    await expect(Promise.resolve(mock)).resolves.toHavePaged(world.primary);
  });

  test('refuses what it cannot judge', () => {
    expect(() => expect({}).toHavePaged('user_1')).toThrow(/toHavePaged: expect\(…\) takes the mock from createScalingMock\(\), received object/);
    expect(() => expect(mock).toHavePaged('')).toThrow(/userId must be a non-empty string/);
    expect(() => expect(mock).toHavePaged('user_1', { at: 'yesterday' })).toThrow(/`at` must be a valid Date, ISO 8601 string or epoch milliseconds/);
  });
});

describe('toHaveExhausted', () => {
  test('fails while the escalation is active, with its state and the timeline, then passes once every layer timed out', async () => {
    const incident = await open();
    const failure = () => expect(mock).toHaveExhausted(incident.id);
    expect(failure).toThrow(
      literal(
        [
          `expected incident ${incident.id} to have exhausted its escalation, but it is still active at position 1, next escalation at 2026-04-07T10:05:00.000Z.`,
          `Escalation of incident ${incident.id}: state active, position 1, layer ${world.layerIds[0]}, next escalation at 2026-04-07T10:05:00.000Z`,
          `Pages of incident ${incident.id} (1):`,
          `  2026-04-07T10:00:00.000Z  position 1  ${world.primary}  escalation`,
        ].join('\n'),
      ),
    );
    expect(mock).not.toHaveExhausted(incident.id);
    await mock.clock.advance(15 * MINUTE);
    expect(mock).toHaveExhausted(incident.id);
    expect(() => expect(mock).not.toHaveExhausted(incident.id)).toThrow(
      literal(
        [
          `expected incident ${incident.id} not to have exhausted its escalation, but it has: every layer timed out and nobody more will be paged.`,
          `Escalation of incident ${incident.id}: state exhausted, position 2, layer ${world.layerIds[1]}`,
          `Pages of incident ${incident.id} (2):`,
        ].join('\n'),
      ),
    );
  });

  test('an acknowledged escalation is not exhausted, and the message says who acknowledged', async () => {
    const incident = await open();
    await mock.clock.advance(MINUTE);
    await scaling.incidents.acknowledge(incident.id);
    await mock.clock.advance(60 * MINUTE);
    expect(() => expect(mock).toHaveExhausted(incident.id)).toThrow(
      literal(`but its escalation is acknowledged.\nEscalation of incident ${incident.id}: state acknowledged, position 1, layer ${world.layerIds[0]}, acknowledged by ${mock.userId} at 2026-04-07T10:01:00.000Z`),
    );
  });

  test('an incident without a policy has no escalation to exhaust', async () => {
    const incident = await scaling.incidents.create({ title: 'No policy', severity: 'low', ownerId: mock.userId });
    expect(() => expect(mock).toHaveExhausted(incident.id)).toThrow(
      literal(`but it has no escalation policy.\nEscalation of incident ${incident.id}: none (no escalation policy)\nPages of incident ${incident.id}: none`),
    );
  });

  test('reads incidents of any org, and refuses an incident the mock does not know', async () => {
    const other = mock.createOrg({ name: 'Other' });
    const tenant = new Scaling({ apiKey: other.apiKey, baseUrl: mock.baseUrl, fetch: mock.fetch, maxRetries: 0 });
    const policy = await tenant.policies.create({ name: 'Other' });
    await tenant.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 1, target: { type: 'users', userIds: [other.adminUserId] } });
    const incident = await tenant.incidents.create({ title: 'Elsewhere', severity: 'high', escalationPolicyId: policy.id });
    await mock.clock.advance(MINUTE);
    expect(mock).toHaveExhausted(incident.id);
    expect(mock).toHavePaged(other.adminUserId, { incidentId: incident.id, at: START });
    expect(() => expect(mock).toHaveExhausted('inc_missing')).toThrow(new TypeError('mock.escalationOf: no incident inc_missing in this mock'));
  });
});

// Never run: the matchers' types as a consumer sees them.
const typeChecks = () => {
  expect(mock).toHavePaged('user_1', { incidentId: 'inc_1', at: new Date(), position: 1 });
  // @ts-expect-error position is a number
  expect(mock).toHavePaged('user_1', { position: '1' });
  // @ts-expect-error toHaveExhausted takes an incident id
  expect(mock).toHaveExhausted();
};
void typeChecks;

import { expect, test } from 'vitest';
import { useMock, usersTarget } from './helpers.js';

const t = useMock();
const MINUTE = 60_000;
const LAYERS = 50;
/** More pages than one chunk of the engine's logs holds (16,384), so a run writes past the first. */
const INCIDENTS = 350;

test('a run of more pages than a log chunk holds pages everyone when due, and reads back the same after a restore', async () => {
  const scaling = t.client({ fetch: t.mock.fetch });
  const users = Array.from({ length: 7 }, () => t.mock.createUser());
  const policy = await scaling.policies.create({ name: 'Long' });
  const timeouts: number[] = [];
  for (let position = 1; position <= LAYERS; position++) {
    timeouts.push(1 + (position % 3));
    await scaling.policies.layers.create(policy.id, { position, ackTimeoutMinutes: timeouts.at(-1)!, target: usersTarget(users[position % users.length]!.id) });
  }
  const opened = t.mock.clock.now().getTime();
  const incidents = [];
  for (let index = 0; index < INCIDENTS; index++) {
    incidents.push(await scaling.incidents.create({ title: `#${index}`, severity: 'high', escalationPolicyId: policy.id }));
  }
  await t.mock.clock.advance(24 * 60 * MINUTE);

  // Layer k is paged when the timeouts of the layers before it have run out, for every incident.
  const expected = (incidentId: string) => {
    let at = opened;
    return timeouts.map((timeout, index) => {
      const page = { incidentId, userId: users[(index + 1) % users.length]!.id, position: index + 1, at: new Date(at).toISOString() };
      at += timeout * MINUTE;
      return page;
    });
  };
  const pagesOf = (incidentId: string) =>
    t.mock.pages({ incidentId }).map((page) => ({ incidentId: page.incidentId, userId: page.userId, position: page.position, at: new Date(page.at).toISOString() }));
  expect(t.mock.pages()).toHaveLength(INCIDENTS * LAYERS);
  for (const incident of incidents) {
    expect(pagesOf(incident.id)).toEqual(expected(incident.id));
    expect(t.mock.escalationOf(incident.id)?.state).toBe('exhausted');
  }

  const before = t.mock.pages();
  const trail = t.mock.timeline(incidents.at(-1)!.id);
  t.mock.restore(t.mock.snapshot());
  expect(t.mock.pages()).toEqual(before);
  expect(t.mock.timeline(incidents.at(-1)!.id)).toEqual(trail);
});

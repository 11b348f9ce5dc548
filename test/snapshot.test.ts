import { describe, expect, test } from 'vitest';
import { createScalingMock, type MockSnapshot, type ScalingMock } from '../mocks/index.js';
import { buildWorld, clientOf, MINUTE, NOW, viewOf, type World } from './snapshot-world.js';

/**
 * `mock.snapshot()` / `mock.restore()`, seen through the SDK: whatever a suite can read back is
 * what it was when the snapshot was taken, and the restored mock goes on as the original would
 * have (the same next ids, the same pages at the same instants).
 */

const built = async (options: { baseUrl?: string; seed?: number; apiKey?: string } = {}) => {
  const mock = createScalingMock({ now: NOW, ...options });
  return { mock, world: await buildWorld(mock) };
};

/** Changes of every kind, made after a snapshot: none of them may survive a restore. */
const changeEverything = async (mock: ScalingMock, world: World) => {
  const { scaling, users, incidents, policy } = world;
  await scaling.incidents.acknowledge(incidents.escalating.id);
  await scaling.incidents.create({ title: 'After the snapshot', severity: 'high', escalationPolicyId: policy.id });
  await scaling.policies.update(policy.id, { name: 'Renamed' });
  await scaling.team.members.remove(users.carol.id);
  await scaling.components.create({ name: 'New' });
  await world.otherScaling.policies.create({ name: 'Theirs too' });
  const newcomer = mock.createOrg({ name: 'Newcomer' });
  await mock.clock.advance(45 * MINUTE);
  return { newcomerKey: newcomer.apiKey };
};

/** What a few writes return, and the request id of a read: the ids a mock mints next. */
const nextIds = async (mock: ScalingMock, world: World) => {
  const incident = await world.scaling.incidents.create({ title: 'Next', severity: 'low', ownerId: world.users.alice.id });
  const update = await world.scaling.incidents.updates.create(incident.id, { body: 'Next update', visibility: 'internal' });
  const policy = await world.scaling.policies.create({ name: 'Next policy' });
  const user = mock.createUser();
  const org = mock.createOrg();
  const read = await mock.fetch(`${mock.baseUrl}/escalation/policies`, { headers: { authorization: `Bearer ${mock.apiKey}` } });
  return { incident: incident.id, update: update.id, policy: policy.id, user: [user.id, user.apiKey], org: [org.id, org.apiKey], requestId: read.headers.get('x-request-id') };
};

describe('a restore shows the state of the snapshot', () => {
  test('every list and get of both orgs, the pages and the clock, after changes made in between', async () => {
    const { mock, world } = await built();
    const before = await viewOf(mock, world.apiKeys);
    const snapshot = mock.snapshot();
    const { newcomerKey } = await changeEverything(mock, world);
    const changed = await viewOf(mock, world.apiKeys);
    // The changes are visible before the restore (else the comparison below proves nothing).
    expect(changed).not.toEqual(before);
    expect(changed.pages.length).toBeGreaterThan(before.pages.length);

    mock.restore(snapshot);
    expect(await viewOf(mock, world.apiKeys)).toEqual(before);
    // An org made after the snapshot is gone with its key.
    await expect(clientOf(mock, newcomerKey).policies.list()).rejects.toMatchObject({ status: 401, code: 'invalid_api_key' });
    // And the removed member is a member again, paged by layer 2 as before.
    expect(before.orgs[0]!.users.map((user) => user.id)).toContain(world.users.carol.id);
  });

  test('from JSON and from structuredClone as from the object itself', async () => {
    const { mock, world } = await built();
    const before = await viewOf(mock, world.apiKeys);
    const snapshot = mock.snapshot();
    const json: MockSnapshot = JSON.parse(JSON.stringify(snapshot));
    // Plain data: nothing is lost or changed on the way (no NaN, undefined, Map or typed array in it).
    expect(json).toStrictEqual(snapshot);
    expect(structuredClone(snapshot)).toStrictEqual(snapshot);
    await changeEverything(mock, world);
    mock.restore(json);
    expect(await viewOf(mock, world.apiKeys)).toEqual(before);
    await changeEverything(mock, world);
    mock.restore(structuredClone(snapshot));
    expect(await viewOf(mock, world.apiKeys)).toEqual(before);
  });

  test('shares nothing: later changes do not reach the snapshot, and the same snapshot restores twice alike', async () => {
    const { mock, world } = await built();
    const before = await viewOf(mock, world.apiKeys);
    const snapshot = mock.snapshot();
    const taken = JSON.stringify(snapshot);
    await changeEverything(mock, world);
    expect(JSON.stringify(snapshot)).toBe(taken);

    mock.restore(snapshot);
    await changeEverything(mock, world);
    expect(JSON.stringify(snapshot)).toBe(taken);
    mock.restore(snapshot);
    expect(await viewOf(mock, world.apiKeys)).toEqual(before);

    // Nor can the snapshot be changed behind the mock's back: it is frozen, and a copy edited is a
    // new snapshot, checked in full when restored; the mock keeps none of its objects either.
    const state = snapshot.state as { orgs: Array<{ policies: Array<{ name: string }>; incidents: Array<{ title: string; updates: unknown[] }> }> };
    expect(() => {
      state.orgs[0]!.policies[0]!.name = 'Edited in the snapshot';
    }).toThrow(TypeError);
    expect(() => state.orgs[0]!.incidents[0]!.updates.push({})).toThrow(TypeError);
    const edited = structuredClone(snapshot);
    const editedState = edited.state as typeof state;
    editedState.orgs[0]!.incidents[0]!.title = 'Edited in a copy';
    mock.restore(edited);
    editedState.orgs[0]!.incidents[0]!.title = 'Edited again after the restore';
    const incidentId = (snapshot.state as unknown as { orgs: Array<{ incidents: Array<{ id: string }> }> }).orgs[0]!.incidents[0]!.id;
    expect((await world.scaling.incidents.get(incidentId)).title).toBe('Edited in a copy');
  });

  test('history, updates and audit entries written after a restore, a redaction too, leave the snapshot as it was', async () => {
    const { mock, world } = await built();
    const { scaling, incidents } = world;
    const snapshot = mock.snapshot();
    const taken = JSON.stringify(snapshot);
    const before = await scaling.incidents.get(incidents.escalating.id);
    const unredacted = (await scaling.incidents.updates.list(incidents.escalating.id)).find((update) => update.redactedAt === null)!;
    expect(unredacted).toBeDefined();

    mock.restore(snapshot);
    await scaling.incidents.updates.redact(incidents.escalating.id, unredacted.id);
    await scaling.incidents.updateStatus(incidents.escalating.id, { status: 'identified' });
    await scaling.incidents.acknowledge(incidents.escalating.id);
    const after = await scaling.incidents.get(incidents.escalating.id);
    expect(after.statusHistory.length).toBe(before.statusHistory.length + 1);
    expect(after.auditTrail.length).toBeGreaterThan(before.auditTrail.length);
    expect((await scaling.incidents.updates.list(incidents.escalating.id)).find((update) => update.id === unredacted.id)?.redactedAt).not.toBeNull();
    expect(JSON.stringify(snapshot)).toBe(taken);

    mock.restore(snapshot);
    expect(await scaling.incidents.get(incidents.escalating.id)).toEqual(before);
    expect((await scaling.incidents.updates.list(incidents.escalating.id)).find((update) => update.id === unredacted.id)).toEqual(unredacted);
  });

  test('reset() after a restore still goes back to the creation state', async () => {
    const { mock, world } = await built();
    const fresh = createScalingMock({ now: NOW });
    const creation = await viewOf(fresh, [fresh.apiKey]);
    mock.restore(mock.snapshot());
    mock.reset();
    expect(await viewOf(mock, [mock.apiKey])).toEqual(creation);
    await expect(world.otherScaling.policies.list()).rejects.toMatchObject({ code: 'invalid_api_key' });
    // The same ids as a fresh mock's, too: the generators were rewound, not the restored ones kept.
    const ids = async (target: ScalingMock) => (await clientOf(target).policies.create({ name: 'First' })).id;
    expect(await ids(mock)).toBe(await ids(fresh));
  });
});

describe('a restored mock goes on as the original would have', () => {
  test('pending escalation timers page at the same instants, in the same mock and in another one', async () => {
    const { mock, world } = await built();
    const snapshot = mock.snapshot();
    const pagedBefore = mock.pages().length;
    // The original runs on: layer 2 and 3 of the escalating incidents fall due.
    const original = async (target: ScalingMock) => {
      for (let step = 0; step < 6; step++) await target.clock.advance(7 * MINUTE);
      return { pages: target.pages(), escalating: await clientOf(target).incidents.get(world.incidents.escalating.id) };
    };
    const expected = await original(mock);
    expect(expected.pages.length).toBeGreaterThan(pagedBefore);
    expect(expected.pages.slice(pagedBefore).map((page) => page.at)).toContain('2026-04-07T10:15:00.000Z');

    mock.restore(snapshot);
    expect(mock.pages()).toHaveLength(pagedBefore);
    expect(await original(mock)).toEqual(expected);

    const other = createScalingMock({ now: NOW, baseUrl: 'https://other.test/v1' });
    other.restore(snapshot);
    expect(await original(other)).toEqual(expected);
  });

  test('ids, keys and request ids minted after a restore are those minted after the snapshot', async () => {
    const { mock, world } = await built();
    const snapshot = mock.snapshot();
    const first = await nextIds(mock, world);
    mock.restore(snapshot);
    expect(await nextIds(mock, world)).toEqual(first);
    mock.restore(JSON.parse(JSON.stringify(snapshot)));
    expect(await nextIds(mock, world)).toEqual(first);
  });
});

describe('another mock', () => {
  test('created with the same options (any baseUrl) takes the snapshot, and is then the same mock', async () => {
    const { mock, world } = await built({ baseUrl: 'https://first.test/v1', seed: 7 });
    const before = await viewOf(mock, world.apiKeys);
    const other = createScalingMock({ now: '2030-01-01T00:00:00Z', baseUrl: 'https://second.test/v1', seed: 7 });
    other.restore(mock.snapshot());
    expect(await viewOf(other, world.apiKeys)).toEqual(before);
    expect({ orgId: other.orgId, userId: other.userId, apiKey: other.apiKey }).toEqual({ orgId: mock.orgId, userId: mock.userId, apiKey: mock.apiKey });
    // reset() goes back to its own creation, clock included.
    other.reset();
    expect(other.clock.now().toISOString()).toBe('2030-01-01T00:00:00.000Z');
  });

  test('created with another seed or apiKey is refused: its orgId, userId and apiKey would no longer hold', async () => {
    const { mock } = await built({ apiKey: 'scl_mock_first' });
    const snapshot = mock.snapshot();
    const otherSeed = createScalingMock({ now: NOW, seed: 2, apiKey: 'scl_mock_first' });
    expect(() => otherSeed.restore(snapshot)).toThrow(new TypeError(
      `mock.restore: snapshot.origin.orgId must be this mock's default org, ${otherSeed.orgId}: restore a snapshot into a mock created with the same seed and apiKey options as the one it came from; got "${mock.orgId}"`,
    ));
    const otherKey = createScalingMock({ now: NOW, apiKey: 'scl_mock_second' });
    expect(() => otherKey.restore(snapshot)).toThrow(/^mock\.restore: snapshot\.origin\.apiKey must be this mock's default API key, scl_mock_second: .*; got "scl_mock_first"$/);
    expect(await clientOf(otherKey).policies.list()).toEqual([]);
  });
});

describe('a snapshot that cannot be restored', () => {
  type Corruption = [what: string, corrupt: (snapshot: any) => unknown, message: RegExp];
  const lastIncident = (snapshot: any) => snapshot.state.orgs[0].incidents.at(-1);
  const corruptions: Corruption[] = [
    ['not an object', () => null, /^mock\.restore: the snapshot must be an object that mock\.snapshot\(\) returned; got null$/],
    ['an array', () => [], /^mock\.restore: the snapshot must be an object .*; got \[\]$/],
    ['something else', (s) => ({ ...s, format: 'some-other-snapshot' }), /^mock\.restore: snapshot\.format must be "scaling-mock-snapshot": this is not a snapshot of a Scaling mock; got "some-other-snapshot"$/],
    ['another version', (s) => ({ ...s, version: 2 }), /^mock\.restore: snapshot\.version must be 1, the only version this package reads; got 2$/],
    ['no clock', (s) => ({ ...s, clock: 'noon' }), /^mock\.restore: snapshot\.clock must be a finite number; got "noon"$/],
    ['no state', (s) => ({ ...s, state: undefined }), /^mock\.restore: snapshot\.state must be an object; got nothing$/],
    ['no orgs', (s) => void delete s.state.orgs, /^mock\.restore: snapshot\.state\.orgs must be an array; got nothing$/],
    ['a bad generator', (s) => void (s.state.random.minted = -1), /^mock\.restore: snapshot\.state\.random\.minted must be an integer from 0 to/],
    ['a wrong field in the last incident', (s) => void (lastIncident(s).title = 42), /^mock\.restore: snapshot\.state\.orgs\[0\]\.incidents\[6\]\.title must be a string; got 42$/],
    ['a status the API has not', (s) => void (lastIncident(s).statusHistory[0].status = 'done'), /incidents\[6\]\.statusHistory\[0\]\.status must be one of investigating, identified, monitoring, resolved; got "done"$/],
    ['an escalation filed under another incident', (s) => void (lastIncident(s).escalation.incidentCode = 1), /incidents\[6\]\.escalation must be the escalation of incident inc_\w+ of org org_\w+, named by its code in the escalation log; got \["org_\w+","inc_\w+",1\]$/],
    ['a missing escalation field', (s) => void delete lastIncident(s).escalation.generation, /incidents\[6\]\.escalation\.generation must be a finite number; got nothing$/],
    ['an unknown audit entry', (s) => void (lastIncident(s).auditTrail[0].type = 'exploded'), /incidents\[6\]\.auditTrail\[0\]\.type must be one of incident_created, /],
    ['a layer target that is not data', (s) => void (s.state.orgs[0].policies[0].layers[0].target.scheduleId = Number.NaN), /policies\[0\]\.layers\[0\]\.target\.scheduleId must be plain JSON data; got NaN$/],
    ['a record of another org', (s) => void (s.state.orgs[1].policies[0].orgId = s.state.orgs[0].id), /^mock\.restore: snapshot\.state\.orgs\[1\]\.policies\[0\]\.orgId must be its org's id, /],
    ['a repeated id', (s) => void s.state.orgs[0].components.push(s.state.orgs[0].components[0]), /orgs\[0\]\.components\[2\]\.id must not repeat an id of the same list/],
    ['a key of nobody', (s) => void (s.state.apiKeys[0].userId = 'user_nobody'), /^mock\.restore: snapshot\.state\.apiKeys\[0\] must name a member of an org of the snapshot/],
    ['a timer for no incident', (s) => void (s.state.engine.timers.at(-1).incidentId = 'inc_nothing'), /snapshot\.state\.engine\.timers\[\d+\]\.incidentId must name an incident of org .* with an escalation policy; got "inc_nothing"$/],
    ['a page of nobody', (s) => void (s.state.engine.pages.userId[0] = 9999), /^mock\.restore: snapshot\.state\.engine\.pages\.userId\[0\] must be an integer from 1 to \d+; got 9999$/],
    ['a short column', (s) => void s.state.engine.log.kind.pop(), /^mock\.restore: snapshot\.state\.engine\.log\.kind must hold \d+ numbers/],
    ['a trail step naming no pages', (s) => void (s.state.engine.log.primary[s.state.engine.log.kind.indexOf(2)] = 1e6), /^mock\.restore: snapshot\.state\.engine\.log entry \d+ \(layer_paged\) must name pages of the page log/],
  ];

  test.each(corruptions)('%s: a TypeError naming the field, and the mock is left as it was', async (_what, corrupt, message) => {
    const { mock, world } = await built();
    const snapshot = mock.snapshot();
    await changeEverything(mock, world);
    const before = await viewOf(mock, world.apiKeys);
    const bad = JSON.parse(JSON.stringify(snapshot));
    const replaced = corrupt(bad);
    const error = (() => {
      try {
        mock.restore((replaced === undefined ? bad : replaced) as MockSnapshot);
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(message);
    expect(await viewOf(mock, world.apiKeys)).toEqual(before);
    // Still the snapshot it was: the good one restores.
    mock.restore(snapshot);
  });
});

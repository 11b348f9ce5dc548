import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { createScalingMock } from '../../mocks/index.js';
import { parseSeed, SeedError, startMockServer, type SeedInput } from '@scaling-cloud/sdk/mocks/server';
import { ErrorBody } from '../../src/schemas/index.js';
import { Scaling } from '../../src/index.js';

const describeSeedError = (error: unknown): string[] => {
  if (error instanceof SeedError) return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
  throw error;
};
const problems = (input: unknown, apiKey?: string): string[] => {
  try {
    parseSeed(input, { apiKey });
  } catch (error) {
    return describeSeedError(error);
  }
  return [];
};

const org = (fields: object) => ({ orgs: [fields] });

test.each([
  ['a bad email, by its place', org({ users: [{}, {}, { email: 'nope' }] }), 'orgs[0].users[2].email: must be a valid email address'],
  ['a typo in a field name', org({ users: [{ frstName: 'Al' }] }), 'orgs[0].users[0].frstName: is not a known field'],
  ['a role the API does not have', org({ users: [{ role: 'owner' }] }), 'orgs[0].users[0].role: must be org:admin or org:member'],
  ['a key with a space', org({ apiKey: 'two words' }), 'orgs[0].apiKey: must be 1 to 256 visible ASCII characters, without spaces'],
  ['default on a later org', { orgs: [{}, { default: true }] }, 'orgs[1].default: only orgs[0] can be the default org'],
  ['a name on the default org', org({ default: true, name: 'Acme' }), 'orgs[0].name: the default org keeps its name; remove name (or default)'],
  ['the same key twice', { orgs: [{ apiKey: 'k1' }, { users: [{ apiKey: 'k1' }] }] }, 'orgs[1].users[0].apiKey: is already the key of orgs[0].apiKey'],
  ['the same user ref twice', org({ adminRef: 'al', users: [{ ref: 'al' }] }), 'orgs[0].users[0].ref: "al" is already the user ref at orgs[0].adminRef'],
  ['an email longer than the API takes', org({ users: [{ email: `${'a'.repeat(320)}@x.test` }] }), 'orgs[0].users[0].email: must be at most 320 characters'],
  ['an unknown participant', org({ schedules: [{ layers: [{ participants: ['ghost'] }] }] }), 'orgs[0].schedules[0].layers[0].participants[0]: no user with ref "ghost" in this seed'],
  [
    'a participant of another org',
    { orgs: [{ users: [{ ref: 'al' }] }, { schedules: [{ layers: [{ participants: ['al'] }] }] }] },
    'orgs[1].schedules[0].layers[0].participants[0]: "al" is a user of orgs[0], not of orgs[1]',
  ],
  ['an abbreviated time zone', org({ schedules: [{ timezone: 'EST' }] }), 'orgs[0].schedules[0].timezone: must be an IANA time zone name'],
  ['a policy without a name', org({ policies: [{}] }), 'orgs[0].policies[0].name:'],
  ['a timeout of 0', org({ policies: [{ name: 'P', layers: [{ ackTimeoutMinutes: 0, target: { users: ['x'] } }] }] }), 'orgs[0].policies[0].layers[0].ackTimeoutMinutes: must be an integer from 1 to 10080'],
  ['a target with both kinds', org({ policies: [{ name: 'P', layers: [{ ackTimeoutMinutes: 5, target: { schedule: 's', users: ['u'] } }] }] }), 'orgs[0].policies[0].layers[0].target: must have exactly one of schedule, users'],
  ['a target naming no schedule', org({ policies: [{ name: 'P', layers: [{ ackTimeoutMinutes: 5, target: { schedule: 'nope' } }] }] }), 'orgs[0].policies[0].layers[0].target.schedule: no schedule with ref "nope" in this seed'],
  ['no orgs list', {}, 'orgs: expected array'],
  ['not an object', 'orgs', 'seed: expected object'],
])('a seed with %s is refused, naming the field', (_what, input, message) => {
  expect(problems(input).join('\n')).toContain(message);
});

// The API's own rules are applied as the seed is: the helpers and the API refuse, and the error names the seed's field.
test.each([
  ['the same email, other case', org({ users: [{ email: 'a@x.test' }, { email: 'A@X.test' }] }), 'orgs[0].users[1].email: A@X.test is already a member of this organization.'],
  ['a weekly layer of 3 days', org({ users: [{ ref: 'a' }], schedules: [{ layers: [{ rotationLengthDays: 3, participants: ['a'] }] }] }), 'orgs[0].schedules[0].layers[0].rotationLengthDays: must be 7 for a weekly rotation'],
  ['a custom layer without a length', org({ users: [{ ref: 'a' }], schedules: [{ layers: [{ rotationType: 'custom', participants: ['a'] }] }] }), 'orgs[0].schedules[0].layers[0].rotationLengthDays: is required for a custom rotation'],
  [
    'an end before the default start',
    org({ users: [{ ref: 'a' }], schedules: [{ layers: [{ effectiveUntil: '2026-04-01T00:00:00Z', participants: ['a'] }] }] }),
    "orgs[0].schedules[0].layers[0].effectiveUntil: must be after effectiveFrom (default: the mock clock's now)",
  ],
  [
    'two layers with one name, one of them by default',
    org({ users: [{ ref: 'a' }], schedules: [{ layers: [{ name: 'Layer 2', participants: ['a'] }, { participants: ['a'] }] }] }),
    'orgs[0].schedules[0].layers[1].name: A layer named "Layer 2" already exists on this schedule.',
  ],
  ['two schedules with one name', org({ schedules: [{ name: 'S' }, { name: 'S' }] }), 'orgs[0].schedules[1].name: A schedule named "S" already exists in this organization.'],
  ['two policies with one name', org({ policies: [{ name: 'P' }, { name: 'P' }] }), 'orgs[0].policies[1]: 409 name_conflict: A policy named "P" already exists in this organization.'],
])('a seed with %s is refused as it is applied, naming the field', async (_what, input, message) => {
  expect(problems(input)).toEqual([]);
  const error = await startMockServer({ now: '2026-04-07T10:00:00Z', seed: input }).catch((caught: unknown) => caught);
  expect(describeSeedError(error).join('\n')).toContain(message);
});

test('the default key is set in one place: the seed and --api-key must agree', () => {
  expect(problems(org({ default: true, apiKey: 'seed-key' }), 'flag-key')).toEqual([
    'orgs[0].apiKey: differs from the apiKey option (--api-key); set the default key in one place',
  ]);
  expect(problems(org({ default: true, apiKey: 'same' }), 'same')).toEqual([]);
  expect(problems({ orgs: [{}, { apiKey: 'flag-key' }] }, 'flag-key')).toEqual(['orgs[1].apiKey: is already the key of the default org (--api-key)']);
});

test('startMockServer refuses a bad seed with the SeedError that names the field', async () => {
  const error = await startMockServer({ seed: org({ users: [{}, {}, { email: 'nope' }] }) }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(SeedError);
  expect(String((error as Error).message)).toContain('orgs[0].users[2].email: must be a valid email address');
});

test('the example seed: explicit keys act as their users, refs resolve, tenants stay apart', async () => {
  const seed = JSON.parse(readFileSync(new URL('../../examples/seed.json', import.meta.url), 'utf8')) as SeedInput;
  const server = await startMockServer({ now: '2026-04-07T10:00:00Z', seed });
  try {
    expect(server.apiKey).toBe('scl_mock_acme_admin');
    const { refs, orgs } = server.seed!;
    const client = (apiKey: string) => new Scaling({ apiKey, baseUrl: server.url, maxRetries: 0 });
    const [acme, other] = orgs;
    expect(acme).toMatchObject({ id: server.mock.orgId, default: true, adminUserId: refs.users.ada });
    expect(other!.apiKey).toBe('scl_mock_other_admin');

    // Alice's key acts as Alice, a member: team endpoints are for admins. The lead is an admin.
    const asAlice = await fetch(`${server.url}/team/members`, { headers: { authorization: 'Bearer scl_mock_acme_alice' } });
    expect(asAlice.status).toBe(401);
    expect(ErrorBody.parse(await asAlice.json()).code).toBe('not_authorized');
    const members = await client('scl_mock_acme_lead').team.members.list();
    expect(members.members.map((member) => member.email)).toEqual(expect.arrayContaining(['alice@acme.test', 'lead@acme.test']));

    // Layers target what the refs named, in order; the rotation puts Alice on call first.
    const policy = await client('scl_mock_acme_admin').policies.get(refs.policies.platform!);
    expect(policy.layers.map((layer) => layer.target)).toEqual([
      { type: 'schedule', scheduleId: refs.schedules.primary },
      { type: 'schedule', scheduleId: refs.schedules.secondary },
      { type: 'users', userIds: [refs.users.lead] },
    ]);
    const resolved = await client('scl_mock_acme_admin').schedules.resolve(refs.schedules.primary!);
    expect(resolved.owner).toBe(refs.users.alice);

    // The other tenant sees none of it.
    expect(await client('scl_mock_other_admin').policies.list()).toEqual([]);
  } finally {
    await server.close();
  }
});

test('createOrg and createUser take an explicit key, and refuse one already in use or malformed', async () => {
  const mock = createScalingMock({ apiKey: 'scl_mock_default' });
  const { createUser } = mock;
  const user = createUser({ apiKey: 'scl_mock_mine' });
  expect(user.apiKey).toBe('scl_mock_mine');
  const scaling = new Scaling({ apiKey: 'scl_mock_mine', baseUrl: mock.baseUrl, fetch: mock.fetch, maxRetries: 0 });
  expect((await scaling.policies.create({ name: 'By key' })).createdBy).toBe(user.id);
  expect(() => createUser({ apiKey: 'scl_mock_default' })).toThrow('mock.createUser: apiKey: is already in use');
  expect(() => createUser({ apiKey: 'has space' })).toThrow(/apiKey: must be 1 to 256 visible ASCII/);
  const before = (await scaling.users.list()).length;
  expect(() => createUser({ apiKey: 'scl_mock_mine' })).toThrow(/already in use/);
  expect((await scaling.users.list()).length).toBe(before); // a refused helper adds nobody
});

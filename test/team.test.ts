import { describe, expect, test } from 'vitest';
import {
  ScalingAuthenticationError,
  ScalingBadRequestError,
  ScalingConflictError,
  ScalingNotFoundError,
  ScalingValidationError,
  type MemberInviteParams,
  type MemberRoleUpdateParams,
} from '../src/index.js';
import { countingFetch, expectError, raw, useMock } from './helpers.js';

const t = useMock();

const NOW = '2026-04-07T10:00:00.000Z';

/** The team and the users as the default admin sees them: proves that a refusal changed nothing. */
const snapshot = async () => JSON.stringify([await t.scaling.team.members.list(), await t.scaling.users.list()]);


/** Invite bodies the client refuses (naming the field) and the mock answers with 400 `invalid_request_error`. */
const badInvites: Array<[string, unknown, string]> = [
  ['no role', { emailAddress: 'new@example.com' }, 'role'],
  ['an unknown role', { emailAddress: 'new@example.com', role: 'owner' }, 'role'],
  ['no email address', { role: 'org:member' }, 'emailAddress'],
  ['an email address that is not one', { emailAddress: 'not-an-email', role: 'org:member' }, 'emailAddress'],
  ['an email address of 321 characters', { emailAddress: `${'a'.repeat(309)}@example.com`, role: 'org:member' }, 'emailAddress'],
  ['an email address that is a number', { emailAddress: 42, role: 'org:member' }, 'emailAddress'],
  ['an unknown field', { emailAddress: 'new@example.com', role: 'org:member', firstName: 'New' }, 'firstName'],
];

describe('team.members', () => {
  test('list gives the members with their roles, and the pending invitations', async () => {
    expect(await t.scaling.team.members.list()).toEqual({
      members: [{
        id: t.mock.userId,
        email: expect.stringMatching(/@example\.com$/),
        firstName: 'Ada',
        lastName: 'Admin',
        imageUrl: null,
        role: 'org:admin',
        joinedAt: NOW,
      }],
      invitations: [],
    });

    await t.mock.clock.advance(60_000);
    const grace = t.mock.createUser({ firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' });
    const invitation = await t.scaling.team.members.invite({ emailAddress: 'linus@example.com', role: 'org:admin' });
    t.mock.createUser({ orgId: t.mock.createOrg().id, email: 'elsewhere@example.com' });

    const { members, invitations } = await t.scaling.team.members.list();
    expect(members.map((member) => member.id)).toEqual([t.mock.userId, grace.id]);
    expect(members[1]).toEqual({
      id: grace.id,
      email: 'grace@example.com',
      firstName: 'Grace',
      lastName: 'Hopper',
      imageUrl: null,
      role: 'org:member',
      joinedAt: '2026-04-07T10:01:00.000Z',
    });
    expect(invitations).toEqual([invitation]);
  });

  test('invite answers 201 with a pending invitation, stamped by the clock', async () => {
    const invitation = await t.scaling.team.members.invite({ emailAddress: 'new@example.com', role: 'org:member' });
    expect(invitation).toEqual({
      id: expect.stringMatching(/^inv_/),
      emailAddress: 'new@example.com',
      role: 'org:member',
      status: 'pending',
      createdAt: NOW,
    });
    const response = await raw(t.mock, '/team/members/invite', { method: 'POST', json: { emailAddress: 'other@example.com', role: 'org:admin' } });
    expect(response.status).toBe(201);
    expect((await response.json()).data).toMatchObject({ emailAddress: 'other@example.com', role: 'org:admin', status: 'pending' });
  });

  test('an email address of 320 characters is accepted', async () => {
    const emailAddress = `${'a'.repeat(308)}@example.com`;
    expect(emailAddress).toHaveLength(320);
    await expect(t.scaling.team.members.invite({ emailAddress, role: 'org:member' })).resolves.toMatchObject({ emailAddress });
  });

  test('inviting a member is 409 already_member; inviting twice is 409 invitation_exists, whatever the case', async () => {
    t.mock.createUser({ email: 'grace@example.com' });
    const member = await t.scaling.team.members.invite({ emailAddress: 'GRACE@Example.com', role: 'org:member' }).catch((error: unknown) => error);
    expect(member).toBeInstanceOf(ScalingConflictError);
    expect(member).toMatchObject({ status: 409, code: 'already_member', type: 'invalid_request_error' });

    const first = await t.scaling.team.members.invite({ emailAddress: 'new@example.com', role: 'org:member' });
    const before = await snapshot();
    const again = await t.scaling.team.members.invite({ emailAddress: 'New@Example.COM', role: 'org:admin' }).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(ScalingConflictError);
    expect(again).toMatchObject({ status: 409, code: 'invitation_exists' });
    expect(await snapshot()).toBe(before);

    // Once revoked, the address can be invited again; another org may invite it anyway.
    await t.scaling.team.invitations.revoke(first.id);
    await expect(t.scaling.team.members.invite({ emailAddress: 'new@example.com', role: 'org:admin' })).resolves.toMatchObject({ role: 'org:admin' });
    const other = t.client({ apiKey: t.mock.createOrg().apiKey });
    await expect(other.team.members.invite({ emailAddress: 'grace@example.com', role: 'org:member' })).resolves.toMatchObject({ status: 'pending' });
  });

  test('updateRole returns the updated member, and the new role takes effect at once', async () => {
    const grace = t.mock.createUser({ firstName: 'Grace' });
    const asGrace = t.client({ apiKey: grace.apiKey });
    await expect(asGrace.team.members.list()).rejects.toMatchObject({ code: 'not_authorized' });

    const promoted = await t.scaling.team.members.updateRole(grace.id, { role: 'org:admin' });
    expect(promoted).toMatchObject({ id: grace.id, firstName: 'Grace', role: 'org:admin', imageUrl: null });
    expect((await asGrace.team.members.list()).members.map((member) => member.role)).toEqual(['org:admin', 'org:admin']);

    // Setting the role a member already has is not an error.
    await expect(t.scaling.team.members.updateRole(grace.id, { role: 'org:admin' })).resolves.toEqual(promoted);
    await expect(t.scaling.team.members.updateRole(grace.id, { role: 'org:member' })).resolves.toMatchObject({ role: 'org:member' });
    await expect(asGrace.team.members.list()).rejects.toMatchObject({ code: 'not_authorized' });
  });

  test('changing your own role is 400 cannot_change_own_role; an unknown user is 404', async () => {
    const before = await snapshot();
    const own = await t.scaling.team.members.updateRole(t.mock.userId, { role: 'org:member' }).catch((error: unknown) => error);
    expect(own).toBeInstanceOf(ScalingBadRequestError);
    expect(own).toMatchObject({ status: 400, code: 'cannot_change_own_role', type: 'invalid_request_error' });
    const unknown = await t.scaling.team.members.updateRole('user_nobody', { role: 'org:admin' }).catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(ScalingNotFoundError);
    expect(unknown).toMatchObject({ status: 404, code: 'not_found' });
    expect(await snapshot()).toBe(before);
  });

  test('remove deletes the member and revokes their key at once', async () => {
    const grace = t.mock.createUser();
    const asGrace = t.client({ apiKey: grace.apiKey });
    await expect(asGrace.users.list()).resolves.toHaveLength(2);

    await expect(t.scaling.team.members.remove(grace.id)).resolves.toBeUndefined();
    expect((await t.scaling.team.members.list()).members.map((member) => member.id)).toEqual([t.mock.userId]);
    expect((await t.scaling.users.list()).map((user) => user.id)).toEqual([t.mock.userId]);

    const revoked = await asGrace.users.list().catch((error: unknown) => error);
    expect(revoked).toBeInstanceOf(ScalingAuthenticationError);
    expect(revoked).toMatchObject({ status: 401, code: 'invalid_api_key' });
    await expect(t.scaling.team.members.remove(grace.id)).rejects.toMatchObject({ status: 404, code: 'not_found' });
    // Grace could be invited back.
    await expect(t.scaling.team.members.invite({ emailAddress: grace.email, role: 'org:member' })).resolves.toMatchObject({ status: 'pending' });
  });

  test('removing yourself is 400 cannot_remove_self', async () => {
    const before = await snapshot();
    const error = await t.scaling.team.members.remove(t.mock.userId).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingBadRequestError);
    expect(error).toMatchObject({ status: 400, code: 'cannot_remove_self' });
    expect(await snapshot()).toBe(before);
  });

  test('an org always keeps an admin: the last one can neither demote nor remove themselves', async () => {
    const second = t.mock.createUser({ role: 'org:admin' });
    const asSecond = t.client({ apiKey: second.apiKey });
    await asSecond.team.members.remove(t.mock.userId);
    await expect(t.scaling.users.list()).rejects.toMatchObject({ code: 'invalid_api_key' });

    await expect(asSecond.team.members.updateRole(second.id, { role: 'org:member' })).rejects.toMatchObject({ code: 'cannot_change_own_role' });
    await expect(asSecond.team.members.remove(second.id)).rejects.toMatchObject({ code: 'cannot_remove_self' });
    expect((await asSecond.team.members.list()).members).toEqual([expect.objectContaining({ id: second.id, role: 'org:admin' })]);
  });
});

describe('team.invitations', () => {
  test('revoke removes the invitation; revoking it again, or an unknown one, is 404', async () => {
    const keep = await t.scaling.team.members.invite({ emailAddress: 'keep@example.com', role: 'org:member' });
    const drop = await t.scaling.team.members.invite({ emailAddress: 'drop@example.com', role: 'org:member' });
    await expect(t.scaling.team.invitations.revoke(drop.id)).resolves.toBeUndefined();
    expect((await t.scaling.team.members.list()).invitations).toEqual([keep]);

    const before = await snapshot();
    for (const id of [drop.id, 'inv_nothing']) {
      const error = await t.scaling.team.invitations.revoke(id).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ScalingNotFoundError);
      expect(error).toMatchObject({ status: 404, code: 'not_found' });
    }
    expect(await snapshot()).toBe(before);
  });
});

describe('admins only', () => {
  test('a member’s key gets 401 not_authorized on every team endpoint, and nothing changes', async () => {
    const member = t.mock.createUser();
    const colleague = t.mock.createUser();
    const invitation = await t.scaling.team.members.invite({ emailAddress: 'new@example.com', role: 'org:member' });
    const before = await snapshot();

    const asMember = t.client({ apiKey: member.apiKey });
    const attempts = {
      list: asMember.team.members.list(),
      invite: asMember.team.members.invite({ emailAddress: 'friend@example.com', role: 'org:admin' }),
      promoteSelf: asMember.team.members.updateRole(member.id, { role: 'org:admin' }),
      promoteColleague: asMember.team.members.updateRole(colleague.id, { role: 'org:admin' }),
      removeAdmin: asMember.team.members.remove(t.mock.userId),
      removeSelf: asMember.team.members.remove(member.id),
      revoke: asMember.team.invitations.revoke(invitation.id),
      // Not even whether an id exists is revealed to a member.
      unknownUser: asMember.team.members.remove('user_nobody'),
      unknownInvitation: asMember.team.invitations.revoke('inv_nothing'),
    };
    for (const [name, attempt] of Object.entries(attempts)) {
      const error = await attempt.catch((caught: unknown) => caught);
      expect(error, name).toBeInstanceOf(ScalingAuthenticationError);
      expect(error, name).toMatchObject({ status: 401, code: 'not_authorized', type: 'not_authorized_error' });
    }
    expect(await snapshot()).toBe(before);
    // The key itself still works where members are allowed.
    await expect(asMember.users.list()).resolves.toHaveLength(3);
  });
});

describe('another org', () => {
  test('its admin gets 404 for our members and invitations on every endpoint with an id, and nothing changes', async () => {
    const grace = t.mock.createUser();
    const invitation = await t.scaling.team.members.invite({ emailAddress: 'new@example.com', role: 'org:member' });
    const before = await snapshot();

    const stranger = t.client({ apiKey: t.mock.createOrg().apiKey });
    const attempts = [
      stranger.team.members.updateRole(grace.id, { role: 'org:admin' }),
      stranger.team.members.updateRole(t.mock.userId, { role: 'org:member' }),
      stranger.team.members.remove(grace.id),
      stranger.team.members.remove(t.mock.userId),
      stranger.team.invitations.revoke(invitation.id),
    ];
    for (const attempt of attempts) {
      await expect(attempt).rejects.toMatchObject({ status: 404, code: 'not_found' });
    }
    const theirs = await stranger.team.members.list();
    expect(theirs.invitations).toEqual([]);
    expect(theirs.members.map((member) => member.id)).not.toContain(grace.id);
    expect(await snapshot()).toBe(before);
    await expect(t.client({ apiKey: grace.apiKey }).users.list()).resolves.toHaveLength(2);
  });
});

describe('users', () => {
  test('list gives every user of the org in short form, to any member', async () => {
    const grace = t.mock.createUser({ firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' });
    t.mock.createUser({ orgId: t.mock.createOrg().id });

    const users = await t.client({ apiKey: grace.apiKey }).users.list();
    expect(users).toEqual([
      { id: t.mock.userId, firstName: 'Ada', lastName: 'Admin', email: expect.stringMatching(/@example\.com$/) },
      { id: grace.id, firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' },
    ]);
    expect(await t.scaling.users.list()).toEqual(users);
  });
});

describe('input is checked before anything is sent', () => {
  test.each(badInvites)('invite refuses %s', async (_, params, field) => {
    const spy = countingFetch();
    const error = await t.client({ fetch: spy.fetch }).team.members.invite(params as MemberInviteParams).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingValidationError);
    expect(error).toMatchObject({ field });
    expect((error as Error).message).toContain(field);
    expect(spy.calls).toHaveLength(0);
  });

  test('updateRole needs a known role and nothing else', async () => {
    const spy = countingFetch();
    const scaling = t.client({ fetch: spy.fetch });
    const bodies: Array<[unknown, string]> = [[{}, 'role'], [{ role: 'admin' }, 'role'], [{ role: 'org:admin', reason: 'x' }, 'reason']];
    for (const [params, field] of bodies) {
      const error = await scaling.team.members.updateRole('user_1', params as MemberRoleUpdateParams).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ScalingValidationError);
      expect(error).toMatchObject({ field });
    }
    expect(spy.calls).toHaveLength(0);
  });

  test('path ids must be non-empty and cannot be . or ..', async () => {
    const spy = countingFetch();
    const scaling = t.client({ fetch: spy.fetch });
    for (const id of ['', '.', '..']) {
      await expect(scaling.team.members.updateRole(id, { role: 'org:admin' })).rejects.toMatchObject({ name: 'ScalingValidationError', field: 'userId' });
      await expect(scaling.team.members.remove(id)).rejects.toMatchObject({ name: 'ScalingValidationError', field: 'userId' });
      await expect(scaling.team.invitations.revoke(id)).rejects.toMatchObject({ name: 'ScalingValidationError', field: 'invitationId' });
    }
    expect(spy.calls).toHaveLength(0);
  });
});

describe('the mock refuses what the SDK would not send', () => {
  test.each(badInvites)('invite: %s is 400 invalid_request_error', async (_, json, field) => {
    const before = await snapshot();
    const error = await expectError(await raw(t.mock, '/team/members/invite', { method: 'POST', json }), 400, 'invalid_request_error');
    expect(error.message).toContain(field);
    expect(await snapshot()).toBe(before);
  });

  test('invite: no body, or a body that is not an object, is 400 invalid_request_error; malformed JSON 400 invalid_json', async () => {
    const before = await snapshot();
    const headers = { 'content-type': 'application/json' };
    await expectError(await raw(t.mock, '/team/members/invite', { method: 'POST' }), 400, 'invalid_request_error');
    await expectError(await raw(t.mock, '/team/members/invite', { method: 'POST', headers, body: '[]' }), 400, 'invalid_request_error');
    await expectError(await raw(t.mock, '/team/members/invite', { method: 'POST', headers, body: '{"emailAddress":' }), 400, 'invalid_json');
    expect(await snapshot()).toBe(before);
  });

  test('role update: a bad or missing role, or an unknown field, is 422 validation_error', async () => {
    const grace = t.mock.createUser();
    const before = await snapshot();
    for (const json of [{}, { role: 'admin' }, { role: null }, { role: 'org:admin', reason: 'x' }]) {
      await expectError(await raw(t.mock, `/team/members/${grace.id}/role`, { method: 'PATCH', json }), 422, 'validation_error');
    }
    expect(await snapshot()).toBe(before);
  });

  test('a member’s raw request is refused with 401 not_authorized too', async () => {
    const member = t.mock.createUser();
    const headers = { authorization: `Bearer ${member.apiKey}` };
    const body = await expectError(await raw(t.mock, '/team/members', { headers }), 401, 'not_authorized');
    expect(body).toMatchObject({ type: 'not_authorized_error' });
    await expectError(
      await raw(t.mock, '/team/members/invite', { method: 'POST', headers, json: { emailAddress: 'x@example.com', role: 'org:admin' } }),
      401,
      'not_authorized',
    );
    // The role is checked before the body: a member learns nothing about what a valid invite is.
    await expectError(await raw(t.mock, '/team/members/invite', { method: 'POST', headers, json: { emailAddress: 'nope' } }), 401, 'not_authorized');
  });
});

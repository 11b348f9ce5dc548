import type { MemberInviteParams, MemberRole } from '../../src/schemas/team.js';
import { badRequest, conflict, MockApiError, notFound } from './errors.js';
import { newId } from './ids.js';
import type { Actor, InvitationRecord, Millis, MockState, OrgRecord, UserRecord } from './state.js';

/** Whether the key's owner is an admin of the org (team endpoints, redacting others' updates). */
export const isAdmin = (org: OrgRecord, actor: Actor): boolean =>
  actor.orgId === org.id && org.users.get(actor.userId)?.role === 'org:admin';

/** The docs answer a non-admin on a team endpoint with 401 `not_authorized` (not 403). */
export const requireAdmin = (org: OrgRecord, actor: Actor): void => {
  if (!isAdmin(org, actor)) {
    throw new MockApiError(401, 'not_authorized_error', 'not_authorized', 'Only an organization admin (org:admin) may do this.');
  }
};

/** Emails are compared case-insensitively: `Ada@Example.com` and `ada@example.com` are one person. */
const sameEmail = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export const listMembers = (org: OrgRecord): UserRecord[] => [...org.users.values()];

export const listInvitations = (org: OrgRecord): InvitationRecord[] => [...org.invitations.values()];

export const getMember = (org: OrgRecord, userId: string): UserRecord => {
  const user = org.users.get(userId);
  if (!user) throw notFound('member');
  return user;
};

/** One member per email address in an org: an invitation, a test helper's user and a seeded user alike. */
export const assertNotMember = (org: OrgRecord, email: string) => {
  if (listMembers(org).some((user) => sameEmail(user.email, email))) {
    throw conflict('already_member', `${email} is already a member of this organization.`);
  }
};

export const inviteMember = (state: MockState, org: OrgRecord, input: MemberInviteParams, now: Millis): InvitationRecord => {
  assertNotMember(org, input.emailAddress);
  if (listInvitations(org).some((invitation) => sameEmail(invitation.emailAddress, input.emailAddress))) {
    throw conflict('invitation_exists', `${input.emailAddress} already has a pending invitation; revoke it to invite again.`);
  }
  const invitation: InvitationRecord = {
    id: newId(state.random, 'inv'),
    orgId: org.id,
    emailAddress: input.emailAddress,
    role: input.role,
    status: 'pending',
    createdAt: now,
  };
  org.invitations.set(invitation.id, invitation);
  return invitation;
};

/**
 * Nobody changes their own role, so the admin making the call stays one: an org never loses its
 * last admin this way.
 */
export const updateMemberRole = (org: OrgRecord, actor: Actor, userId: string, role: MemberRole): UserRecord => {
  if (userId === actor.userId) throw badRequest('cannot_change_own_role', 'You cannot change your own role; ask another admin.');
  const user = getMember(org, userId);
  user.role = role;
  return user;
};

/** Removes the member and revokes every API key of theirs: their next request is 401 `invalid_api_key`. */
export const removeMember = (state: MockState, org: OrgRecord, actor: Actor, userId: string): UserRecord => {
  if (userId === actor.userId) throw badRequest('cannot_remove_self', 'You cannot remove yourself; ask another admin.');
  const user = getMember(org, userId);
  org.users.delete(userId);
  for (const [key, owner] of state.apiKeys) {
    if (owner.orgId === org.id && owner.userId === userId) state.apiKeys.delete(key);
  }
  return user;
};

export const revokeInvitation = (org: OrgRecord, invitationId: string): InvitationRecord => {
  const invitation = org.invitations.get(invitationId);
  if (!invitation) throw notFound('invitation');
  org.invitations.delete(invitationId);
  return invitation;
};

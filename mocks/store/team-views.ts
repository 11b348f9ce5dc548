import type { Invitation, Member, User } from '../../src/schemas/team.js';
import type { InvitationRecord, UserRecord } from './state.js';
import { iso } from './views.js';

/** The mock has no avatars: `imageUrl` is always `null`. */
export const memberView = (user: UserRecord): Member => ({
  id: user.id,
  email: user.email,
  firstName: user.firstName,
  lastName: user.lastName,
  imageUrl: null,
  role: user.role,
  joinedAt: iso(user.joinedAt),
});

export const invitationView = (invitation: InvitationRecord): Invitation => ({
  id: invitation.id,
  emailAddress: invitation.emailAddress,
  role: invitation.role,
  status: invitation.status,
  createdAt: iso(invitation.createdAt),
});

/** `GET /users` is the short form: no role, no avatar. */
export const userView = (user: UserRecord): User => ({
  id: user.id,
  firstName: user.firstName,
  lastName: user.lastName,
  email: user.email,
});

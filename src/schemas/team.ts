import * as z from 'zod/mini';
import { dataEnvelope, Id, PathId, Timestamp } from './common.js';

// The two roles of an organization (digest §6). Team endpoints need `org:admin`.
export const MemberRole = z.enum(['org:admin', 'org:member'], { error: 'must be org:admin or org:member' });

// `/team/members/{userId}`
export const MemberPathParams = z.strictObject({ userId: PathId });

// `/team/members/invitations/{invitationId}`
export const InvitationPathParams = z.strictObject({ invitationId: PathId });

/** An email address, as invitations (hence members) have it. */
export const EmailAddress = z
  .email({ error: 'must be a valid email address' })
  .check(z.maxLength(320, 'must be at most 320 characters'));

// Body of `POST /team/members/invite`. `role` is required: an invitation never guesses a role.
export const MemberInviteParams = z.strictObject({
  emailAddress: EmailAddress,
  role: MemberRole,
});

// Body of `PATCH /team/members/{userId}/role`.
export const MemberRoleUpdateParams = z.strictObject({ role: MemberRole });

// A member of the organization as `GET /team/members` returns it (unknown fields are kept).
export const Member = z.looseObject({
  id: Id,
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  imageUrl: z.nullable(z.string()),
  role: MemberRole,
  joinedAt: Timestamp,
});

// An invitation not yet accepted. Accepted ones become members; revoked ones are gone.
export const Invitation = z.looseObject({
  id: Id,
  emailAddress: z.string(),
  role: MemberRole,
  status: z.literal('pending'),
  createdAt: Timestamp,
});

// `GET /team/members`: the members, and the invitations still pending.
export const MemberList = z.looseObject({
  members: z.array(Member),
  invitations: z.array(Invitation),
});

// A user of the organization as `GET /users` returns it: any name part may be unknown.
export const User = z.looseObject({
  id: Id,
  firstName: z.nullable(z.string()),
  lastName: z.nullable(z.string()),
  email: z.nullable(z.string()),
});

export const MemberResponse = dataEnvelope(Member);
export const MemberListResponse = dataEnvelope(MemberList);
export const InvitationResponse = dataEnvelope(Invitation);
export const UserListResponse = dataEnvelope(z.looseObject({ users: z.array(User) }));

// Types generated from the schemas above and their docs (./docs/) by `npm run types:schemas`: do not edit
// below this line (test/schema-types.test.ts fails when it is stale).

/** A member’s role. Only an `org:admin` may call the team endpoints. */
export type MemberRole = 'org:admin' | 'org:member';

/** The path parameters of `/team/members/{userId}`. */
export interface MemberPathParams {
  /** The member’s user id. A non-empty string. */
  userId: string;
}

/** The path parameters of `/team/members/invitations/{invitationId}`. */
export interface InvitationPathParams {
  /** The invitation’s id. A non-empty string. */
  invitationId: string;
}

/** The body of `team.members.invite`. */
export interface MemberInviteParams {
  /**
   * Who to invite. Compared with members and pending invitations case-insensitively. An email address of at
   * most 320 characters.
   */
  emailAddress: string;
  /** The role they get when they accept: required. */
  role: MemberRole;
}

/** The body of `team.members.updateRole`. */
export interface MemberRoleUpdateParams {
  /** The new role. Nobody can change their own. */
  role: MemberRole;
}

/** A member of the organization, as `team.members.list` returns it. */
export interface Member {
  /** The member’s user id. */
  id: string;
  /** Their email address. */
  email: string;
  /** Their first name. */
  firstName: string;
  /** Their last name. */
  lastName: string;
  /** The URL of their picture, or `null`. */
  imageUrl: string | null;
  /** Their role. */
  role: MemberRole;
  /** When they joined (ISO 8601). */
  joinedAt: string;
}

/** An invitation not accepted yet. Accepted ones become members; revoked ones are gone. */
export interface Invitation {
  /** The invitation’s id. */
  id: string;
  /** Who was invited. */
  emailAddress: string;
  /** The role they get when they accept. */
  role: MemberRole;
  /** Always `'pending'`. */
  status: 'pending';
  /** When it was created (ISO 8601, UTC). */
  createdAt: string;
}

/** What `team.members.list` returns: the members, and the invitations still pending. */
export interface MemberList {
  /** The members. */
  members: Member[];
  /** The pending invitations. */
  invitations: Invitation[];
}

/** A user of the organization, as `users.list` returns it: any part of it may be unknown. */
export interface User {
  /** The user’s id. */
  id: string;
  /** Their first name, or `null`. */
  firstName: string | null;
  /** Their last name, or `null`. */
  lastName: string | null;
  /** Their email address, or `null`. */
  email: string | null;
}

/** A response body as the API sends it: `{ data: Member }`. The SDK’s methods resolve to the `data`. */
export interface MemberResponse {
  /** The member. */
  data: Member;
}

/** A response body as the API sends it: `{ data: MemberList }`. The SDK’s methods resolve to the `data`. */
export interface MemberListResponse {
  /** The members and pending invitations. */
  data: MemberList;
}

/** A response body as the API sends it: `{ data: Invitation }`. The SDK’s methods resolve to the `data`. */
export interface InvitationResponse {
  /** The invitation. */
  data: Invitation;
}

/**
 * A response body as the API sends it: `{ data: { users: User[] } }`. The SDK’s methods resolve to the
 * `data`.
 */
export interface UserListResponse {
  /** The users. */
  data: {
    /** Every user of the organization. */
    users: User[];
  };
}

import * as z from 'zod/mini';
import { dataEnvelope, Id, PathId, Timestamp, type Known } from './common.js';

/** The two roles of an organization (digest §6). Team endpoints need `org:admin`. */
export const MemberRole = z.enum(['org:admin', 'org:member'], { error: 'must be org:admin or org:member' });
export type MemberRole = Known<z.infer<typeof MemberRole>>;

/** `/team/members/{userId}` */
export const MemberPathParams = z.strictObject({ userId: PathId });
export type MemberPathParams = Known<z.infer<typeof MemberPathParams>>;

/** `/team/members/invitations/{invitationId}` */
export const InvitationPathParams = z.strictObject({ invitationId: PathId });
export type InvitationPathParams = Known<z.infer<typeof InvitationPathParams>>;

/** An email address, as invitations (hence members) have it. */
export const EmailAddress = z
  .email({ error: 'must be a valid email address' })
  .check(z.maxLength(320, 'must be at most 320 characters'));

/** Body of `POST /team/members/invite`. `role` is required: an invitation never guesses a role. */
export const MemberInviteParams = z.strictObject({
  emailAddress: EmailAddress,
  role: MemberRole,
});
export type MemberInviteParams = z.input<typeof MemberInviteParams>;

/** Body of `PATCH /team/members/{userId}/role`. */
export const MemberRoleUpdateParams = z.strictObject({ role: MemberRole });
export type MemberRoleUpdateParams = z.input<typeof MemberRoleUpdateParams>;

/** A member of the organization as `GET /team/members` returns it (unknown fields are kept). */
export const Member = z.looseObject({
  id: Id,
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  imageUrl: z.nullable(z.string()),
  role: MemberRole,
  joinedAt: Timestamp,
});
export type Member = Known<z.infer<typeof Member>>;

/** An invitation not yet accepted. Accepted ones become members; revoked ones are gone. */
export const Invitation = z.looseObject({
  id: Id,
  emailAddress: z.string(),
  role: MemberRole,
  status: z.literal('pending'),
  createdAt: Timestamp,
});
export type Invitation = Known<z.infer<typeof Invitation>>;

/** `GET /team/members`: the members, and the invitations still pending. */
export const MemberList = z.looseObject({
  members: z.array(Member),
  invitations: z.array(Invitation),
});
export type MemberList = Known<z.infer<typeof MemberList>>;

/** A user of the organization as `GET /users` returns it: any name part may be unknown. */
export const User = z.looseObject({
  id: Id,
  firstName: z.nullable(z.string()),
  lastName: z.nullable(z.string()),
  email: z.nullable(z.string()),
});
export type User = Known<z.infer<typeof User>>;

export const MemberResponse = dataEnvelope(Member);
export const MemberListResponse = dataEnvelope(MemberList);
export const InvitationResponse = dataEnvelope(Invitation);
export const UserListResponse = dataEnvelope(z.looseObject({ users: z.array(User) }));

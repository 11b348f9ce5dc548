import { CREATED_AT, type DocsOf, envelope } from './shared.js';

export const teamDocs: DocsOf<
  | 'MemberRole'
  | 'MemberPathParams'
  | 'InvitationPathParams'
  | 'MemberInviteParams'
  | 'MemberRoleUpdateParams'
  | 'Member'
  | 'Invitation'
  | 'MemberList'
  | 'User'
  | 'MemberResponse'
  | 'MemberListResponse'
  | 'InvitationResponse'
  | 'UserListResponse'
> = {
  MemberRole: { summary: 'A member’s role. Only an `org:admin` may call the team endpoints.' },
  MemberPathParams: { summary: 'The path parameters of `/team/members/{userId}`.', fields: { userId: 'The member’s user id.' } },
  InvitationPathParams: {
    summary: 'The path parameters of `/team/members/invitations/{invitationId}`.',
    fields: { invitationId: 'The invitation’s id.' },
  },
  MemberInviteParams: {
    summary: 'The body of `team.members.invite`.',
    fields: {
      emailAddress: 'Who to invite. Compared with members and pending invitations case-insensitively.',
      role: 'The role they get when they accept: required.',
    },
  },
  MemberRoleUpdateParams: { summary: 'The body of `team.members.updateRole`.', fields: { role: 'The new role. Nobody can change their own.' } },
  Member: {
    summary: 'A member of the organization, as `team.members.list` returns it.',
    fields: {
      id: 'The member’s user id.',
      email: 'Their email address.',
      firstName: 'Their first name.',
      lastName: 'Their last name.',
      imageUrl: 'The URL of their picture, or `null`.',
      role: 'Their role.',
      joinedAt: 'When they joined (ISO 8601).',
    },
  },
  Invitation: {
    summary: 'An invitation not accepted yet. Accepted ones become members; revoked ones are gone.',
    fields: {
      id: 'The invitation’s id.',
      emailAddress: 'Who was invited.',
      role: 'The role they get when they accept.',
      status: 'Always `\'pending\'`.',
      createdAt: CREATED_AT,
    },
  },
  MemberList: {
    summary: 'What `team.members.list` returns: the members, and the invitations still pending.',
    fields: { members: 'The members.', invitations: 'The pending invitations.' },
  },
  User: {
    summary: 'A user of the organization, as `users.list` returns it: any part of it may be unknown.',
    fields: {
      id: 'The user’s id.',
      firstName: 'Their first name, or `null`.',
      lastName: 'Their last name, or `null`.',
      email: 'Their email address, or `null`.',
    },
  },
  MemberResponse: envelope('Member', 'The member.'),
  MemberListResponse: envelope('MemberList', 'The members and pending invitations.'),
  InvitationResponse: envelope('Invitation', 'The invitation.'),
  UserListResponse: {
    ...envelope('{ users: User[] }', 'The users.'),
    fields: { data: 'The users.', 'data.users': 'Every user of the organization.' },
  },
};

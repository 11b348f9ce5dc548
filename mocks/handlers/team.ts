import {
  InvitationPathParams,
  MemberInviteParams,
  MemberPathParams,
  MemberRoleUpdateParams,
} from '../../src/schemas/team.js';
import {
  inviteMember,
  listInvitations,
  listMembers,
  removeMember,
  requireAdmin,
  revokeInvitation,
  updateMemberRole,
} from '../store/team.js';
import { invitationView, memberView, userView } from '../store/team-views.js';
import { route, type MockContext } from './route.js';

/** The invite reference documents 400 with the code `invalid_request_error` for a missing or invalid body. */
const inviteIssue = () => 'invalid_request_error';

/** Team routes are for admins: the role is checked before the body, so a member learns nothing else. */
export const teamHandlers = (ctx: MockContext) => [
  route(ctx, {
    method: 'get',
    path: '/team/members',
    authorize: requireAdmin,
    handle: ({ org }) => ({
      body: { data: { members: listMembers(org).map(memberView), invitations: listInvitations(org).map(invitationView) } },
    }),
  }),
  route(ctx, {
    method: 'post',
    path: '/team/members/invite',
    authorize: requireAdmin,
    body: MemberInviteParams,
    issueCode: inviteIssue,
    handle: ({ state, org, body, now }) => ({ status: 201, body: { data: invitationView(inviteMember(state, org, body, now)) } }),
  }),
  // `invitations/:invitationId` has two segments, so it never meets `:userId` below.
  route(ctx, {
    method: 'delete',
    path: '/team/members/invitations/:invitationId',
    authorize: requireAdmin,
    params: InvitationPathParams,
    handle: ({ org, params }) => {
      revokeInvitation(org, params.invitationId);
      return { body: { success: true } };
    },
  }),
  route(ctx, {
    method: 'patch',
    path: '/team/members/:userId/role',
    authorize: requireAdmin,
    params: MemberPathParams,
    body: MemberRoleUpdateParams,
    handle: ({ org, actor, params, body }) => ({ body: { data: memberView(updateMemberRole(org, actor, params.userId, body.role)) } }),
  }),
  route(ctx, {
    method: 'delete',
    path: '/team/members/:userId',
    authorize: requireAdmin,
    params: MemberPathParams,
    handle: ({ state, org, actor, params }) => {
      removeMember(state, org, actor, params.userId);
      return { body: { success: true } };
    },
  }),
  // Not a team endpoint: any member may list the org's users.
  route(ctx, {
    method: 'get',
    path: '/users',
    handle: ({ org }) => ({ body: { data: { users: listMembers(org).map(userView) } } }),
  }),
];

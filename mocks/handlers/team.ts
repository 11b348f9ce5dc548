import type { EndpointTable } from '../../src/endpoints/index.js';
import {
  inviteMember,
  listInvitations,
  listMembers,
  removeMember,
  revokeInvitation,
  updateMemberRole,
} from '../store/team.js';
import { invitationView, memberView, userView } from '../store/team-views.js';
import type { RouteHandles } from './route.js';

/** Team routes are for admins (`access: 'admin'` in the table): checked before the body, so a member learns nothing else. */
export const teamRoutes: RouteHandles<EndpointTable['team']> = {
  listMembers: ({ org }) => ({ data: { members: listMembers(org).map(memberView), invitations: listInvitations(org).map(invitationView) } }),
  invite: ({ state, org, body, now }) => ({ data: invitationView(inviteMember(state, org, body, now)) }),
  revokeInvitation: ({ org, params }) => {
    revokeInvitation(org, params.invitationId);
    return { success: true };
  },
  updateRole: ({ org, actor, params, body }) => ({ data: memberView(updateMemberRole(org, actor, params.userId, body.role)) }),
  removeMember: ({ state, org, actor, params }) => {
    removeMember(state, org, actor, params.userId);
    return { success: true };
  },
};

/** Not a team endpoint: any member may list the org's users. */
export const userRoutes: RouteHandles<EndpointTable['users']> = {
  list: ({ org }) => ({ data: { users: listMembers(org).map(userView) } }),
};

import { DeleteResponse } from '../schemas/common.js';
import {
  InvitationPathParams,
  InvitationResponse,
  MemberInviteParams,
  MemberListResponse,
  MemberPathParams,
  MemberResponse,
  MemberRoleUpdateParams,
  UserListResponse,
} from '../schemas/team.js';
import { endpoint } from './endpoint.js';

const MEMBERS = '/team/members';

/** Every team endpoint needs an `org:admin` key; the role is checked before the body. */
export const teamEndpoints = {
  listMembers: endpoint({
    name: 'team.members.list', method: 'get', path: MEMBERS, tag: 'Team', summary: 'List members and pending invitations', access: 'admin',
    response: MemberListResponse, unwrap: ['data'], returns: '`MemberList` (`{ members, invitations }`, pending invitations only)',
  }),
  invite: endpoint({
    name: 'team.members.invite', method: 'post', path: `${MEMBERS}/invite`, tag: 'Team', summary: 'Invite someone by email', access: 'admin',
    description: 'Validation errors are 400 `invalid_request_error`.',
    // The invite reference documents 400 with the code `invalid_request_error` for a missing or invalid body.
    body: MemberInviteParams, badRequestCodes: [{ code: 'invalid_request_error' }], status: 201, response: InvitationResponse, unwrap: ['data'],
    returns: "`Invitation` (`status: 'pending'`)",
  }),
  revokeInvitation: endpoint({
    name: 'team.invitations.revoke', method: 'delete', path: `${MEMBERS}/invitations/{invitationId}`, tag: 'Team', summary: 'Revoke a pending invitation', access: 'admin',
    params: InvitationPathParams, response: DeleteResponse, unwrap: [], returns: '`void`',
  }),
  updateRole: endpoint({
    name: 'team.members.updateRole', method: 'patch', path: `${MEMBERS}/{userId}/role`, tag: 'Team', summary: "Change a member's role", access: 'admin',
    params: MemberPathParams, body: MemberRoleUpdateParams, response: MemberResponse, unwrap: ['data'], returns: '`Member`',
  }),
  removeMember: endpoint({
    name: 'team.members.remove', method: 'delete', path: `${MEMBERS}/{userId}`, tag: 'Team', summary: 'Remove a member', access: 'admin',
    params: MemberPathParams, response: DeleteResponse, unwrap: [], returns: '`void`',
  }),
} as const;

export const userEndpoints = {
  list: endpoint({
    name: 'users.list', method: 'get', path: '/users', tag: 'Users', summary: "List the organization's users",
    response: UserListResponse, unwrap: ['data', 'users'], returns: '`User[]` (`{ id, firstName, lastName, email }`)',
  }),
} as const;

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
import { endpoint, type EndpointDocsOf } from './endpoint.js';

const MEMBERS = '/team/members';

/** Every team endpoint needs an `org:admin` key; the role is checked before the body. */
export const teamEndpoints = {
  listMembers: endpoint({
    name: 'team.members.list', method: 'get', path: MEMBERS, access: 'admin',
    response: MemberListResponse, unwrap: ['data'],
  }),
  invite: endpoint({
    name: 'team.members.invite', method: 'post', path: `${MEMBERS}/invite`, access: 'admin',
    // The invite reference documents 400 with the code `invalid_request_error` for a missing or invalid body.
    body: MemberInviteParams, badRequestCodes: [{ code: 'invalid_request_error' }], status: 201, response: InvitationResponse, unwrap: ['data'],
  }),
  revokeInvitation: endpoint({
    name: 'team.invitations.revoke', method: 'delete', path: `${MEMBERS}/invitations/{invitationId}`, access: 'admin',
    params: InvitationPathParams, response: DeleteResponse, unwrap: [],
  }),
  updateRole: endpoint({
    name: 'team.members.updateRole', method: 'patch', path: `${MEMBERS}/{userId}/role`, access: 'admin',
    params: MemberPathParams, body: MemberRoleUpdateParams, response: MemberResponse, unwrap: ['data'],
  }),
  removeMember: endpoint({
    name: 'team.members.remove', method: 'delete', path: `${MEMBERS}/{userId}`, access: 'admin',
    params: MemberPathParams, response: DeleteResponse, unwrap: [],
  }),
} as const;

export const userEndpoints = {
  list: endpoint({
    name: 'users.list', method: 'get', path: '/users',
    response: UserListResponse, unwrap: ['data', 'users'],
  }),
} as const;

// The prose of each endpoint, for the OpenAPI document and the method reference. Kept apart from the
// entries above so that the client bundle, which imports only the entries, ships none of it.
export const teamDocs: EndpointDocsOf<typeof teamEndpoints> = {
  listMembers: {
    tag: 'Team',
    summary: 'List members and pending invitations',
    returns: '`MemberList` (`{ members, invitations }`, pending invitations only)',
    details: 'Admins only (`org:admin`; a member\'s key is 401 `not_authorized`): every member with their role, and the invitations not yet accepted.',
  },
  invite: {
    tag: 'Team',
    summary: 'Invite someone by email',
    description: 'Validation errors are 400 `invalid_request_error`.',
    returns: '`Invitation` (`status: \'pending\'`)',
    errors: { 409: ['already_member', 'invitation_exists'] },
  },
  revokeInvitation: {
    tag: 'Team',
    summary: 'Revoke a pending invitation',
    returns: '`void`',
    details: 'Admins only. The invitation is gone; 404 `not_found` for one that is not pending in the organization.',
    errors: { 404: ['not_found'] },
  },
  updateRole: {
    tag: 'Team',
    summary: 'Change a member\'s role',
    returns: '`Member`',
    details: 'Admins only. An admin cannot change their own role (400 `cannot_change_own_role`).',
    errors: { 400: ['cannot_change_own_role'], 404: ['not_found'] },
  },
  removeMember: {
    tag: 'Team',
    summary: 'Remove a member',
    returns: '`void`',
    details: 'Admins only. An admin cannot remove themselves (400 `cannot_remove_self`).',
    errors: { 400: ['cannot_remove_self'], 404: ['not_found'] },
  },
};

export const userDocs: EndpointDocsOf<typeof userEndpoints> = {
  list: {
    tag: 'Users',
    summary: 'List the organization\'s users',
    returns: '`User[]` (`{ id, firstName, lastName, email }`)',
    details: 'Any member may call it: every user of the organization with the name parts and email the platform knows (each may be `null`).',
  },
};

import { buildPath } from '../core/path.js';
import type { Http } from '../core/http.js';
import { parseOrThrow, type RequestOptions } from '../core/request-options.js';
import { DeleteResponse } from '../schemas/common.js';
import {
  type Invitation,
  InvitationPathParams,
  InvitationResponse,
  type Member,
  MemberInviteParams,
  type MemberList,
  MemberListResponse,
  MemberPathParams,
  MemberResponse,
  MemberRoleUpdateParams,
} from '../schemas/team.js';

const MEMBERS = '/team/members';
const MEMBER = '/team/members/{userId}';
const INVITATION = '/team/members/invitations/{invitationId}';

/** `scaling.team.members`: who is in the organization, and inviting more. Admin keys only. */
export class TeamMembers {
  readonly #http: Http;

  constructor(http: Http) {
    this.#http = http;
  }

  /** The members, and the invitations still pending. */
  async list(options?: RequestOptions): Promise<MemberList> {
    return (await this.#http.request({ method: 'get', path: MEMBERS, response: MemberListResponse, options })).data;
  }

  /** Invites someone by email with a role. Refused if they are already a member or already invited. */
  async invite(params: MemberInviteParams, options?: RequestOptions): Promise<Invitation> {
    const body = parseOrThrow(MemberInviteParams, params);
    return (await this.#http.request({ method: 'post', path: `${MEMBERS}/invite`, body, response: InvitationResponse, options })).data;
  }

  /** Changes a member's role. Your own role cannot be changed (so an organization always keeps an admin). */
  async updateRole(userId: string, params: MemberRoleUpdateParams, options?: RequestOptions): Promise<Member> {
    const path = buildPath(`${MEMBER}/role`, MemberPathParams, { userId });
    const body = parseOrThrow(MemberRoleUpdateParams, params);
    return (await this.#http.request({ method: 'patch', path, body, response: MemberResponse, options })).data;
  }

  /** Removes a member; their API keys stop working at once. You cannot remove yourself. */
  async remove(userId: string, options?: RequestOptions): Promise<void> {
    const path = buildPath(MEMBER, MemberPathParams, { userId });
    await this.#http.request({ method: 'delete', path, response: DeleteResponse, options });
  }
}

/** `scaling.team.invitations`: pending invitations (listed by `team.members.list()`). Admin keys only. */
export class TeamInvitations {
  readonly #http: Http;

  constructor(http: Http) {
    this.#http = http;
  }

  /** Revokes a pending invitation: its link stops working. */
  async revoke(invitationId: string, options?: RequestOptions): Promise<void> {
    const path = buildPath(INVITATION, InvitationPathParams, { invitationId });
    await this.#http.request({ method: 'delete', path, response: DeleteResponse, options });
  }
}

/** `scaling.team`: members and invitations. Every call needs a key of an `org:admin` user (else 401 `not_authorized`). */
export class Team {
  readonly members: TeamMembers;
  readonly invitations: TeamInvitations;

  constructor(http: Http) {
    this.members = new TeamMembers(http);
    this.invitations = new TeamInvitations(http);
  }
}

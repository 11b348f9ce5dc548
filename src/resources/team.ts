import type { Http } from '../core/http.js';
import type { RequestOptions } from '../core/request-options.js';
import type { ScalingPromise } from '../core/scaling-promise.js';
import { teamEndpoints as endpoints } from '../endpoints/team.js';
import type { Invitation, Member, MemberInviteParams, MemberList, MemberRoleUpdateParams } from '../schemas/team.js';

/** `scaling.team.members`: who is in the organization, and inviting more. Admin keys only. */
export class TeamMembers {
  readonly #http: Http;

  /** @internal The client makes its resources: `new Scaling()` or `new ScalingPolicies()`. */
  constructor(http: Http) {
    this.#http = http;
  }

  /** The members, and the invitations still pending. */
  list(options?: RequestOptions): ScalingPromise<MemberList> {
    return this.#http.call(endpoints.listMembers, {}, options);
  }

  /** Invites someone by email with a role. Refused if they are already a member or already invited. */
  invite(params: MemberInviteParams, options?: RequestOptions): ScalingPromise<Invitation> {
    return this.#http.call(endpoints.invite, { body: params }, options);
  }

  /** Changes a member's role. Your own role cannot be changed (so an organization always keeps an admin). */
  updateRole(userId: string, params: MemberRoleUpdateParams, options?: RequestOptions): ScalingPromise<Member> {
    return this.#http.call(endpoints.updateRole, { params: { userId }, body: params }, options);
  }

  /** Removes a member; their API keys stop working at once. You cannot remove yourself. */
  remove(userId: string, options?: RequestOptions): ScalingPromise<void> {
    return this.#http.callVoid(endpoints.removeMember, { params: { userId } }, options);
  }
}

/** `scaling.team.invitations`: pending invitations (listed by `team.members.list()`). Admin keys only. */
export class TeamInvitations {
  readonly #http: Http;

  /** @internal The client makes its resources: `new Scaling()` or `new ScalingPolicies()`. */
  constructor(http: Http) {
    this.#http = http;
  }

  /** Revokes a pending invitation: its link stops working. */
  revoke(invitationId: string, options?: RequestOptions): ScalingPromise<void> {
    return this.#http.callVoid(endpoints.revokeInvitation, { params: { invitationId } }, options);
  }
}

/** `scaling.team`: members and invitations. Every call needs a key of an `org:admin` user (else 401 `not_authorized`). */
export class Team {
  readonly members: TeamMembers;
  readonly invitations: TeamInvitations;

  /** @internal The client makes its resources: `new Scaling()` or `new ScalingPolicies()`. */
  constructor(http: Http) {
    this.members = new TeamMembers(http);
    this.invitations = new TeamInvitations(http);
  }
}

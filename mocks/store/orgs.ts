import type { MemberRole } from '../../src/schemas/team.js';
import { MockApiError, notFound } from './errors.js';
import { newApiKey, newId } from './ids.js';
import { addDefaultRoutingPolicy } from './routing.js';
import type { Actor, Millis, MockState, OrgRecord, UserRecord } from './state.js';

export type NewUser = { firstName?: string; lastName?: string; email?: string; role?: MemberRole };

/** `now` stamps the org's default routing policy. */
export const createOrgRecord = (state: MockState, name: string, now: Millis = 0): OrgRecord => {
  const org: OrgRecord = {
    id: newId(state.random, 'org'),
    name,
    users: new Map(),
    invitations: new Map(),
    schedules: new Map(),
    policies: new Map(),
    components: new Map(),
    statusPages: new Map(),
    workingHours: new Map(),
    routingPolicies: new Map(),
    inboundIntegrations: new Map(),
    incidents: new Map(),
    incidentSeq: 0,
  };
  addDefaultRoutingPolicy(org, now);
  state.orgs.set(org.id, org);
  return org;
};

export const issueApiKey = (state: MockState, actor: Actor, key = newApiKey(state.random)): string => {
  state.apiKeys.set(key, actor);
  return key;
};

export const addUser = (state: MockState, org: OrgRecord, input: NewUser, now: Millis): UserRecord => {
  const id = newId(state.random, 'user');
  const n = org.users.size + 1;
  const user: UserRecord = {
    id,
    orgId: org.id,
    firstName: input.firstName ?? 'User',
    lastName: input.lastName ?? String(n),
    email: input.email ?? `${id}@example.com`,
    role: input.role ?? 'org:member',
    joinedAt: now,
  };
  org.users.set(id, user);
  return user;
};

export const getOrg = (state: MockState, orgId: string): OrgRecord => {
  const org = state.orgs.get(orgId);
  if (!org) throw notFound('organization');
  return org;
};

/**
 * `Authorization: Bearer <key>` → the key's owner. A header that is absent or does not start
 * with `Bearer ` is `missing_authorization_header`; an unknown or revoked key is `invalid_api_key`.
 */
/** `Bearer <key>`; the scheme is case-insensitive (RFC 9110 §11.1), spaces after it are not counted. */
const BEARER = /^bearer +(\S.*)$/i;

export const authenticate = (state: MockState, header: string | null): Actor => {
  const key = header === null ? undefined : BEARER.exec(header)?.[1];
  if (key === undefined) {
    throw new MockApiError(401, 'not_authorized_error', 'missing_authorization_header',
      'Send the header `Authorization: Bearer <API key>`.');
  }
  const actor = state.apiKeys.get(key.trim());
  if (!actor) throw new MockApiError(401, 'not_authorized_error', 'invalid_api_key', 'The API key is invalid or has been revoked.');
  return actor;
};

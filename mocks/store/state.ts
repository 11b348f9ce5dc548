import type { LayerTarget } from '../../src/schemas/policy-layers.js';
import { createRandom, type Random } from './ids.js';

/** Times are epoch milliseconds from the mock's clock; views turn them into ISO strings. */
export type Millis = number;

export type MemberRole = 'org:admin' | 'org:member';

export type UserRecord = {
  id: string;
  orgId: string;
  email: string;
  firstName: string;
  lastName: string;
  role: MemberRole;
  joinedAt: Millis;
};

export type ScheduleRecord = {
  id: string;
  orgId: string;
  name: string;
  description: string | null;
  timezone: string;
  createdBy: string;
  createdAt: Millis;
  updatedAt: Millis;
};

export type LayerRecord = {
  id: string;
  policyId: string;
  orgId: string;
  ackTimeoutMinutes: number;
  target: LayerTarget;
  createdAt: Millis;
  updatedAt: Millis;
};

/** A policy owns its layers in position order: position is the index + 1, so it is always 1..n. */
export type PolicyRecord = {
  id: string;
  orgId: string;
  name: string;
  description: string | null;
  createdBy: string;
  createdAt: Millis;
  updatedAt: Millis;
  layers: LayerRecord[];
};

export type OrgRecord = {
  id: string;
  name: string;
  users: Map<string, UserRecord>;
  schedules: Map<string, ScheduleRecord>;
  policies: Map<string, PolicyRecord>;
};

/** Who a request acts as: the owner of the API key it carries. */
export type Actor = { orgId: string; userId: string };

/** All of one mock's data. Nothing in it is shared with another mock. */
export type MockState = {
  orgs: Map<string, OrgRecord>;
  apiKeys: Map<string, Actor>;
  /** Ids and keys come from their own stream, so reads (which need request ids) never shift them. */
  random: Random;
  requestIdRandom: Random;
};

export const createState = (seed: number): MockState => ({
  orgs: new Map(),
  apiKeys: new Map(),
  random: createRandom(seed),
  requestIdRandom: createRandom(seed ^ 0x5bd1e995),
});

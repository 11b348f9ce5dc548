import type { PolicyCreateParams, PolicyUpdateParams } from '../../src/schemas/policies.js';
import { stopEscalationsOf } from '../engine/escalation.js';
import { conflict, notFound } from './errors.js';
import { newId } from './ids.js';
import { assertEscalationPolicyUnrouted } from './routing.js';
import type { Actor, Millis, MockState, OrgRecord, PolicyRecord } from './state.js';

/** Names are unique per organization, compared exactly (case and spaces count). */
const assertNameFree = (org: OrgRecord, name: string, except?: string) => {
  for (const policy of org.policies.values()) {
    if (policy.name === name && policy.id !== except) {
      throw conflict('name_conflict', `A policy named "${name}" already exists in this organization.`);
    }
  }
};

export const getPolicy = (org: OrgRecord, policyId: string): PolicyRecord => {
  const policy = org.policies.get(policyId);
  if (!policy) throw notFound('policy');
  return policy;
};

export const listPolicies = (org: OrgRecord): PolicyRecord[] => [...org.policies.values()];

export const createPolicy = (state: MockState, org: OrgRecord, actor: Actor, input: PolicyCreateParams, now: Millis): PolicyRecord => {
  assertNameFree(org, input.name);
  const policy: PolicyRecord = {
    id: newId(state.random, 'pol'),
    orgId: org.id,
    name: input.name,
    description: input.description ?? null,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
    layers: [],
  };
  org.policies.set(policy.id, policy);
  return policy;
};

export const updatePolicy = (org: OrgRecord, policyId: string, input: PolicyUpdateParams, now: Millis): PolicyRecord => {
  const policy = getPolicy(org, policyId);
  if (input.name !== undefined) assertNameFree(org, input.name, policy.id);
  if (input.name !== undefined) policy.name = input.name;
  if (input.description !== undefined) policy.description = input.description;
  policy.updatedAt = now;
  return policy;
};

/**
 * Deletes the policy and its layers; incidents escalating under it stop escalating. Refused while a
 * routing rule names it (409 `escalation_policy_in_use`).
 */
export const deletePolicy = (state: MockState, org: OrgRecord, policyId: string, now: Millis): PolicyRecord => {
  const policy = getPolicy(org, policyId);
  assertEscalationPolicyUnrouted(org, policyId);
  org.policies.delete(policyId);
  stopEscalationsOf(state, org, policyId, now);
  return policy;
};

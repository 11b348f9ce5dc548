import type { PolicyCreateParams, PolicyReplaceParams, PolicyUpdateParams } from '../../src/schemas/policies.js';
import { stopEscalation } from '../engine/escalation.js';
import { assertNameFree, notFound } from './errors.js';
import { newId } from './ids.js';
import { assertStepsInOrg, writeSteps } from './policy-steps.js';
import { assertEscalationPolicyUnrouted } from './routing.js';
import type { Actor, Millis, MockState, OrgRecord, PolicyRecord } from './state.js';

const assertPolicyNameFree = (org: OrgRecord, name: string, except?: string) =>
  assertNameFree(org.policies.values(), name, { kind: 'policy', scope: 'in this organization' }, except);

export const getPolicy = (org: OrgRecord, policyId: string): PolicyRecord => {
  const policy = org.policies.get(policyId);
  if (!policy) throw notFound('policy');
  return policy;
};

export const listPolicies = (org: OrgRecord): PolicyRecord[] => [...org.policies.values()];

export const createPolicy = (state: MockState, org: OrgRecord, actor: Actor, input: PolicyCreateParams, now: Millis): PolicyRecord => {
  assertPolicyNameFree(org, input.name);
  assertStepsInOrg(org, input.steps ?? []);
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
  writeSteps(state, policy, input.steps ?? [], now);
  org.policies.set(policy.id, policy);
  return policy;
};

/** `PUT`: name, description and steps replaced together, after every check has passed. */
export const replacePolicy = (state: MockState, org: OrgRecord, policyId: string, input: PolicyReplaceParams, now: Millis): PolicyRecord => {
  const policy = getPolicy(org, policyId);
  assertPolicyNameFree(org, input.name, policy.id);
  assertStepsInOrg(org, input.steps);
  policy.name = input.name;
  policy.description = input.description;
  writeSteps(state, policy, input.steps, now);
  policy.updatedAt = now;
  return policy;
};

export const updatePolicy = (org: OrgRecord, policyId: string, input: PolicyUpdateParams, now: Millis): PolicyRecord => {
  const policy = getPolicy(org, policyId);
  if (input.name !== undefined) assertPolicyNameFree(org, input.name, policy.id);
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
  for (const incident of org.incidents.values()) {
    if (incident.escalation?.policyId === policyId) stopEscalation(state.engine, incident.escalation, now);
  }
  return policy;
};

import type { LayerCreateParams, LayerTarget, LayerUpdateParams } from '../../src/schemas/policy-layers.js';
import { MAX_LAYERS_PER_POLICY } from '../../src/schemas/policy-layers.js';
import { badRequest, notFound } from './errors.js';
import { newId } from './ids.js';
import { reorderExactly, touchFrom } from './ordered.js';
import { getPolicy } from './policies.js';
import { assertConditionInOrg, conditionRecord } from './policy-steps.js';
import type { LayerRecord, Millis, MockState, OrgRecord, PolicyRecord } from './state.js';

/** A schedule target must name a schedule of the org; a users target only members of the org. */
const assertTargetInOrg = (org: OrgRecord, target: LayerTarget) => {
  if (target.type === 'schedule' && !org.schedules.has(target.scheduleId)) {
    throw badRequest('invalid_target', `target.scheduleId: no schedule ${target.scheduleId} in this organization.`);
  }
  if (target.type === 'users') {
    const strangers = target.userIds.filter((id) => !org.users.has(id));
    if (strangers.length > 0) {
      throw badRequest('invalid_target', `target.userIds: not members of this organization: ${strangers.join(', ')}.`);
    }
  }
};

const findLayer = (policy: PolicyRecord, layerId: string): LayerRecord => {
  const layer = policy.layers.find((candidate) => candidate.id === layerId);
  if (!layer) throw notFound('layer on this policy');
  return layer;
};


/**
 * Inserts at `position`; the layers from there on move down one. A position past the end + 1 is
 * refused (not appended): a mock stricter than the API is safe, a looser one hides bugs.
 */
export const createLayer = (state: MockState, org: OrgRecord, policyId: string, input: LayerCreateParams, now: Millis) => {
  const policy = getPolicy(org, policyId);
  if (policy.layers.length >= MAX_LAYERS_PER_POLICY) {
    throw badRequest('layer_limit_reached', `A policy has at most ${MAX_LAYERS_PER_POLICY} layers.`);
  }
  if (input.position > policy.layers.length + 1) {
    throw badRequest('invalid_position',
      `position: must be from 1 to ${policy.layers.length + 1} (the policy has ${policy.layers.length} layers).`);
  }
  assertTargetInOrg(org, input.target);
  assertConditionInOrg(org, input.condition, 'condition');
  const layer: LayerRecord = {
    id: newId(state.random, 'layer'),
    policyId,
    orgId: org.id,
    ackTimeoutMinutes: input.ackTimeoutMinutes,
    target: input.target,
    condition: conditionRecord(input.condition),
    createdAt: now,
    updatedAt: now,
  };
  policy.layers.splice(input.position - 1, 0, layer);
  touchFrom(policy.layers, input.position, now);
  return { policy, layer };
};

export const updateLayer = (org: OrgRecord, policyId: string, layerId: string, input: LayerUpdateParams, now: Millis) => {
  const policy = getPolicy(org, policyId);
  const layer = findLayer(policy, layerId);
  if (input.target) assertTargetInOrg(org, input.target);
  assertConditionInOrg(org, input.condition, 'condition');
  if (input.condition !== undefined) layer.condition = conditionRecord(input.condition);
  if (input.ackTimeoutMinutes !== undefined) layer.ackTimeoutMinutes = input.ackTimeoutMinutes;
  if (input.target) layer.target = input.target;
  layer.updatedAt = now;
  return { policy, layer };
};

/** Removes the layer; the ones after it move up one. */
export const deleteLayer = (org: OrgRecord, policyId: string, layerId: string, now: Millis) => {
  const policy = getPolicy(org, policyId);
  const index = policy.layers.indexOf(findLayer(policy, layerId));
  policy.layers.splice(index, 1);
  touchFrom(policy.layers, index, now);
  return policy;
};

/** `layerIds` must be exactly the policy's layers (the schema already refused repeats). */
export const reorderLayers = (org: OrgRecord, policyId: string, layerIds: readonly string[], now: Millis) => {
  const policy = getPolicy(org, policyId);
  policy.layers = reorderExactly(policy.layers, layerIds, 'policy');
  touchFrom(policy.layers, 0, now);
  return policy;
};

import type { Layer } from '../../src/schemas/policy-layers.js';
import type { Step } from '../../src/schemas/policy-steps.js';
import type { Policy, PolicyWithLayers } from '../../src/schemas/policies.js';
import type { LayerRecord, Millis, PolicyRecord } from './state.js';

/** Records keep epoch milliseconds; the API speaks ISO 8601 with milliseconds. */
let lastTime: Millis | undefined;
let lastIso = '';
/** ISO 8601. A view writes the same few instants over and over (the clock stands still between steps): the last is kept. */
export const iso = (time: Millis) => {
  if (time !== lastTime) {
    lastIso = new Date(time).toISOString();
    lastTime = time;
  }
  return lastIso;
};

export const layerView = (layer: LayerRecord, index: number): Layer => ({
  id: layer.id,
  policyId: layer.policyId,
  orgId: layer.orgId,
  position: index + 1,
  ackTimeoutMinutes: layer.ackTimeoutMinutes,
  target: layer.target,
  // Only when gated: an ungated layer keeps exactly the layers reference's shape.
  ...(layer.condition && { condition: { ...layer.condition } }),
  createdAt: iso(layer.createdAt),
  updatedAt: iso(layer.updatedAt),
});

/** The same layer as a step: a users layer keeps its users (`targetId: null`), so `GET` hides none. */
export const stepView = (layer: LayerRecord, index: number): Step => ({
  id: layer.id,
  position: index + 1,
  ...(layer.target.type === 'schedule'
    ? { targetType: 'schedule' as const, targetId: layer.target.scheduleId }
    : { targetType: 'users' as const, targetId: null, userIds: [...layer.target.userIds] }),
  escalateAfterSeconds: layer.ackTimeoutMinutes * 60,
  condition: layer.condition && { ...layer.condition },
  createdAt: iso(layer.createdAt),
  updatedAt: iso(layer.updatedAt),
});

export const layersView = (policy: PolicyRecord): Layer[] => policy.layers.map(layerView);

export const policyView = (policy: PolicyRecord): Policy => ({
  id: policy.id,
  orgId: policy.orgId,
  name: policy.name,
  description: policy.description,
  createdBy: policy.createdBy,
  createdAt: iso(policy.createdAt),
  updatedAt: iso(policy.updatedAt),
});

export const policyWithLayersView = (policy: PolicyRecord): PolicyWithLayers => ({
  ...policyView(policy),
  layers: layersView(policy),
  steps: policy.layers.map(stepView),
});

import type { Layer } from '../../src/schemas/policy-layers.js';
import type { Policy, PolicyWithLayers } from '../../src/schemas/policies.js';
import type { LayerRecord, Millis, PolicyRecord } from './state.js';

/** Records keep epoch milliseconds; the API speaks ISO 8601 with milliseconds. */
export const iso = (time: Millis) => new Date(time).toISOString();

export const layerView = (layer: LayerRecord, index: number): Layer => ({
  id: layer.id,
  policyId: layer.policyId,
  orgId: layer.orgId,
  position: index + 1,
  ackTimeoutMinutes: layer.ackTimeoutMinutes,
  target: layer.target,
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
});

import type { EndpointTable } from '../../src/endpoints/index.js';
import { getPolicy, createPolicy, deletePolicy, listPolicies, replacePolicy, updatePolicy } from '../store/policies.js';
import { createLayer, deleteLayer, reorderLayers, updateLayer } from '../store/policy-layers.js';
import { layersView, layerView, policyView, policyWithLayersView } from '../store/views.js';
import type { RouteHandles } from './route.js';

export const policyRoutes: RouteHandles<EndpointTable['policies']> = {
  list: ({ org }) => ({ data: listPolicies(org).map(policyView) }),
  // The documented `Policy`, unless the request used the provider's `steps`: then the full record.
  create: ({ state, org, actor, body, now }) => {
    const policy = createPolicy(state, org, actor, body, now);
    return { data: body.steps === undefined ? policyView(policy) : policyWithLayersView(policy) };
  },
  get: ({ org, params }) => ({ data: policyWithLayersView(getPolicy(org, params.policyId)) }),
  update: ({ org, params, body, now }) => ({ data: policyView(updatePolicy(org, params.policyId, body, now)) }),
  replace: ({ state, org, params, body, now }) => ({ data: policyWithLayersView(replacePolicy(state, org, params.policyId, body, now)) }),
  delete: ({ state, org, params, now }) => {
    deletePolicy(state, org, params.policyId, now);
    return { success: true };
  },
};

export const policyLayerRoutes: RouteHandles<EndpointTable['policyLayers']> = {
  list: ({ org, params }) => ({ data: layersView(getPolicy(org, params.policyId)) }),
  create: ({ state, org, params, body, now }) => {
    const { policy, layer } = createLayer(state, org, params.policyId, body, now);
    return { data: layerView(layer, policy.layers.indexOf(layer)) };
  },
  reorder: ({ org, params, body, now }) => ({ data: layersView(reorderLayers(org, params.policyId, body.layerIds, now)) }),
  update: ({ org, params, body, now }) => {
    const { policy, layer } = updateLayer(org, params.policyId, params.layerId, body, now);
    return { data: layerView(layer, policy.layers.indexOf(layer)) };
  },
  delete: ({ org, params, now }) => {
    deleteLayer(org, params.policyId, params.layerId, now);
    return { success: true };
  },
};

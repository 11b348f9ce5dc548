import { PolicyPathParams } from '../../src/schemas/policies.js';
import { LayerCreateParams, LayerPathParams, LayerReorderParams, LayerUpdateParams } from '../../src/schemas/policy-layers.js';
import { getPolicy } from '../store/policies.js';
import { createLayer, deleteLayer, reorderLayers, updateLayer } from '../store/policy-layers.js';
import { layersView, layerView } from '../store/views.js';
import { route, type MockContext } from './route.js';

/** The layers reference answers a malformed target with 400 `invalid_target`, not 422. */
const targetIssue = (issue: { path: readonly PropertyKey[] }) => (issue.path[0] === 'target' ? 'invalid_target' : undefined);
/** A list with repeats is not "exactly the policy's layers": 400 `invalid_reorder`. */
const reorderIssue = (issue: { code: string; path: readonly PropertyKey[] }) =>
  issue.code === 'custom' && issue.path[0] === 'layerIds' ? 'invalid_reorder' : undefined;

const LAYERS = '/escalation/policies/:policyId/layers';

export const policyLayerHandlers = (ctx: MockContext) => [
  route(ctx, {
    method: 'get',
    path: LAYERS,
    params: PolicyPathParams,
    handle: ({ org, params }) => ({ body: { data: layersView(getPolicy(org, params.policyId)) } }),
  }),
  route(ctx, {
    method: 'post',
    path: LAYERS,
    params: PolicyPathParams,
    body: LayerCreateParams,
    issueCode: targetIssue,
    handle: ({ state, org, params, body, now }) => {
      const { policy, layer } = createLayer(state, org, params.policyId, body, now);
      return { status: 201, body: { data: layerView(layer, policy.layers.indexOf(layer)) } };
    },
  }),
  // Registered before `…/layers/:layerId` so that `order` is never taken for a layer id.
  route(ctx, {
    method: 'put',
    path: `${LAYERS}/order`,
    params: PolicyPathParams,
    body: LayerReorderParams,
    issueCode: reorderIssue,
    handle: ({ org, params, body, now }) => ({
      body: { data: layersView(reorderLayers(org, params.policyId, body.layerIds, now)) },
    }),
  }),
  route(ctx, {
    method: 'patch',
    path: `${LAYERS}/:layerId`,
    params: LayerPathParams,
    body: LayerUpdateParams,
    issueCode: targetIssue,
    handle: ({ org, params, body, now }) => {
      const { policy, layer } = updateLayer(org, params.policyId, params.layerId, body, now);
      return { body: { data: layerView(layer, policy.layers.indexOf(layer)) } };
    },
  }),
  route(ctx, {
    method: 'delete',
    path: `${LAYERS}/:layerId`,
    params: LayerPathParams,
    handle: ({ org, params, now }) => {
      deleteLayer(org, params.policyId, params.layerId, now);
      return { body: { success: true } };
    },
  }),
];

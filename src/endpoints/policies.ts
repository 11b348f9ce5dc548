import { DeleteResponse } from '../schemas/common.js';
import {
  PolicyCreateParams,
  PolicyListResponse,
  PolicyPathParams,
  PolicyResponse,
  PolicyUpdateParams,
  PolicyWithLayersResponse,
} from '../schemas/policies.js';
import {
  LayerCreateParams,
  LayerListResponse,
  LayerPathParams,
  LayerReorderParams,
  LayerResponse,
  LayerUpdateParams,
} from '../schemas/policy-layers.js';
import { endpoint } from './endpoint.js';
import { AT_LEAST_ONE, NO_REPEATS } from './wording.js';

const POLICIES = '/escalation/policies';
const POLICY = `${POLICIES}/{policyId}`;
const LAYERS = `${POLICY}/layers`;

/** The layers reference answers a malformed target with 400 `invalid_target`, not 422. */
const INVALID_TARGET = [{ field: 'target', code: 'invalid_target' }] as const;

export const policyEndpoints = {
  list: endpoint({
    name: 'policies.list', method: 'get', path: POLICIES, tag: 'Policies', summary: 'List policies (without layers)',
    response: PolicyListResponse, unwrap: ['data'], returns: '`Policy[]` (no layers)',
  }),
  create: endpoint({
    name: 'policies.create', method: 'post', path: POLICIES, tag: 'Policies', summary: 'Create a policy',
    description: 'Names are unique per organization (409 `name_conflict`).',
    body: PolicyCreateParams, status: 201, response: PolicyResponse, unwrap: ['data'], returns: '`Policy`',
  }),
  get: endpoint({
    name: 'policies.get', method: 'get', path: POLICY, tag: 'Policies', summary: 'Get a policy with its layers',
    params: PolicyPathParams, response: PolicyWithLayersResponse, unwrap: ['data'], returns: '`PolicyWithLayers` (`Policy & { layers: Layer[] }`)',
  }),
  update: endpoint({
    name: 'policies.update', method: 'patch', path: POLICY, tag: 'Policies', summary: 'Update a policy',
    description: AT_LEAST_ONE('name, description'),
    params: PolicyPathParams, body: PolicyUpdateParams, response: PolicyResponse, unwrap: ['data'], returns: '`Policy`',
  }),
  delete: endpoint({
    name: 'policies.delete', method: 'delete', path: POLICY, tag: 'Policies', summary: 'Delete a policy and its layers',
    description: 'Incidents escalating under it stop escalating.',
    params: PolicyPathParams, response: DeleteResponse, unwrap: [], returns: '`void`',
  }),
} as const;

export const policyLayerEndpoints = {
  list: endpoint({
    name: 'policies.layers.list', method: 'get', path: LAYERS, tag: 'Policy layers', summary: 'List layers in position order',
    params: PolicyPathParams, response: LayerListResponse, unwrap: ['data'], returns: '`Layer[]` in position order',
  }),
  create: endpoint({
    name: 'policies.layers.create', method: 'post', path: LAYERS, tag: 'Policy layers', summary: 'Insert a layer at a position',
    description: `Layers at and after \`position\` move down one; \`position\` may be at most n + 1. A malformed target is 400 \`invalid_target\`. User ${NO_REPEATS.toLowerCase()}`,
    params: PolicyPathParams, body: LayerCreateParams, badRequestCodes: INVALID_TARGET, status: 201, response: LayerResponse, unwrap: ['data'], returns: '`Layer`',
  }),
  // Before `…/layers/{layerId}` in the table, so that `order` is never taken for a layer id.
  reorder: endpoint({
    name: 'policies.layers.reorder', method: 'put', path: `${LAYERS}/order`, tag: 'Policy layers', summary: 'Reorder all layers',
    description: `\`layerIds\` must be exactly the policy's layers (400 \`invalid_reorder\`). ${NO_REPEATS}`,
    params: PolicyPathParams, body: LayerReorderParams, badRequestCodes: [{ field: 'layerIds', refinementsOnly: true, code: 'invalid_reorder' }],
    response: LayerListResponse, unwrap: ['data'], returns: '`Layer[]` renumbered 1..n',
  }),
  update: endpoint({
    name: 'policies.layers.update', method: 'patch', path: `${LAYERS}/{layerId}`, tag: 'Policy layers', summary: 'Update a layer',
    description: `${AT_LEAST_ONE('ackTimeoutMinutes, target')} Order changes go through reorder.`,
    params: LayerPathParams, body: LayerUpdateParams, badRequestCodes: INVALID_TARGET, response: LayerResponse, unwrap: ['data'], returns: '`Layer`',
  }),
  delete: endpoint({
    name: 'policies.layers.delete', method: 'delete', path: `${LAYERS}/{layerId}`, tag: 'Policy layers', summary: 'Delete a layer',
    description: 'The layers after it move up one.',
    params: LayerPathParams, response: DeleteResponse, unwrap: [], returns: '`void`',
  }),
} as const;

import { DeleteResponse } from '../schemas/common.js';
import {
  CreatedPolicyResponse,
  PolicyCreateParams,
  PolicyListResponse,
  PolicyResponse,
  PolicyPathParams,
  PolicyReplaceParams,
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
import { endpoint, type EndpointDocsOf } from './endpoint.js';

const POLICIES = '/escalation/policies';
const POLICY = `${POLICIES}/{policyId}`;
const LAYERS = `${POLICY}/layers`;

/** The layers reference answers a malformed target with 400 `invalid_target`, not 422. */
const INVALID_TARGET = [{ field: 'target', code: 'invalid_target' }] as const;

export const policyEndpoints = {
  list: endpoint({
    name: 'policies.list', method: 'get', path: POLICIES,
    response: PolicyListResponse, unwrap: ['data'],
  }),
  create: endpoint({
    name: 'policies.create', method: 'post', path: POLICIES,
    body: PolicyCreateParams, status: 201, response: CreatedPolicyResponse, unwrap: ['data'],
  }),
  get: endpoint({
    name: 'policies.get', method: 'get', path: POLICY,
    params: PolicyPathParams, response: PolicyWithLayersResponse, unwrap: ['data'],
  }),
  update: endpoint({
    name: 'policies.update', method: 'patch', path: POLICY,
    params: PolicyPathParams, body: PolicyUpdateParams, response: PolicyResponse, unwrap: ['data'],
  }),
  replace: endpoint({
    name: 'policies.replace', method: 'put', path: POLICY,
    params: PolicyPathParams, body: PolicyReplaceParams, response: PolicyWithLayersResponse, unwrap: ['data'],
  }),
  delete: endpoint({
    name: 'policies.delete', method: 'delete', path: POLICY,
    params: PolicyPathParams, response: DeleteResponse, unwrap: [],
  }),
} as const;

export const policyLayerEndpoints = {
  list: endpoint({
    name: 'policies.layers.list', method: 'get', path: LAYERS,
    params: PolicyPathParams, response: LayerListResponse, unwrap: ['data'],
  }),
  create: endpoint({
    name: 'policies.layers.create', method: 'post', path: LAYERS,
    params: PolicyPathParams, body: LayerCreateParams, badRequestCodes: INVALID_TARGET, status: 201, response: LayerResponse, unwrap: ['data'],
  }),
  // Before `…/layers/{layerId}` in the table, so that `order` is never taken for a layer id.
  reorder: endpoint({
    name: 'policies.layers.reorder', method: 'put', path: `${LAYERS}/order`,
    params: PolicyPathParams, body: LayerReorderParams, badRequestCodes: [{ field: 'layerIds', refinementsOnly: true, code: 'invalid_reorder' }],
    response: LayerListResponse, unwrap: ['data'],
  }),
  update: endpoint({
    name: 'policies.layers.update', method: 'patch', path: `${LAYERS}/{layerId}`,
    params: LayerPathParams, body: LayerUpdateParams, badRequestCodes: INVALID_TARGET, response: LayerResponse, unwrap: ['data'],
  }),
  delete: endpoint({
    name: 'policies.layers.delete', method: 'delete', path: `${LAYERS}/{layerId}`,
    params: LayerPathParams, response: DeleteResponse, unwrap: [],
  }),
} as const;

// The prose of each endpoint, for the OpenAPI document and the method reference. Kept apart from the
// entries above so that the client bundle, which imports only the entries, ships none of it.
export const policyDocs: EndpointDocsOf<typeof policyEndpoints> = {
  list: {
    tag: 'Policies',
    summary: 'List policies (without layers)',
    returns: '`Policy[]` (no layers)',
    details: 'Every escalation policy of the organization, without their layers (get one policy for those).',
  },
  create: {
    tag: 'Policies',
    summary: 'Create a policy, optionally with its steps',
    description: 'Names are unique per organization (409 `name_conflict`). `steps` (positions 1..n in list order, schedule targets, `escalateAfterSeconds` a multiple of 60 from 60 to 604800, `condition` an object or null) become its layers; a schedule or working hours outside the organization is 400 `invalid_target` / `invalid_working_hours`, and nothing is created.',
    returns: '`Policy`; with `layers` and `steps` too when `steps` were sent',
    errors: { 400: ['invalid_target', 'invalid_working_hours'], 409: ['name_conflict'] },
  },
  get: {
    tag: 'Policies',
    summary: 'Get a policy with its layers and steps',
    description: '`steps` are the same layers as the provider reads them: same ids, positions and timestamps, `escalateAfterSeconds` = `ackTimeoutMinutes` × 60; a users layer shows as `targetType: users`, `targetId: null` and `userIds`.',
    returns: '`PolicyWithLayers` (`Policy & { layers: Layer[]; steps: Step[] }`)',
    errors: { 404: ['not_found'] },
  },
  update: {
    tag: 'Policies',
    summary: 'Update a policy',
    description: 'Send at least one of name, description; only the fields sent change.',
    returns: '`Policy`',
    errors: { 404: ['not_found'], 409: ['name_conflict'] },
  },
  replace: {
    tag: 'Policies',
    summary: 'Replace a policy\'s name, description and steps',
    description: 'Full replacement, all or nothing. The step at position N keeps the id and createdAt of the layer at N; ids are minted only for new positions and surplus layers are deleted. Same step rules and errors as create (409 `name_conflict`, 400 `invalid_target` / `invalid_working_hours`).',
    returns: '`PolicyWithLayers`',
    errors: { 400: ['invalid_target', 'invalid_working_hours'], 404: ['not_found'], 409: ['name_conflict'] },
  },
  delete: {
    tag: 'Policies',
    summary: 'Delete a policy and its layers',
    description: 'Incidents escalating under it stop escalating. Refused with 409 `escalation_policy_in_use` while a routing rule names it.',
    returns: '`void`',
    errors: { 404: ['not_found'], 409: ['escalation_policy_in_use'] },
  },
};

export const policyLayerDocs: EndpointDocsOf<typeof policyLayerEndpoints> = {
  list: {
    tag: 'Policy layers',
    summary: 'List layers in position order',
    returns: '`Layer[]` in position order',
    details: 'The policy\'s layers, position 1 first: each with its target, acknowledgement timeout and working-hours condition (when it has one). 404 `not_found` for a policy the organization does not have.',
    errors: { 404: ['not_found'] },
  },
  create: {
    tag: 'Policy layers',
    summary: 'Insert a layer at a position',
    description: 'Layers at and after `position` move down one; `position` may be at most n + 1 (400 `invalid_position`), and a policy holds at most 50 layers (400 `layer_limit_reached`). A malformed target, or one outside the organization, is 400 `invalid_target`. User ids must not repeat. An optional `condition` gates the layer on working hours of the organization (else 400 `invalid_working_hours`).',
    returns: '`Layer`',
    errors: { 400: ['invalid_position', 'layer_limit_reached', 'invalid_target', 'invalid_working_hours'], 404: ['not_found'] },
  },
  reorder: {
    tag: 'Policy layers',
    summary: 'Reorder all layers',
    description: '`layerIds` must be exactly the policy\'s layers (400 `invalid_reorder`). Ids must not repeat.',
    returns: '`Layer[]` renumbered 1..n',
    errors: { 400: ['invalid_reorder'], 404: ['not_found'] },
  },
  update: {
    tag: 'Policy layers',
    summary: 'Update a layer',
    description: 'Send at least one of ackTimeoutMinutes, target, condition; only the fields sent change (`condition: null` clears it). Order changes go through reorder. The create rules apply: 400 `invalid_target`, `invalid_working_hours`.',
    returns: '`Layer`',
    errors: { 400: ['invalid_target', 'invalid_working_hours'], 404: ['not_found'] },
  },
  delete: {
    tag: 'Policy layers',
    summary: 'Delete a layer',
    description: 'The layers after it move up one.',
    returns: '`void`',
    errors: { 404: ['not_found'] },
  },
};

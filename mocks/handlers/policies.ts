import { PolicyCreateParams, PolicyPathParams, PolicyUpdateParams } from '../../src/schemas/policies.js';
import { createPolicy, deletePolicy, getPolicy, listPolicies, updatePolicy } from '../store/policies.js';
import { policyView, policyWithLayersView } from '../store/views.js';
import { route, type MockContext } from './route.js';

export const policyHandlers = (ctx: MockContext) => [
  route(ctx, {
    method: 'get',
    path: '/escalation/policies',
    handle: ({ org }) => ({ body: { data: listPolicies(org).map(policyView) } }),
  }),
  route(ctx, {
    method: 'post',
    path: '/escalation/policies',
    body: PolicyCreateParams,
    handle: ({ state, org, actor, body, now }) => ({
      status: 201,
      body: { data: policyView(createPolicy(state, org, actor, body, now)) },
    }),
  }),
  route(ctx, {
    method: 'get',
    path: '/escalation/policies/:policyId',
    params: PolicyPathParams,
    handle: ({ org, params }) => ({ body: { data: policyWithLayersView(getPolicy(org, params.policyId)) } }),
  }),
  route(ctx, {
    method: 'patch',
    path: '/escalation/policies/:policyId',
    params: PolicyPathParams,
    body: PolicyUpdateParams,
    handle: ({ org, params, body, now }) => ({ body: { data: policyView(updatePolicy(org, params.policyId, body, now)) } }),
  }),
  route(ctx, {
    method: 'delete',
    path: '/escalation/policies/:policyId',
    params: PolicyPathParams,
    handle: ({ state, org, params, now }) => {
      deletePolicy(state, org, params.policyId, now);
      return { body: { success: true } };
    },
  }),
];

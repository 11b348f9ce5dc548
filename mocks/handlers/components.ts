import { ComponentCreateParams, ComponentPathParams, ComponentUpdateParams } from '../../src/schemas/components.js';
import { createComponent, deleteComponent, getComponent, listComponents, updateComponent } from '../store/components.js';
import { componentView } from '../store/team-views.js';
import { route, type MockContext } from './route.js';

export const componentHandlers = (ctx: MockContext) => [
  route(ctx, {
    method: 'get',
    path: '/components',
    handle: ({ org }) => ({ body: { data: listComponents(org).map(componentView) } }),
  }),
  route(ctx, {
    method: 'post',
    path: '/components',
    body: ComponentCreateParams,
    handle: ({ state, org, body, now }) => ({
      status: 201,
      body: { data: componentView(createComponent(state, org, body, now)) },
    }),
  }),
  route(ctx, {
    method: 'get',
    path: '/components/:componentId',
    params: ComponentPathParams,
    handle: ({ org, params }) => ({ body: { data: componentView(getComponent(org, params.componentId)) } }),
  }),
  route(ctx, {
    method: 'patch',
    path: '/components/:componentId',
    params: ComponentPathParams,
    body: ComponentUpdateParams,
    handle: ({ org, params, body, now }) => ({
      body: { data: componentView(updateComponent(org, params.componentId, body, now)) },
    }),
  }),
  route(ctx, {
    method: 'delete',
    path: '/components/:componentId',
    params: ComponentPathParams,
    handle: ({ org, params }) => {
      deleteComponent(org, params.componentId);
      return { body: { success: true } };
    },
  }),
];
